# Quiet hours (/giotinh, /quiet): a daily period in which reminders are held, then sent when it
# ends — a delay, never a drop. $range is like "12:00–13:30"; $end like "13:30"; $text is what
# the person typed; $total, $office are hours and $window the office hours ("08:00–17:00").

quiet-none = Đồng chí chưa đặt giờ tạm dừng nhắc (khoảng thời gian trong ngày không nhận lời nhắc): lời nhắc được gửi ngay khi đến lúc nhắc.
quiet-current = Giờ tạm dừng nhắc của đồng chí: { $range } hằng ngày. Lời nhắc rơi vào khoảng này được giữ lại và gửi khi hết khoảng này, trong giờ làm việc.
quiet-how =
    Đặt giờ tạm dừng nhắc: /giotinh 12:00-13:30 (qua đêm: /giotinh 22:00-6:00)
    Bỏ giờ tạm dừng nhắc: /giotinh tắt
    Giờ tạm dừng nhắc chỉ làm lời nhắc đến muộn hơn, không bỏ lời nhắc nào; dài tối đa { $total } giờ mỗi ngày, trong đó tối đa { $office } giờ trong giờ hành chính ({ $window }).
quiet-set = Đã lưu giờ tạm dừng nhắc: { $range } hằng ngày. Lời nhắc rơi vào khoảng này sẽ được gửi từ { $end } (trong giờ làm việc).
quiet-cleared = Đã bỏ giờ tạm dừng nhắc: lời nhắc sẽ được gửi ngay khi đến lúc nhắc.
quiet-format = Chưa đọc được "{ $text }" là một khoảng giờ. Đồng chí gửi giờ bắt đầu và giờ kết thúc (khác nhau, theo 24 giờ), ví dụ: /giotinh 12:00-13:30 hoặc /giotinh 22:00-6:00. Để bỏ giờ tạm dừng nhắc: /giotinh tắt
quiet-too-long = Khoảng tạm dừng nhắc "{ $text }" dài quá. Giờ tạm dừng nhắc dài tối đa { $total } giờ mỗi ngày, trong đó tối đa { $office } giờ trong giờ hành chính ({ $window }), để lời nhắc hạn báo cáo vẫn đến kịp. Ví dụ: /giotinh 12:00-13:30 hoặc /giotinh 22:00-6:00.
