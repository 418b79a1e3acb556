# The local web chat (src/channels/web): the page, and the errors of its API, which the page
# shows as they are. `{ $role }`, `{ $status }`, `{ $error }` and `{ $hint }` are filled in the
# browser; the manager's example is the dialog's own (`example-manager-*`, dialog.ftl).

web-title = Đôn Đốc — trò chuyện thử
web-demo-banner = Chế độ thử nghiệm — dữ liệu mẫu
web-users-title = Chọn người dùng
web-no-user = Chưa chọn người dùng
web-no-user-hint = Chọn một người dùng mẫu hoặc Khách để bắt đầu trò chuyện.
web-log-label = Tin nhắn
web-input-label = Tin nhắn gửi Đôn Đốc
web-input-placeholder = Gõ tin nhắn…
web-input-hint = Ví dụ: { $hint }
web-send = Gửi
web-role-focal = Đầu mối
web-role-manager = Lãnh đạo
web-speaker-me = Tôi
web-speaker-bot = Đôn Đốc
web-choices-label = Lựa chọn
web-error-status = Lỗi { $status }
web-send-failed = Chưa gửi được: { $error }
web-note-guest = Khách chưa kết nối với đơn vị nào: gửi mã mời để bắt đầu, hoặc /trogiup.
web-note-focal = Đồng chí đang thử với vai { $role }. Gửi /hanchot để xem báo cáo cần nộp, /trogiup để xem cách gửi số liệu của đơn vị mình.
web-note-manager = Đồng chí đang thử với vai { $role }. Hỏi tình hình nộp báo cáo, ví dụ: { example-manager-question } (hoặc { example-manager-command })
web-users-load-failed = Không tải được danh sách người dùng mẫu.
web-guest-label = Khách (chưa kết nối)
web-guest-meta = Chưa gắn với đơn vị nào
web-guest-name = Khách

web-api-forbidden = Người dùng này không có trong danh sách thử nghiệm.
web-api-too-large = Tin nhắn quá dài.
web-api-bad-request = Yêu cầu không hợp lệ.
web-api-bad-input = Cần có nội dung tin nhắn hoặc một nút đã bấm.
web-api-content-type = Yêu cầu phải gửi dạng JSON.
web-api-method = Phương thức không được hỗ trợ.
web-api-not-started = Kênh trò chuyện thử chưa sẵn sàng, đồng chí thử lại sau giây lát.
web-api-busy = Đồng chí gửi nhanh quá, xin chờ Đôn Đốc trả lời tin trước.
web-api-failed = Xin lỗi, Đôn Đốc đang gặp sự cố nên chưa xử lý được tin nhắn này. Đồng chí thử lại sau ít phút.
web-api-users-failed = Chưa tải được danh sách người dùng thử, đồng chí thử lại sau ít phút.
web-api-file-gone = Tệp không còn trên máy chủ (đã quá hạn lưu tạm).
web-api-not-found = Không tìm thấy.
web-open-dashboard = Mở bảng điều khiển
