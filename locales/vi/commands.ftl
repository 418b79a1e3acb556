# The command menu Telegram shows beside the text box (src/channels/telegram/telegram-commands.ts).

telegram-command-start = Bắt đầu, nhập mã mời
telegram-command-hanchot = Hạn chót: báo cáo sắp đến hạn
telegram-command-sua = Sửa số liệu đã gửi
telegram-command-huy = Hủy thao tác đang làm
telegram-command-trogiup = Trợ giúp
telegram-command-ngonngu = Ngôn ngữ / Language
telegram-command-giotinh = Giờ tạm dừng lời nhắc
telegram-command-tinhhinh = Tình hình nộp báo cáo (lãnh đạo)
