# Administrator commands (CLI): imports, invites, seeding.

units-import-ok = Imported { $count ->
    [one] { $count } unit
   *[other] { $count } units
} ({ $created } new, { $updated } updated) from { $file }.
units-import-renamed = Renamed { $count ->
    [one] { $count } unit
   *[other] { $count } units
}; the old names are kept in the units' history (in use until { $until }).
units-import-assignments = Created { $count ->
    [one] { $count } reporting assignment
   *[other] { $count } reporting assignments
} for the imported units, years { $years } ({ $duties }); status and reminders include them at once.
units-import-no-assignments = The new units owe no report in { $years } (their unit type has no recurring report).
units-import-refused = File { $file } not imported: { $count ->
    [one] { $count } error
   *[other] { $count } errors
}, nothing was written.
units-import-line = Line { NUMBER($line, useGrouping: 0) }: { $message }
units-import-missing_columns = the header lacks { $columns } (it must be code,name,type,parent,cluster)
units-import-empty_file = the file has no data rows
units-import-missing_code = missing unit code (code)
units-import-bad_code = code "{ $value }" is not valid (use unaccented letters, digits, "_", "-", ".")
units-import-missing_name = missing unit name (name)
units-import-name_too_long = unit name longer than { $max ->
    [one] { $max } character
   *[other] { $max } characters
}
units-import-unknown_type = unit type "{ $value }" does not exist (use one of: { $allowed })
units-import-duplicate_code = code "{ $value }" already appears on line { NUMBER($first, useGrouping: 0) }
units-import-unknown_parent = parent unit "{ $value }" does not exist
units-import-self_parent = unit "{ $value }" cannot be its own parent
units-import-parent_cycle = the parents of "{ $value }" form a cycle
units-import-unknown_cluster = emulation cluster "{ $value }" does not exist
units-import-not_a_cluster = "{ $value }" is not an emulation cluster
units-import-unreadable = Cannot read { $file }: { $reason }
units-import-bad-extension = Only .csv or .xlsx files are accepted.

units-list-header = Code | Name | Type | Parent | Clusters | Focal points | Status
units-list-active = active
units-list-retired = retired
units-list-count = { $count ->
    [one] { $count } unit.
   *[other] { $count } units.
}

invite-created = Invite code for { $unit } (role: { $role }), single use, expires at { $expires }:
invite-deeplink = Telegram link (one tap to connect): { $link }
invite-how = The recipient sends the bot: /start { $code }
invite-unknown-unit = No unit with code "{ $unit }". See the list: npm run cli -- units:list
invite-retired-unit = Unit "{ $unit }" is retired and cannot be invited.
invite-bad-ttl = Validity "{ $ttl }" is not valid: use 30m, 12h, 7d or 2w (at most 366 days).
invite-bad-role = Role "{ $role }" is not valid: use focal or manager.
invite-replaces = When the code is used, { $name } will no longer be a focal point of { $unit } (a handover, recorded): the recipient takes over.
invite-adds = The recipient becomes one more focal point of { $unit }; { $count ->
    [one] the current one keeps the role
   *[other] the { $count } current ones keep the role
}: { $names }. To hand over instead, issue the code with --replace <number or full name>.
invite-focal-line = • #{ NUMBER($id, useGrouping: 0) } { $name }
invite-replace-needs-focal = --replace is for focal point invites only (--role focal): such a code replaces a focal point when used.
invite-replace-not-focal = "{ $person }" is not a current focal point of { $unit }. The current focal points (put the number or full name after --replace):
invite-replace-no-focal = { $unit } has no focal point, so there is nobody to replace ("{ $person }"). Issue the invite without --replace to add a focal point.
invite-replace-ambiguous = { $count ->
    [one] One focal point
   *[other] { $count } focal points
} of { $unit } are named "{ $person }": put the number of the one to replace after --replace, e.g. --replace 12:
role-focal = focal point
role-manager = manager
role-admin = administrator

seed-done = Default data loaded: { $units ->
    [one] { $units } unit
   *[other] { $units } units
}, { $duties ->
    [one] { $duties } report type
   *[other] { $duties } report types
}, { $indicators ->
    [one] { $indicators } indicator
   *[other] { $indicators } indicators
}, { $targets ->
    [one] { $targets } yearly target
   *[other] { $targets } yearly targets
}, { $holidays ->
    [one] { $holidays } day off
   *[other] { $holidays } days off
}, { $assignments ->
    [one] { $assignments } reporting assignment
   *[other] { $assignments } reporting assignments
}.
migrate-done = Database up to date: { $count ->
    [0] no new changes.
    [one] applied { $count } migration ({ $names }).
   *[other] applied { $count } migrations ({ $names }).
}
diff-none = Schema and migrations agree; no new migration.
diff-created = Created migration { $name }.

cli-usage = Usage: npm run cli -- <command>. Commands: { $commands }
cli-unknown-command = No command "{ $command }".
cli-missing-arg = Missing { $arg }.
cli-bad-now = Instant "{ $value }" is not valid: use ISO-8601, e.g. 2027-07-08T09:00:00+07:00.
ledger-header = Id | Kind | Unit | Report | Period | Stage | Recipient | Channel | Status | Attempts | When | Error
ledger-count = { $count ->
    [one] { $count } reminder row.
   *[other] { $count } reminder rows.
}
cli-bad-format = Format "{ $format }" is not valid: use text, json or xlsx.
status-xlsx-written = Wrote { $file }.
