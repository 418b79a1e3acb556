# Deadline reminders to focal points and escalation digests to managers.

reminder-before = 📅 Reminder: { $duty }, period { $period }, for { $unit } — due { $due } ({ $days } days left).
reminder-today = ⏰ Today ({ $due }) is the deadline of { $duty }, period { $period }, for { $unit }.
reminder-overdue = ❗ { $duty }, period { $period }, for { $unit } is { $days } days overdue (due { $due }).
reminder-missing = Still missing: { $labels }.
reminder-document = The report document has not been sent (send the file, or its number and date).
reminder-how = Reply right here, e.g.: { $example }
reminder-peers = { $done }/{ $total } { $type } have sent it.
reminder-cluster = Your cluster still has { $left } unit(s) to send.
reminder-manual = The Emulation and Commendation Department asks you to complete this report soon.
escalation-title = ❗ Units that have not sent { $duty }, period { $period } (due { $due }):
escalation-line = • { $unit }{ $cluster }
escalation-more = … and { $count } more.
escalation-summary = Sent: { $done }/{ $total } units. Send /tinhhinh for details.
