# Deadline reminders to focal points and escalation digests to managers.

reminder-before = 📅 Reminder: { $report }, for { $unit } — due { $due } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} left).
reminder-today = ⏰ Today ({ $due }) is the deadline of { $report }, for { $unit }.
reminder-overdue = ❗ { $report }, for { $unit } is { $days ->
    [one] { $days } day
   *[other] { $days } days
} overdue (due { $due }).
reminder-missing = Still missing: { $labels }.
reminder-document = The report document has not been sent (send the file, or its number and date).
reminder-how = Reply right here, e.g.: { $example }
reminder-peers = { $done }/{ $total } { $type } have sent it.
reminder-cluster = Your cluster still has { $left ->
    [one] { $left } unit
   *[other] { $left } units
} to send.
reminder-manual = Please complete this report as soon as possible.
escalation-title = ❗ Units that have not sent { $report } (due { $due }):
escalation-line = • { $unit }{ $cluster }
escalation-line-state = • { $unit }{ $cluster } — { $state }
escalation-more = … and { $count } more.
escalation-summary = Sent: { $done }/{ $total } units{ $partial ->
    [0] {""}
   *[other] ; { $partial } partly sent
}. Send /tinhhinh for details.
escalation-details = Send /tinhhinh for details.
