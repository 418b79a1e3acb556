# Notices about delivery to a unit's managers.

ledger-kind-recipient_gone = báo đầu mối chặn bot
recipient-gone-notice = ⚠️ Lời nhắc hạn không đến được đồng chí { $person } (đầu mối của { $unit }) trên { $channel }: tài khoản này đã chặn bot hoặc không còn sử dụng.
recipient-gone-how = Đề nghị liên hệ với đồng chí { $person } để mở lại bot và gửi cho bot một tin bất kỳ, hoặc giao đầu mối khác cho đơn vị.
recipient-gone-elsewhere = Từ nay lời nhắc được gửi cho đồng chí { $person } qua { $other }. Nếu vẫn muốn nhận trên { $channel }, đồng chí { $person } chỉ cần mở lại bot và gửi cho bot một tin bất kỳ.
