# Deadline reminders to focal points and escalation digests to managers.

reminder-before = 📅 Nhắc hạn: { $report } của { $unit } — hạn { $due } (còn { $days } ngày).
reminder-today = ⏰ Hôm nay ({ $due }) là hạn nộp { $report } của { $unit }.
reminder-overdue = ❗ { $report } của { $unit } đã quá hạn { $days } ngày (hạn { $due }).
reminder-missing = Còn thiếu: { $labels }.
reminder-document = Chưa gửi văn bản báo cáo (gửi tệp, hoặc số và ngày văn bản).
reminder-how = Đồng chí trả lời ngay tại đây, ví dụ: { $example }
reminder-peers = { $done }/{ $total } { $type } đã gửi.
reminder-cluster = Cụm của đồng chí còn { $left } đơn vị chưa gửi.
reminder-manual = Đề nghị đồng chí sớm hoàn thành báo cáo này.
escalation-title = ❗ Các đơn vị chưa nộp { $report } (hạn { $due }):
escalation-line = • { $unit }{ $cluster }
escalation-line-state = • { $unit }{ $cluster } — { $state }
escalation-more = … và { $count } đơn vị khác.
escalation-summary = Đã gửi: { $done }/{ $total } đơn vị{ $partial ->
    [0] {""}
   *[other] ; { $partial } đơn vị mới nộp một phần
}. Gửi /tinhhinh để xem chi tiết.
escalation-details = Gửi /tinhhinh để xem chi tiết.
