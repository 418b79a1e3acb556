# Managers' actions: manual nudges, locks, exceptions to a lock, reminder history, weekly digest.

nudge-sent = Reminder sent to { $count ->
    [one] { $count } focal point
   *[other] { $count } focal points
} of { $unit } ({ $report }). Send /danhac { $unit } to see whether it arrived.
nudge-nothing_open = { $unit } has no report waiting to be submitted, so there is nothing to remind.
nudge-no_focal = { $unit } has no focal point connected to the bot, so nobody can be reminded. Ask the Emulation and Commendation Department for an invite code for the unit; once the focal point sends that code to the bot, reminders reach them.
nudge-already_today = { $unit } was already reminded today; a unit can be nudged by hand once a day.

unit-missing_unit = Please name the unit, e.g. { $command } STP_HANOI or { $command } Sở Tư pháp Hà Nội
unit-unknown_unit = No such unit within your scope. Example: { $command } STP_HANOI
unit-out_of_scope = This unit is outside your scope.
unit-no_scope = { $command } is for managers (Emulation and Commendation Department, Department of Civil Judgment Enforcement Management, cluster heads and deputies).
unit-ambiguous =
    Several units match; please choose one (or send it again with the unit code):
    { $list }
    Example: { $command } { $code }

ledger-none = No reminder has been sent to { $unit } yet.
ledger-title = Reminders sent to { $unit } (newest first):
ledger-line = • { $when } — { $kind } { $report } { $stage } → { $recipient } via { $channel }: { $status }
ledger-kind-reminder = deadline reminder
ledger-kind-escalation = overdue digest
ledger-kind-nudge = manual nudge
ledger-kind-digest = weekly digest
ledger-kind-exception = unlock request
ledger-status-planned = waiting to be sent
ledger-status-sending = being sent
ledger-status-sent = sent
ledger-status-failed = could not be sent
ledger-status-skipped = not sent (the unit had submitted)
ledger-status-uncertain = delivery uncertain (the server was interrupted while sending)

lock-done = Locked { $report }: { $count ->
    [one] { $count } report can
   *[other] { $count } reports can
} no longer be edited. Focal points who need a change will send you an unlock request.
unlock-done = Unlocked { $report }: { $count ->
    [one] { $count } report can
   *[other] { $count } reports can
} be edited again.
lock-not_allowed = Only the Emulation and Commendation Department can lock or unlock a reporting period.
lock-nothing_due = No recent reporting period. Example: /khoa BC6T 2027-H1
lock-unknown_duty = There is no report { $report }. Example: /khoa BC6T 2027-H1

unlock-already-requested = You have already asked to unlock this report; the managers have not answered yet.
exception-usage = Send { $command } with the request number, e.g. { $command } 12
exception-not_found = There is no request number { NUMBER($id, useGrouping: 0) }.
exception-out_of_scope = Request { NUMBER($id, useGrouping: 0) } is outside your scope.
exception-no_scope = Only managers can decide unlock requests.
exception-decided = Request { NUMBER($id, useGrouping: 0) } has already been decided.
exception-allow-done = { $unit } may edit { $report }, until { $until } (request { NUMBER($id, useGrouping: 0) }). The focal point has been told.
exception-refuse-done = Request { NUMBER($id, useGrouping: 0) } from { $unit } ({ $report }) refused. The focal point has been told.

exception-request = 🔓 Unlock request { NUMBER($id, useGrouping: 0) }: { $person } ({ $unit }) asks to edit the locked figures of { $report }. Reason: { $reason }.
exception-request-how = Press Allow or Refuse, or send /chophep { NUMBER($id, useGrouping: 0) } or /tuchoi { NUMBER($id, useGrouping: 0) }.
exception-no-reason = none given
btn-allow = ✅ Allow
btn-refuse = ✖️ Refuse
exception-allowed = ✅ Your request to unlock { $report }, was allowed: you can edit the figures until { $until }. Send /sua to correct.
exception-refused = Your request to unlock { $report }, was not allowed. Contact the Emulation and Commendation Department if needed.

handover-choose = Handing over a focal point of { $unit } ({ $count ->
    [one] one focal point now
   *[other] { $count } focal points now
}). Choose the person who leaves the role:
handover-line = • { $name } — focal point since { $since }, { $reach }
handover-reached = reminded on { $channel }
handover-unreachable = not reachable by reminders now (no channel left)
handover-no-focal = { $unit } ({ $code }) has no focal point, so there is nobody to hand over from. A new focal point connects with an invite code from the Emulation and Commendation Department.
handover-confirm = Confirm the handover: { $person } will no longer be a focal point of { $unit } once the successor uses the invite code the bot gives next. Press Confirm handover to get the code, or Cancel.
btn-handover-confirm = ✅ Confirm handover
handover-code =
    Invite code for the successor of { $person }, focal point of { $unit } (single use, expires at { $expires }):
    { $code }
    The successor sends the bot: /start { $code }
    When the code is used, { $person } will no longer be a focal point of { $unit }; the handover is recorded. The code is shown only this once: pass it to the successor now.
handover-cancelled = Handover cancelled: no invite code was issued and the focal points stay as they are.
handover-no_scope = /bangiao is for managers (the Emulation and Commendation Department, the Civil Judgment Enforcement Administration, cluster heads and deputies).
handover-out_of_scope = { $unit } is outside your scope.
handover-unknown_unit = { $unit } is retired: there is nothing to hand over.
handover-not_focal = { $person } is no longer a focal point of { $unit } (perhaps handed over already). Send /bangiao again to see the current focal points.
ledger-focal = { $count ->
    [one] Focal point
   *[other] Focal points ({ $count })
} now: { $names }
ledger-no-focal = The unit has no focal point connected to the bot.

digest-title = 📊 Weekly digest — reports due { $due } within your scope:
digest-more = Send /tinhhinh for details, /nhac <unit name or code> to remind one unit.

# A system-wide sum target in a few characters (status, exports).
target-sum = total ≥ { $value }

# The web dashboard from the chat (/web, /dangxuat).
dashboard-link =
    Your link to the dashboard (single use, valid until { $until }):
    { $url }
    Do not pass this link on. Send /dangxuat to sign out of the dashboard on every device.
dashboard-managers-only = The dashboard is for managers. You are a focal point: send /hanchot to see your deadlines, or send your figures right here in this chat.
dashboard-off = The web dashboard is not enabled on this server.
dashboard-signed-out =
    { $count ->
        [0] You had no open dashboard session. Unused sign-in links have been cancelled.
        [one] Signed out of { $count } dashboard session. Unused sign-in links have been cancelled too.
       *[other] Signed out of { $count } dashboard sessions. Unused sign-in links have been cancelled too.
    }
