# Administrator commands (CLI): imports, invites, seeding.

units-import-ok = Đã nhập { $count } đơn vị ({ $created } mới, { $updated } cập nhật) từ { $file }.
units-import-renamed = Đã đổi tên { $count } đơn vị; tên cũ được giữ trong lịch sử của đơn vị (dùng đến hết ngày { $until }).
units-import-refused = Không nhập tệp { $file }: có { $count } lỗi, chưa ghi dòng nào.
units-import-line = Dòng { NUMBER($line, useGrouping: 0) }: { $message }
units-import-missing_columns = thiếu cột { $columns } (cần tiêu đề code,name,type,parent,cluster)
units-import-empty_file = tệp không có dòng dữ liệu nào
units-import-missing_code = thiếu mã đơn vị (code)
units-import-bad_code = mã "{ $value }" không hợp lệ (chỉ dùng chữ không dấu, số, "_", "-", ".")
units-import-missing_name = thiếu tên đơn vị (name)
units-import-name_too_long = tên đơn vị dài quá { $max } ký tự
units-import-unknown_type = loại đơn vị "{ $value }" không tồn tại (dùng một trong: { $allowed })
units-import-duplicate_code = mã "{ $value }" đã xuất hiện ở dòng { NUMBER($first, useGrouping: 0) }
units-import-unknown_parent = đơn vị cấp trên "{ $value }" không tồn tại
units-import-self_parent = đơn vị "{ $value }" không thể là cấp trên của chính mình
units-import-parent_cycle = quan hệ cấp trên của "{ $value }" tạo thành vòng lặp
units-import-unknown_cluster = cụm thi đua "{ $value }" không tồn tại
units-import-not_a_cluster = "{ $value }" không phải là cụm thi đua
units-import-unreadable = Không đọc được tệp { $file }: { $reason }
units-import-bad-extension = Chỉ nhận tệp .csv hoặc .xlsx.

units-list-header = Mã | Tên | Loại | Cấp trên | Cụm | Trạng thái
units-list-active = đang hoạt động
units-list-retired = đã ngừng
units-list-count = { $count } đơn vị.

invite-created = Mã mời cho { $unit } (vai trò: { $role }), dùng một lần, hết hạn lúc { $expires }:
invite-deeplink = Liên kết Telegram (bấm là kết nối): { $link }
invite-how = Người nhận gửi cho bot: /start { $code }
invite-unknown-unit = Không có đơn vị mã "{ $unit }". Xem danh sách: npm run cli -- units:list
invite-retired-unit = Đơn vị "{ $unit }" đã ngừng hoạt động, không thể mời.
invite-bad-ttl = Thời hạn "{ $ttl }" không hợp lệ: dùng dạng 30m, 12h, 7d hoặc 2w (tối đa 366 ngày).
invite-bad-role = Vai trò "{ $role }" không hợp lệ: dùng focal (đầu mối) hoặc manager (quản lý).
role-focal = đầu mối
role-manager = quản lý
role-admin = quản trị

seed-done = Đã nạp dữ liệu mặc định: { $units } đơn vị, { $duties } loại báo cáo, { $indicators } chỉ tiêu, { $targets } chỉ tiêu năm, { $holidays } ngày nghỉ, { $assignments } nhiệm vụ báo cáo.
migrate-done = Cơ sở dữ liệu đã cập nhật: { $count ->
    [0] không có thay đổi mới.
   *[other] đã áp dụng { $count } migration ({ $names }).
}
diff-none = Schema và migration đã khớp, không tạo migration mới.
diff-created = Đã tạo migration { $name }.

cli-usage = Cách dùng: npm run cli -- <lệnh>. Các lệnh: { $commands }
cli-unknown-command = Không có lệnh "{ $command }".
cli-missing-arg = Thiếu { $arg }.
cli-bad-now = Thời điểm "{ $value }" không hợp lệ: dùng ISO-8601, ví dụ 2027-07-08T09:00:00+07:00.
ledger-header = Mã | Loại | Đơn vị | Báo cáo | Kỳ | Mốc | Người nhận | Kênh | Trạng thái | Số lần | Thời điểm | Lỗi
ledger-count = { $count } dòng nhắc.
cli-bad-format = Định dạng "{ $format }" không hợp lệ: dùng text, json hoặc xlsx.
status-xlsx-written = Đã ghi tệp { $file }.
