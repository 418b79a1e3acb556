# Operators' commands (CLI): yearly targets, duties' deadlines and reminder stages.

operators-missing-arg = Missing { $arg }.
operators-bad-format = Format "{ $format }" is not valid: use text or json.
operators-bad-extension = Only .csv or .xlsx files are accepted.
operators-unreadable = Cannot read { $file }: { $reason }

targets-import-ok = Imported { $count ->
    [one] { $count } target
   *[other] { $count } targets
} ({ $created } new, { $updated } updated) from { $file }.
targets-import-refused = File { $file } not imported: { $count ->
    [one] { $count } error
   *[other] { $count } errors
}, nothing was written.
targets-import-line = Line { NUMBER($line, useGrouping: 0) }: { $message }
targets-import-missing_columns = the header lacks { $columns } (it must be indicator,year,scope,kind,min,max; inclusive,note optional)
targets-import-empty_file = the file has no data rows
targets-import-missing_value = column { $column } is empty
targets-import-unknown_indicator = indicator "{ $value }" does not exist (use an indicator code, e.g. thads_viec, hoa_giai_thanh)
targets-import-bad_year = year "{ $value }" is not valid ({ $from } to { $to })
targets-import-unknown_scope = scope "{ $value }" does not exist (use ALL, a unit type, a cluster code or a unit code)
targets-import-bad_kind = target kind "{ $value }" is not valid (use floor, ceiling, range or sum)
targets-import-bad_number = column { $column }: "{ $value }" is not a number (e.g. 82.5 or 82,5)
targets-import-ambiguous_number = column { $column }: "{ $value }" could be a decimal or a thousands grouping; write it unambiguously, e.g. 1.5 or 1500
targets-import-missing_min = a { $kind } target needs a value in column min
targets-import-missing_max = a { $kind } target needs a value in column max
targets-import-unexpected_min = a { $kind } target does not use column min; leave it empty
targets-import-unexpected_max = a { $kind } target does not use column max; leave it empty (use kind range for an interval)
targets-import-min_above_max = min ({ $min }) is greater than max ({ $max })
targets-import-out_of_range = column { $column }: { $value } is outside the indicator's limits ({ $low } to { $high })
targets-import-bad_inclusive = column inclusive: "{ $value }" is not valid (use true/false or yes/no)
targets-import-note_too_long = note longer than { $max ->
    [one] { $max } character
   *[other] { $max } characters
}
targets-import-duplicate = indicator { $indicator }, year { $year }, scope { $scope } already appears on line { NUMBER($first, useGrouping: 0) }

targets-list-header = Year | Indicator | Scope | Target | Note | Updated by
targets-list-floor = { $inclusive ->
    [yes] at least { $min }
   *[no] above { $min }
}
targets-list-ceiling = { $inclusive ->
    [yes] at most { $max }
   *[no] below { $max }
}
targets-list-range = { $inclusive ->
    [yes] from { $min } to { $max }
   *[no] above { $min } and below { $max }
}
targets-list-sum = { $inclusive ->
    [yes] a total of at least { $min }
   *[no] a total above { $min }
}
targets-list-count = { $count ->
    [one] { $count } target.
   *[other] { $count } targets.
}
targets-list-none = No targets for { $year } yet.
targets-list-empty = No targets yet.
targets-list-bad-year = Year "{ $value }" is not valid: use a year from 2000 to 2100, e.g. --year 2027.

duties-list-duty = { $code } — { $name }: { $recurrence }, period { $pattern }, reminders at { $stages } days from the deadline{ $active ->
    [no] {" "}(inactive)
   *[yes] {""}
}
duties-list-rule = {"  "}• { $unitType }: { $date } (updated by { $updatedBy })
duties-list-count = { $count ->
    [one] { $count } report type.
   *[other] { $count } report types.
}
duties-recurrence-yearly = yearly
duties-recurrence-one_off = one-off
duties-default-type = default (every other unit type)
duties-not-set = not set yet
duties-not-applicable = not applicable
duties-no-own-rule = no rule of its own

duties-deadline-set = Deadline of { $duty } for { $unitType } set to { $date } (before: { $previous }).
duties-deadline-redated = Re-dated { $redated ->
    [one] { $redated } pending reporting assignment
   *[other] { $redated } pending reporting assignments
} of { $years }.
duties-deadline-created = Created { $created ->
    [one] { $created } new reporting assignment
   *[other] { $created } new reporting assignments
} for { $years } under this deadline; status and reminders include them at once.
duties-deadline-bad_format = Date "{ $value }" is not valid: use day/month, e.g. 15/02, or none when not announced yet.
duties-deadline-no_such_day = There is no day "{ $value }" in the year: check the day and month (day/month, e.g. 15/02).
duties-deadline-unknown_duty = No report type with code "{ $duty }". Existing codes: { $known }.
duties-deadline-unknown_unit_type = No unit type "{ $unitType }". Existing types: { $known } (or * for the default).
duties-deadline-not_applicable = Units of type { $unitType } do not send report { $duty }, so it has no deadline for them.

duties-reminders-set = Reminder stages of { $duty } set to: { $stages } (in days from the deadline; before: { $previous }).
duties-reminders-none = no reminders
duties-reminders-empty = No reminder stage given: write days from the deadline separated by commas, e.g. --stages=-7,-3,-1,0,+1,+3, or --stages default for the default stages. The reminder stages are unchanged.
duties-reminders-format = Reminder stage "{ $value }" is not valid: each stage is a whole number of days from the deadline, e.g. -7, 0, +3 or T-7, T0, T+3. The reminder stages are unchanged.
duties-reminders-too_far = Reminder stage "{ $value }" is too far from the deadline: reminders are only planned up to { $horizon ->
        [one] { $horizon } day
       *[other] { $horizon } days
    } before or after the deadline, so it would never be sent. The reminder stages are unchanged.

# reminders:tick (a preview unless --send) and reminders:list.
tick-preview-title = Preview of the reminder pass at { $at }: nothing sent, nothing recorded (add --send to send for real).
tick-sent-title = Reminder pass at { $at }: recorded in the reminder ledger and queued; the running service sends them.
tick-nothing = Nothing to send at this moment.
tick-outside-window = { $at } is outside the sending hours ({ $start }–{ $end } on working days): no reminder stage is sent now; stages already reached are sent at the start of the next sending hours.
tick-group = { $kind } { $stage } — { $report } ({ $count ->
    [one] { $count } message
   *[other] { $count } messages
}):
tick-stage-due = (due { $date })
tick-line = {"  "}• { $units } → { $recipient } on { $channel }
tick-units-one = { $name } ({ $code })
tick-units-many = { $count ->
    [one] { $count } unit
   *[other] { $count } units
} ({ $codes })
tick-units-none = (unit unknown)
tick-more = {"  "}… and { $count ->
    [one] { $count } more message
   *[other] { $count } more messages
} (see them all with --format json).
tick-example = {"  "}For example, the message to { $recipient }:
tick-unreached = { $count ->
    [one] { $count } unit has
   *[other] { $count } units have
} a reminder due but no focal point connected to the bot, so nobody receives it (invite one: npm run cli -- invite --unit <code>): { $codes }
tick-summary-preview = With --send it would send { $reminders ->
    [one] { $reminders } deadline reminder
   *[other] { $reminders } deadline reminders
} to focal points, { $escalations ->
    [one] { $escalations } late-report notice
   *[other] { $escalations } late-report notices
} to managers and cluster heads, { $digests ->
    [one] { $digests } weekly digest
   *[other] { $digests } weekly digests
} to managers; { $skipped ->
    [one] { $skipped } reminder stage skipped
   *[other] { $skipped } reminder stages skipped
} (a later stage is due, or it is too old to remind).
tick-summary-sent = Planned { $reminders ->
    [one] { $reminders } deadline reminder
   *[other] { $reminders } deadline reminders
} to focal points, { $escalations ->
    [one] { $escalations } late-report notice
   *[other] { $escalations } late-report notices
} to managers and cluster heads, { $digests ->
    [one] { $digests } weekly digest
   *[other] { $digests } weekly digests
} to managers; { $skipped ->
    [one] { $skipped } reminder stage skipped
   *[other] { $skipped } reminder stages skipped
} (a later stage is due, or it is too old to remind); { $requeued ->
    [one] { $requeued } unsent message queued again
   *[other] { $requeued } unsent messages queued again
}; { $uncertain ->
    [one] { $uncertain } message may or may not have arrived
   *[other] { $uncertain } messages may or may not have arrived
} (never sent again).
tick-send-refused = Not sent: --now ({ $at }) is more than { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
} from the real time ({ $real }). A message sent cannot be taken back, so --send only sends what is due right now. To see what another day would send, leave out --send for a preview (nothing sent, nothing recorded). Only a test database (APP_NOW set) may send for another moment.
ledger-units = { $count ->
    [one] { $count } unit
   *[other] { $count } units
}
