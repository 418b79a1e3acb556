# Administrator commands (CLI): imports, invites, seeding.

units-import-ok = Đã nhập { $count } đơn vị ({ $created } mới, { $updated } cập nhật) từ { $file }.
units-import-renamed = Đã đổi tên { $count } đơn vị; tên cũ được giữ trong lịch sử của đơn vị (dùng đến hết ngày { $until }).
units-import-assignments = Đã tạo { $count } nhiệm vụ báo cáo các năm { $years } cho các đơn vị vừa nhập ({ $duties }); lệnh status và lời nhắc có ngay các đơn vị này.
units-import-no-assignments = Các đơn vị mới không phải gửi báo cáo nào trong các năm { $years } (loại đơn vị của chúng không có báo cáo định kỳ).
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

units-list-header = Mã | Tên | Loại | Cấp trên | Cụm | Đầu mối | Trạng thái
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
invite-replaces = Khi mã được dùng, { $name } thôi là đầu mối của { $unit } (bàn giao, có ghi nhận); người nhận mã là đầu mối thay thế.
invite-adds = Người nhận mã sẽ là thêm một đầu mối của { $unit }; { $count } đầu mối hiện có vẫn giữ vai trò: { $names }. Để bàn giao thay một người, cấp mã với --replace <số hoặc họ tên>.
invite-focal-line = • #{ NUMBER($id, useGrouping: 0) } { $name }
invite-replace-needs-focal = --replace chỉ dùng cho mã mời đầu mối (--role focal): mã mời đó thay một đầu mối khi được dùng.
invite-replace-not-focal = "{ $person }" không phải đầu mối hiện tại của { $unit }. Các đầu mối hiện tại (ghi số hoặc họ tên sau --replace):
invite-replace-no-focal = { $unit } chưa có đầu mối nào nên không có ai để thay ("{ $person }"). Cấp mã mời không kèm --replace để thêm đầu mối.
invite-replace-ambiguous = Có { $count } đầu mối của { $unit } cùng tên "{ $person }"; ghi số của người cần thay sau --replace, ví dụ --replace 12:
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
