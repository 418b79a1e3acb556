# Texts the Zalo adapter adds itself: Zalo sends only text and photos, so files go as links.

zalo-file-link = 📎 Tải tệp { $name }: { $url }
    (đường dẫn có hiệu lực { $hours } giờ, chỉ dành cho đồng chí)
zalo-file-unavailable = 📎 Tệp { $name } chưa gửi được qua Zalo. Đồng chí dùng Telegram hoặc liên hệ quản trị viên.
