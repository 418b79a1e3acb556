# Operators' commands (CLI): yearly targets, duties' deadlines and reminder stages.

operators-missing-arg = Thiếu { $arg }.
operators-bad-format = Định dạng "{ $format }" không hợp lệ: dùng text hoặc json.
operators-bad-extension = Chỉ nhận tệp .csv hoặc .xlsx.
operators-unreadable = Không đọc được tệp { $file }: { $reason }

targets-import-ok = Đã nhập { $count } mức chỉ tiêu ({ $created } mới, { $updated } cập nhật) từ { $file }.
targets-import-refused = Không nhập tệp { $file }: có { $count } lỗi, chưa ghi dòng nào.
targets-import-line = Dòng { NUMBER($line, useGrouping: 0) }: { $message }
targets-import-missing_columns = thiếu cột { $columns } (cần tiêu đề indicator,year,scope,kind,min,max; có thể thêm inclusive,note)
targets-import-empty_file = tệp không có dòng dữ liệu nào
targets-import-missing_value = cột { $column } đang để trống
targets-import-unknown_indicator = chỉ tiêu "{ $value }" không tồn tại (dùng mã chỉ tiêu, ví dụ thads_viec, hoa_giai_thanh)
targets-import-bad_year = năm "{ $value }" không hợp lệ (từ { $from } đến { $to })
targets-import-unknown_scope = phạm vi "{ $value }" không tồn tại (dùng ALL, một loại đơn vị, một mã cụm thi đua hoặc một mã đơn vị)
targets-import-bad_kind = loại chỉ tiêu "{ $value }" không hợp lệ (dùng floor – mức tối thiểu, ceiling – mức tối đa, range – khoảng, sum – tổng cộng)
targets-import-bad_number = cột { $column }: "{ $value }" không phải là số (ví dụ 82,5 hoặc 82.5)
targets-import-ambiguous_number = cột { $column }: không rõ "{ $value }" là số thập phân hay số hàng nghìn; đồng chí ghi rõ hơn, ví dụ 1,5 hoặc 1500
targets-import-missing_min = chỉ tiêu loại { $kind } cần giá trị ở cột min
targets-import-missing_max = chỉ tiêu loại { $kind } cần giá trị ở cột max
targets-import-unexpected_min = chỉ tiêu loại { $kind } không dùng cột min, đề nghị để trống
targets-import-unexpected_max = chỉ tiêu loại { $kind } không dùng cột max, đề nghị để trống (nếu là một khoảng thì dùng loại range)
targets-import-min_above_max = min ({ $min }) lớn hơn max ({ $max })
targets-import-out_of_range = cột { $column }: { $value } nằm ngoài giới hạn của chỉ tiêu (từ { $low } đến { $high })
targets-import-bad_inclusive = cột inclusive: "{ $value }" không hợp lệ (dùng có/không hoặc true/false)
targets-import-note_too_long = ghi chú dài quá { $max } ký tự
targets-import-duplicate = chỉ tiêu { $indicator } năm { $year } cho phạm vi { $scope } đã có ở dòng { NUMBER($first, useGrouping: 0) }

targets-list-header = Năm | Chỉ tiêu | Phạm vi | Mức yêu cầu | Ghi chú | Người cập nhật
targets-list-floor = { $inclusive ->
    [yes] từ { $min } trở lên
   *[no] trên { $min }
}
targets-list-ceiling = { $inclusive ->
    [yes] không quá { $max }
   *[no] dưới { $max }
}
targets-list-range = { $inclusive ->
    [yes] từ { $min } đến { $max }
   *[no] trên { $min } và dưới { $max }
}
targets-list-sum = { $inclusive ->
    [yes] tổng cộng từ { $min } trở lên
   *[no] tổng cộng trên { $min }
}
targets-list-count = { $count } mức chỉ tiêu.
targets-list-none = Chưa có mức chỉ tiêu nào cho năm { $year }.
targets-list-empty = Chưa có mức chỉ tiêu nào.
targets-list-bad-year = Năm "{ $value }" không hợp lệ: dùng năm từ 2000 đến 2100, ví dụ --year 2027.

duties-list-duty = { $code } — { $name }: { $recurrence }, kỳ { $pattern }, nhắc vào các mốc { $stages } ngày so với hạn{ $active ->
    [no] {" "}(ngừng sử dụng)
   *[yes] {""}
}
duties-list-rule = {"  "}• { $unitType }: { $date } (cập nhật bởi { $updatedBy })
duties-list-count = { $count } loại báo cáo.
duties-recurrence-yearly = hằng năm
duties-recurrence-one_off = một lần
duties-default-type = mặc định (các loại đơn vị khác)
duties-not-set = chưa ấn định
duties-not-applicable = không áp dụng
duties-no-own-rule = chưa có quy định riêng

duties-deadline-set = Đã đặt hạn nộp báo cáo { $duty } cho { $unitType }: { $date } (trước đây: { $previous }).
duties-deadline-redated = Đã cập nhật hạn của { $redated } nhiệm vụ báo cáo chưa nộp các năm { $years }.
duties-deadline-created = Đã tạo { $created } nhiệm vụ báo cáo mới các năm { $years } theo hạn này; lệnh status và lời nhắc có ngay.
duties-deadline-bad_format = Ngày "{ $value }" không hợp lệ: dùng dạng ngày/tháng, ví dụ 15/02, hoặc none nếu chưa ấn định.
duties-deadline-no_such_day = Không có ngày "{ $value }" trong năm: kiểm tra lại ngày và tháng (ngày/tháng, ví dụ 15/02).
duties-deadline-unknown_duty = Không có loại báo cáo mã "{ $duty }". Các mã hiện có: { $known }.
duties-deadline-unknown_unit_type = Không có loại đơn vị "{ $unitType }". Các loại hiện có: { $known } (hoặc * cho mặc định).
duties-deadline-not_applicable = Đơn vị loại { $unitType } không phải gửi báo cáo { $duty }, nên không đặt hạn.

duties-reminders-set = Đã đặt các mốc nhắc của báo cáo { $duty }: { $stages } ngày so với hạn (trước đây: { $previous }).
duties-reminders-none = không nhắc
duties-reminders-empty = Chưa có mốc nhắc nào: đề nghị ghi số ngày so với hạn, cách nhau bằng dấu phẩy, ví dụ --stages=-7,-3,-1,0,+1,+3, hoặc --stages default để dùng các mốc mặc định. Các mốc nhắc chưa thay đổi.
duties-reminders-format = Mốc nhắc "{ $value }" không hợp lệ: mỗi mốc là một số ngày (số nguyên) so với hạn, ví dụ -7, 0, +3 hoặc T-7, T0, T+3. Các mốc nhắc chưa thay đổi.
duties-reminders-too_far = Mốc nhắc "{ $value }" cách hạn quá xa: hệ thống chỉ nhắc trong vòng { $horizon } ngày trước hoặc sau hạn, nên mốc này sẽ không bao giờ được gửi. Các mốc nhắc chưa thay đổi.

# reminders:tick (a preview unless --send) and reminders:list.
tick-preview-title = Xem trước lượt nhắc lúc { $at }: chưa gửi, chưa ghi gì (thêm --send để gửi thật).
tick-sent-title = Lượt nhắc lúc { $at }: đã ghi vào sổ nhắc và đưa vào hàng đợi; dịch vụ đang chạy sẽ gửi đi.
tick-nothing = Không có tin nào để gửi lúc này.
tick-outside-window = { $at } nằm ngoài giờ gửi ({ $start }–{ $end } các ngày làm việc): không mốc nhắc nào được gửi lúc này; các mốc đã tới sẽ được gửi vào đầu giờ gửi kế tiếp.
tick-group = { $kind } { $stage } — { $report } ({ $count } tin):
tick-stage-due = (hạn { $date })
tick-line = {"  "}• { $units } → { $recipient } qua { $channel }
tick-units-one = { $name } ({ $code })
tick-units-many = { $count } đơn vị ({ $codes })
tick-units-none = (không rõ đơn vị)
tick-more = {"  "}… và { $count } tin nữa (xem đủ bằng --format json).
tick-example = {"  "}Ví dụ, tin gửi { $recipient }:
tick-unreached = { $count } đơn vị có mốc nhắc đến hạn nhưng chưa có đầu mối nào kết nối với bot, nên không ai nhận (cấp mã mời: npm run cli -- invite --unit <mã>): { $codes }
tick-summary-preview = Nếu chạy với --send: gửi { $reminders } tin nhắc hạn tới đầu mối, { $escalations } tin báo đơn vị chậm nộp tới quản lý và cụm trưởng, { $digests } bản tin tuần tới quản lý; bỏ qua { $skipped } mốc nhắc (đã có mốc mới hơn, hoặc đã quá cũ để nhắc).
tick-summary-sent = Đã lên lịch gửi { $reminders } tin nhắc hạn tới đầu mối, { $escalations } tin báo đơn vị chậm nộp tới quản lý và cụm trưởng, { $digests } bản tin tuần tới quản lý; bỏ qua { $skipped } mốc nhắc (đã có mốc mới hơn, hoặc đã quá cũ để nhắc); đưa lại vào hàng đợi { $requeued } tin chưa gửi; { $uncertain } tin không rõ đã tới hay chưa (sẽ không gửi lại).
tick-send-refused = Không gửi: thời điểm --now ({ $at }) cách giờ thực hiện tại ({ $real }) hơn { $minutes } phút. Tin đã gửi thì không thu hồi được, nên --send chỉ gửi những gì đến hạn ngay lúc này. Muốn biết một ngày khác sẽ gửi gì, bỏ --send để xem trước (không gửi, không ghi gì). Chỉ cơ sở dữ liệu thử nghiệm (có đặt APP_NOW) mới được gửi theo một thời điểm khác.
ledger-units = { $count } đơn vị
