# Status exports: the Excel workbook (/xuat, status --format xlsx) and the PNG chart (/bieudo).

# File names keep the Vietnamese slugs in every language: operators file them together.
export-file-workbook = tinh-hinh-{ $duty }-{ $period }.xlsx
export-file-chart = bieu-do-{ $duty }-{ $period }.png
export-file-chart-indicator = bieu-do-{ $duty }-{ $period }-{ $indicator }.png
export-creator = Đôn Đốc

## Both files

export-title = Reporting status of { $report } (generated { $at })
export-header-unit = Unit
export-header-code = Code
export-header-cluster = Cluster / group
export-state-on_time = On time
export-state-late = Late
export-state-partial = Partly submitted
export-state-missing = Missing
export-state-pending = Not yet due
export-no-cluster = No cluster
export-target = Target
export-target-met = Target met
export-mean = mean
export-sum = sum
export-met-of = { NUMBER($met, useGrouping: 0) }/{ NUMBER($evaluated, useGrouping: 0) } units
export-money-unit = VND
export-yes = yes
export-no = no

## The workbook

export-sheet-status = Status
export-sheet-figures = Figures
export-header-state = State
export-header-submitted-at = Submitted at
export-header-sender = Sent by
export-header-document = Document
export-document-sent = Sent
export-document-not-sent = Not sent
export-header-missing-indicators = Indicators missing
export-missing-all =
    { $count ->
        [one] The only indicator
       *[other] All { NUMBER($count, useGrouping: 0) } indicators
    }
export-totals-title = Totals
export-totals-count = Units
export-totals-share = Share
export-total-units = Units counted
export-submitted = Submitted
export-aggregate-how = Aggregated as
export-aggregate-value = Aggregate
export-sum-target-met = total met
export-sum-target-not-met = total not met

## The chart

export-chart-subtitle = { $report }
export-reached = met
export-not-reached = not met
export-all = All
export-no-unit-target = No unit target
export-met = Target met
export-not-met = Below target
export-completion-title = Reporting by cluster
export-submitted-of = { NUMBER($done, useGrouping: 0) }/{ NUMBER($total, useGrouping: 0) } units submitted ({ $percent })
export-axis-share = Share of the cluster’s units
export-axis-billions = {" "}bn
export-axis-millions = {" "}m
export-not-reported = { $count ->
    [one] { NUMBER($count, useGrouping: 0) } unit without figures
   *[other] { NUMBER($count, useGrouping: 0) } units without figures
}
export-shown-worst = lowest { NUMBER($shown, useGrouping: 0) } of { $total ->
    [one] { NUMBER($total, useGrouping: 0) } unit
   *[other] { NUMBER($total, useGrouping: 0) } units
}
export-target-label = Target { $target }
export-target-marks = Targets (black marks)
