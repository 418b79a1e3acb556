# The managers' web dashboard (src/dashboard): its pages, forms, notices and refusals.
# State names (status-state-*), ledger words (ledger-kind-*, ledger-status-*), channels
# (channel-*), periods and dates (format.ftl) come from the chat's messages.

## Every page

dash-service = Đôn Đốc
dash-dashboard = Dashboard
dash-skip = Skip to main content
dash-nav-label = Main navigation
dash-nav-overview = Overview
dash-lang-label = Language
dash-signout = Sign out
# Who is signed in: "Scope: whole sector", "Scope: 12 units".
dash-scope = Scope: { $scope }
dash-scope-all = whole sector
dash-scope-units = { $count ->
    [one] { $count } unit
   *[other] { $count } units
}
dash-as-of = Figures as of { $at }.
# Read by screen readers in an empty cell (people see a dash).
dash-empty = none
dash-go-home = Back to the dashboard

## The overview

dash-overview-title = Submissions: { $report }
dash-duty = Report
dash-period = Period
dash-show = Show
dash-filters = Filters
dash-filter-cluster = Emulation cluster
dash-filter-state = State
dash-filter-sector = Sector
dash-filter-q = Find a unit
dash-filter-q-hint = Type a unit's name or code, with or without Vietnamese accents.
dash-filter-apply = Filter
dash-filter-clear = Clear filters
dash-all = All
dash-counts-title = Submissions
dash-all-units = All units
dash-completion = { $done } of { $total ->
    [one] { $total } unit
   *[other] { $total } units
} sent everything ({ $percent }).
dash-units-caption = Units ({ $count })
dash-units-hint = Select a column heading to sort. On a phone, swipe sideways to see every column.
dash-group-count = ({ $count ->
    [one] { $count } unit
   *[other] { $count } units
})
dash-no-units = No unit matches the filters.
dash-col-unit = Unit
dash-col-state = State
dash-col-submitted = Submitted
dash-col-due = Due
dash-col-focal = Focal points
dash-col-document = Document
dash-locked-short = Locked
dash-no-focal = No focal point yet
dash-document-sent = Sent
dash-document-not-sent = Not sent
dash-value-missing = No figure yet
dash-value-declared-none = The unit reported no figure
dash-target-met = Target met ({ $target })
dash-target-exceeded = Target exceeded ({ $target })
dash-target-not-met = Target not met ({ $target })
dash-target-none = No target of its own
# Announced to screen readers when the table refreshes by itself after a figure is stored.
dash-updated = The figures were just updated.
dash-actions-title = Download and lock
dash-export = Download the Excel workbook
dash-lock-state-locked = This period's figures are locked: a unit that needs to edit must request unlocking.
dash-lock-state-open = This period's figures are not locked: units can still edit them.
dash-lock = Lock the figures
dash-unlock = Unlock
dash-chart-alt = Chart of submissions for { $report } by cluster and results against targets; the detailed figures are in the table and the Excel workbook.
dash-chart-caption = Submissions by cluster and results against targets.

## A unit's page

dash-back-overview = ← Back to the overview
dash-unit-type = Unit type
dash-unit-clusters = Emulation cluster
dash-no-assignment = The unit does not have to send this report
dash-unit-lock = Lock
dash-unit-locked = Figures locked
dash-unit-open = Not locked
dash-open-until = (open for editing until { $until })
dash-document-sent-at = Sent at { $at }
dash-document-ref = (reference: { $ref })
dash-nudge-title = Nudge the unit
dash-nudge = Nudge
dash-nudge-how = Sends a reminder to the unit's focal points now. A unit can be nudged by hand once a day.
dash-nudge-unavailable = The unit cannot be nudged now: it has no report left to send, no focal point who receives reminders, or it was already nudged today.
dash-figures-title = Figures
dash-figures-caption = Figures now against the targets
dash-figures-none = This report has no indicators.
dash-col-indicator = Indicator
dash-col-value = Figure now
dash-col-target = Target
dash-col-revisions = Changes
dash-revision-count = { $count ->
    [one] { $count } change
   *[other] { $count } changes
}
dash-revisions-title = Revision history
dash-revisions-caption = Changes to the figures, newest first
dash-revisions-none = No figure has been changed.
dash-col-when = When
dash-col-person = Changed by
dash-col-channel = Channel
dash-col-change = Old → new
dash-col-reason = Reason
dash-col-raw = Original message
# Read by screen readers between the old and the new value (people see an arrow).
dash-changed-to = changed to
dash-value-empty = (empty)
dash-ledger-title = Reminder history
dash-ledger-caption = Reminders, nudges and digests about the unit, newest first
dash-ledger-none = No reminder about this unit yet.
dash-col-planned = Planned for
dash-col-sent = Sent at
dash-col-kind = Kind
dash-col-report = Report
dash-col-stage = Stage
dash-col-recipient = Recipient
dash-col-status = Status
# A reminder's stage, in days from the deadline.
dash-stage-before = { $days ->
    [one] { $days } day before the deadline
   *[other] { $days } days before the deadline
}
dash-stage-on-due = On the deadline
dash-stage-after = { $days ->
    [one] { $days } day after the deadline
   *[other] { $days } days after the deadline
}
dash-stage-due = Deadline { $date }
dash-focal-title = Focal points
dash-focal-caption = Focal points now ({ $now }) and before ({ $past })
dash-col-name = Name
dash-col-since = From
dash-col-until = Until
dash-col-focal-how = Reminders through, or why they left
dash-focal-current = Now
dash-focal-end-handover = Handed over
dash-focal-end-other = No longer a focal point
dash-focal-unreachable = No channel for reminders left
dash-exceptions-title = Unlock requests
dash-exceptions-none = No unlock requests.
dash-exception-title = Request { NUMBER($id, useGrouping: 0) }
dash-exception-by = Requested by
dash-exception-decided-by = Decided by
dash-exception-pending = Awaiting a decision
dash-exception-allowed = Allowed
dash-exception-allowed-until = Allowed, open for editing until { $until }
dash-exception-refused = Refused
dash-exception-allow = Allow
dash-exception-refuse = Refuse

## Sign-in, refusals and confirmations (a title and a text each)

dash-signin-title = Sign in to the dashboard
dash-signin-text = Signing in… If the page does not move on by itself, press Sign in.
dash-signin-button = Sign in
dash-no-session-title = Please sign in
dash-no-session-text = You are not signed in, or your session has expired. Send /web to the bot for a new sign-in link.
dash-link-invalid-title = This link cannot be used
dash-link-invalid-text = The sign-in link has expired, was already used or is not valid. Send /web to the bot for a new one (single use, valid for 10 minutes).
dash-signed-out-title = Signed out
dash-signed-out-text = You have signed out of the dashboard. Send /web to the bot when you want to sign in again.
dash-csrf-title = Nothing was done
dash-csrf-text = The form was out of date or not valid, so nothing changed. Reload the page and try again.
dash-forbidden-title = Access denied
dash-forbidden-text = This is outside the units you manage.
dash-no-file-title = No file could be made
dash-no-file-text = There is no such report among the units you manage.
dash-overview-no_scope-title = No manager role
dash-overview-no_scope-text = The dashboard is for leaders and managers. Your account has no manager role yet.
dash-overview-unknown_duty-title = Report not found
dash-overview-unknown_duty-text = There is no such report or period. Choose again on the dashboard.
dash-overview-nothing_due-title = No report due
dash-overview-nothing_due-text = No report has fallen due recently among the units you manage.
dash-overview-empty-title = No unit has to report
dash-overview-empty-text = No unit you manage has to send this report.

## Notices after an action

dash-notice-nudged = A reminder was sent to the unit's focal points.
dash-notice-already_today = This unit was already nudged today; a unit can be nudged by hand once a day.
dash-notice-nothing_open = The unit has no report left to send, so there is nothing to nudge about.
dash-notice-no_focal = The unit has no focal point connected to the bot yet, so it could not be nudged. Ask the Emulation and Commendation Department for an invitation code for the unit.
dash-notice-locked = The figures of this period are locked.
dash-notice-unlocked = Unlocked: units can edit their figures again.
dash-notice-lock-failed = Could not lock or unlock: there is no such report or period.
dash-notice-allowed = The unlock request was allowed; the focal point has been told.
dash-notice-refused = The unlock request was refused; the focal point has been told.
dash-notice-decided = This request had already been decided.

# Ledger stages that are not days from the deadline.
dash-stage-request = Request no. { NUMBER($id, useGrouping: 0) }

# Errors on the dashboard's pages.
dash-error-429-title = Too many attempts
dash-error-429-text = You tried too many times in one minute. Please wait a minute and try again; if your sign-in link has expired, send /web in your chat with the bot for a new one.
dash-error-404-title = Page not found
dash-error-404-text = This address is not part of the dashboard. Go back to the overview.
dash-error-400-title = Invalid request
dash-error-400-text = The request was not in the expected form, so nothing was done and nothing changed. Reload the page and try again.
dash-error-500-title = Something went wrong
dash-error-500-text = The server could not handle the request (the database may be busy); nothing was half-written. Please try again in a few minutes.
dash-notice-nudge-failed = This unit could not be nudged; try again from the unit's page.
dash-stream-ended = Your session has ended: the figures on this page no longer update. Send /web to sign in again.
