# Notices about delivery to a unit's managers.

ledger-kind-recipient_gone = báo đầu mối chặn bot
recipient-gone-notice = ⚠️ Tin nhắc hạn không đến được đồng chí { $person }, đầu mối của { $unit }: đồng chí ấy đã chặn bot hoặc không còn dùng tài khoản { $channel } này.
recipient-gone-how = Đề nghị liên hệ để đồng chí ấy mở lại bot và gửi cho bot một tin bất kỳ, hoặc giao đầu mối khác cho đơn vị.
recipient-gone-elsewhere = Từ nay Đôn Đốc nhắc đồng chí ấy qua { $other }. Nếu đồng chí ấy vẫn dùng { $channel }, đề nghị nhắc đồng chí mở lại bot và gửi cho bot một tin bất kỳ.
