# The conversation with focal points: binding, submitting, correcting, what is due.

btn-confirm = ✅ Confirm
btn-edit = ✏️ Edit
btn-cancel = ✖ Cancel
btn-skip = Skip
btn-request-unlock = Ask to unlock
btn-lang-vi = Tiếng Việt
btn-lang-en = English

welcome-unbound =
    Hello! This is Đôn Đốc, the Justice sector's assistant for emulation-report deadlines and figures.
    To begin, send the invite code you received from the Emulation and Commendation Department (e.g. /start K7PM-Q2XD-9RWA).
welcome-bound = Hello { $name }! You are { $roles }. Send /hanchot to see what is due, /trogiup for help.
unbound-only =
    You are not connected to a unit yet, so you cannot send figures.
    Please send your invite code (e.g. /start K7PM-Q2XD-9RWA), or /trogiup for help.
bind-ok = Connected: you are { $role } of { $unit }.
bind-ok-handover = Connected: you are the new focal point of { $unit } (replacing { $previous }, recorded at { $date }).
bind-ok-alongside = Connected: you are a focal point of { $unit }, with { $count ->
    [one] one other
   *[other] { $count } others
}: { $others }. Each focal point gets the reminders and may send figures.
bind-ok-next = Send /hanchot to see the reports due, or send figures right away, e.g.: { $example }
bind-unknown = That invite code is not valid. Please check it (12 characters, e.g. K7PM-Q2XD-9RWA) or ask the Emulation and Commendation Department for a new one.
bind-used = That invite code has already been used. Each code works once; please ask the Emulation and Commendation Department for a new one.
bind-expired = That invite code has expired. Please ask the Emulation and Commendation Department for a new one.
bind-retired_unit = The unit of this invite is no longer active. Please contact the Emulation and Commendation Department.
bind-rate-limited = Too many wrong codes. Please try again in { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.
start-missing-code = Please add your invite code, e.g. /start K7PM-Q2XD-9RWA

help-unbound =
    Đôn Đốc reminds units of emulation-report deadlines and takes quick figures by message.
    • Connect: send your invite code, e.g. /start K7PM-Q2XD-9RWA
    • /ngonngu — change language (Tiếng Việt / English)
help-focal =
    How to use Đôn Đốc:
    • Send figures as a normal message, e.g.: { $example } — the bot lists what is still missing at once; send it in one more message, or /tungchitieu to be asked one by one
    • Correct a figure: { $correction }
    • Send the signed report: a PDF/photo, or its number and date, e.g. số 123/BC-STP ngày 10/7/2027
    • /hanchot — reports due and what is missing
    • /huy — cancel what you are doing
    • /lienket — use both Telegram and Zalo; /kenh — choose where reminders go
    • /giotinh (or /quiet) — quiet hours: hold reminders during a break, e.g. /giotinh 12:00-13:30
    • /ngonngu — change language
help-manager =
    You are a manager of { $unit }.
    • /tinhhinh [report] [period] — where reporting stands in your scope (or ask: "đơn vị nào chưa nộp báo cáo 6 tháng?")
    • /chitieu — figures against the year's targets; /tonghop — a drafted paragraph for the consolidated report
    • /xuat — Excel file; /bieudo — chart
    • /nhac <unit code> — remind one unit (once a day); /danhac <unit code> — reminders sent to it
    • /bangiao <unit code> — hand a focal point over: choose who leaves, get the invite code for the successor
    • /web — the dashboard in a browser (single-use sign-in link); /dangxuat — sign out of it
    • /khoa, /mokhoa [report] [period] — lock, unlock a reporting period (Emulation Department)
    • /chophep, /tuchoi <number> — decide an unlock request
    • /lienket — use both Telegram and Zalo; /kenh — choose where messages go
    • /ngonngu — change language
manager-cannot-submit = Your account has a manager role; only a unit's focal point can send figures. Send /tinhhinh to see the status.
manager-status-coming = The managers' status view is not enabled on this server yet.
unknown-command = There is no command "{ $command }". Send /trogiup for the list.
not-understood = I could not find figures in that message. Please write them like this: { $example }
numbers-no-label = I see { $numbers } but not which indicator it belongs to. Please add the indicator's name, e.g.: { $example }
no-open-assignment = { $unit } has no report open for figures right now. Send /hanchot to see upcoming deadlines.
no-figures-for-unit = The open reports of { $unit } take no quick figures; please send the report document (a file, or its number and date).
cancelled = Cancelled. Nothing was saved.
nothing-to-cancel = Nothing is in progress.
stale-button = That button belongs to an earlier step that has ended. Please send the figures again if needed.
text-too-long = Your message is very long; I read only its first { $max ->
    [one] { $max } character
   *[other] { $max } characters
}.

pick-unit = You are the focal point of several units. Which unit are these figures for?
pick-assignment = Which report are these figures for?
assignment-label = { $report }
unit-chosen = { $unit } selected. Your next messages count for this unit (send /huy to choose again).

invalid-value = Not accepted: { $label } = { $raw }: { $reason }
reason-percent_over_100 = a percentage cannot exceed 100%.
reason-above_max = above the allowed maximum ({ $max }).
reason-below_min = below the allowed minimum ({ $min }).
reason-negative = cannot be negative.
reason-not_integer = must be a whole number.
ambiguous-ask = "{ $raw }" for { $label } can be read more than one way. Did you mean:
ask-missing = Still missing: { $label }{ $unit }. Send the number, or press (type) Skip.
skip-word-hint = (type "skip" to skip)
ask-reason = You are correcting figures already sent. Please give the reason (e.g. the department re-checked its data).
ask-edit = Send the figures to change, e.g.: { $example }

confirm-title = Confirm the figures of { $report } — { $unit }:
confirm-line = • { $label }: { $value }
confirm-line-change = • { $label }: { $old } → { $value }
target-met = target met ({ $target })
target-exceeded = target exceeded ({ $target })
target-not-met = below target ({ $target })
unusual-previous = ⚠ { $label } { $value } is far from the previous period ({ $reference }). Please check it before confirming.
unusual-peers = ⚠ { $label } { $value } is far from the units of the same cluster (median { $reference }). Please check it before confirming.
confirm-reason = Reason for the correction: { $reason }
confirm-skipped = Skipped: { $labels }
confirm-question = Press Confirm to save, Edit to change, Cancel to discard.

saved = Saved { $count ->
    [one] { $count } figure
   *[other] { $count } figures
} of { $unit } ({ $report }) at { $time }.
saved-complete-on-time = The report is complete and on time. Thank you!
saved-complete-late = The report is complete (after the deadline of { $due }).
saved-missing = Still missing: { $labels }.
save-locked = { $report } is locked; figures cannot be changed. If a correction is needed, press "Ask to unlock" to send a request to the Emulation and Commendation Department.
save-not-allowed = You are no longer the focal point of { $unit }, so these figures cannot be saved.
save-failed = Not saved because of a system problem; nothing was written. Please press Confirm again in a few minutes.
unlock-requested = Your request to unlock was sent to the Emulation and Commendation Department. You will be told of the answer.
already-handled = This has already been handled.

document-recorded = Recorded the document of { $report } for { $unit }: { $ref }.
document-file = file "{ $name }"
document-number = no. { $number }
document-number-date = no. { $number } dated { $date }
pick-assignment-document = Which report is this document for?

due-title = Reports due for { $unit }:
due-line = • { $report } — due { $due }: { $status }
due-none = { $unit } has no open report right now.
# A report whose deadline a higher body has not announced yet (its reminders start once it is).
due-line-undated = • { $report } — deadline not announced yet; you will be reminded once it is: { $status }
status-complete = complete
status-missing = missing { $labels }
status-document-only = document not sent
status-document-sent = document sent
status-overdue = overdue

lang-choose = Chọn ngôn ngữ / Choose a language:
lang-set = Switched to English.
sua-how = Send the indicator and the new figure, e.g.: { $example }
correction-example = /sua { $label } { $value } because we re-checked
correction-example-generic = sửa về tiền 47.1 because we re-checked

# Examples (src/messages/examples.ts): the generic one when no report's indicators are known, a
# free-text answer, and what a manager could ask (read by the status question reader).
example-generic = the indicator's name with the figure, like "hòa giải thành 85%" or "việc 83.5%"
example-text-answer = completed
example-manager-question = who has not sent BC6T yet?
example-manager-command = /tinhhinh BC6T

system-error = Sorry, the system has a problem and could not handle this message; nothing was saved. Please try again in a few minutes.

status-title = Status of { $report } ({ $scope }):
status-scope-all = whole sector
status-scope-units = { $count ->
    [one] { $count } unit in scope
   *[other] { $count } units in scope
}
status-totals = On time { $onTime } · Late { $late } · Partly sent { $partial } · Not yet due { $pending } · Missing { $missing } — complete { $done }/{ $total } ({ $percent })
status-locked = 🔒 Locked for edits: { $count }/{ $total } reports.
status-incomplete-title = Not complete yet ({ $count }):
status-cluster = { $cluster } ({ $count }):
status-no-cluster = No cluster
status-unit-state = • { $unit } — { $state }
status-state-on_time = On time
status-state-late = Late
status-state-missing = Missing
status-state-pending = Not yet due
status-state-partial = Partly sent
status-state-partial-lacks = Partly sent, still missing: { $labels }
status-labels-more = { $labels } and { $count ->
    [one] { $count } more indicator
   *[other] { $count } more indicators
}
status-more-units = … and { $count ->
    [one] { $count } more unit
   *[other] { $count } more units
} — /xuat for the full list.
status-late-title = Late:
status-unit-late = • { $unit } — sent { $at }
status-more = … and { $count ->
    [one] { $count } more unit.
   *[other] { $count } more units.
}
status-none = No unit in your scope has to send { $report }.
status-unknown-duty = No report "{ $duty }" for period "{ $period }". Use the codes DKTD, SKD1, BC6T, BCNAM; periods like 2026 or 2026-H1.
status-no-scope = This is for managers. Your account has no manager role.
status-nothing = No report in your scope is due around now.
btn-next-page = Next page ›
btn-prev-page = ‹ Previous page
export-caption = Excel file of { $report } (sheets "Status" and "Figures").
chart-caption = Chart of { $report }.
chart-unknown-indicator = The report has no such indicator. Example: /bieudo BC6T 2027-H1 thads_viec

targets-title = Figures against targets — { $report }:
targets-none = • { $label }: no unit has sent figures yet
targets-mean = mean { $value }
targets-sum = total { $value }
targets-met = target met by { $met }/{ $evaluated } units ({ $target })
targets-sum-met = target met ({ $target })
targets-sum-not-met = target not met ({ $target })
targets-best-worst = highest { $best }; lowest { $worst }
targets-below = ⚠ Below target: { $units }
targets-no-indicators = This report has no figures with targets.
units-word = units
summary-head = As of { $date }, { $done }/{ $total } { $units } have sent { $report }{ $done ->
    [0] {""}
   *[other] {" "}({ $onTime } on time, { $late } late)
}
summary-sector = { $type ->
    [CUC_THADS] provincial Civil Judgment Enforcement offices
    [SO_TU_PHAP] provincial Departments of Justice
    [MINISTRY_DEPT] departments of the Ministry
    [TONG_CUC_THADS] Departments of Civil Judgment Enforcement Management
    [CLUSTER] emulation clusters
   *[other] units
}
summary-aggregate-mean = mean { $value }
summary-aggregate-sum = total { $value }
summary-indicator = { $label }: { $aggregate }, { $met }/{ $evaluated } units meet the target ({ $target })
summary-sum = { $label }: { $aggregate }, the shared target ({ $target }) is { $status }
summary-plain = { $label }: { $aggregate }
summary-met = met
summary-not-met = not met
summary-last-year = same period last year { $value }
summary-partial = { $count ->
    [one] { $count } unit has sent part of it
   *[other] { $count } units have sent part of it
}
summary-missing = { $count ->
    [one] { $count } unit has not sent it
   *[other] { $count } units have not sent it
}

link-code = Your link code: { $code } (single use, valid for { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}). Open the Đôn Đốc bot on the other channel (Telegram or Zalo) and send this code there to use both.
link-ok = Linked: this account belongs to { $name } and works on { $channel } like your first one. Reminders go to the channel you used last (change with /kenh).
link-used = This link code has already been used. Send /lienket on your first channel for a new one.
link-expired = This link code has expired. Send /lienket on your first channel for a new one.
link-already_bound = This account is bound to someone else, so it cannot be linked. Please contact the Emulation and Commendation Department.
channel-choose = Reminders now go to: { $current }. Choose where reminders should go:
channel-last-used = the channel used last
channel-telegram = Telegram
channel-zalo = Zalo
channel-web = the trial web chat
channel-set = Saved: reminders will go to { $channel }.
flood-limited = You are sending messages too fast. The bot pauses; please send again in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}.

# One step for what is missing, and numbers named back (issue: figures people can trust).
btn-save-partial = ✅ Save what I sent
btn-one-by-one = One by one
btn-drop-number = Ignore this number
confirm-missing = Still missing: { $labels }.
confirm-missing-how = Send the missing figures in one message (any order), e.g.: { $example } — or choose Save what I sent, One by one to be asked in turn, Cancel to discard.
confirm-unused = Not used: { $raw } — which indicator is it for? Press the indicator, or send it again with the indicator's name.
confirm-unused-none = Not used: { $raw } — no indicator of this report takes that number. Send it again with the indicator's name, or press Ignore this number.
confirm-unused-more = Other numbers not used: { $numbers }.
refused-only = No figure was accepted. Please send the right figure, e.g.: { $example }
one-by-one-nothing = No figures are waiting. Please send figures first, e.g.: { $example }
btn-none = No figure
confirm-none = No figure this period: { $labels }
