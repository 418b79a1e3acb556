# Quiet hours (/giotinh, /quiet): a daily period in which reminders are held, then sent when it
# ends — a delay, never a drop. $range is like "12:00–13:30"; $end like "13:30"; $text is what
# the person typed; $total, $office are hours and $window the office hours ("08:00–17:00").

quiet-none = Đồng chí chưa đặt giờ tĩnh (khoảng thời gian trong ngày tạm không nhận lời nhắc): lời nhắc được gửi ngay khi đến lúc nhắc.
quiet-current = Giờ tĩnh của đồng chí: { $range } hằng ngày. Lời nhắc rơi vào khoảng này được giữ lại và gửi ngay khi hết giờ tĩnh.
quiet-how =
    Đặt giờ tĩnh: /giotinh 12:00-13:30 (qua đêm: /giotinh 22:00-6:00)
    Bỏ giờ tĩnh: /giotinh tắt
    Giờ tĩnh chỉ làm lời nhắc đến muộn hơn, không bỏ lời nhắc nào; dài tối đa { $total } tiếng mỗi ngày, trong đó tối đa { $office } tiếng trong giờ hành chính ({ $window }).
quiet-set = Đã lưu giờ tĩnh: { $range } hằng ngày. Lời nhắc rơi vào khoảng này sẽ được gửi lúc { $end }.
quiet-cleared = Đã bỏ giờ tĩnh: lời nhắc sẽ được gửi ngay khi đến lúc nhắc.
quiet-format = Chưa đọc được "{ $text }" là một khoảng giờ. Đồng chí gửi giờ bắt đầu và giờ kết thúc (khác nhau, theo 24 giờ), ví dụ: /giotinh 12:00-13:30 hoặc /giotinh 22:00-6:00. Để bỏ giờ tĩnh: /giotinh tắt
quiet-too-long = Khoảng giờ tĩnh "{ $text }" dài quá. Giờ tĩnh dài tối đa { $total } tiếng mỗi ngày, trong đó tối đa { $office } tiếng trong giờ hành chính ({ $window }), để lời nhắc hạn báo cáo vẫn đến kịp. Ví dụ: /giotinh 12:00-13:30 hoặc /giotinh 22:00-6:00.
