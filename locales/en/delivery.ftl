# Notices about delivery to a unit's managers.

ledger-kind-recipient_gone = focal point blocked the bot
recipient-gone-notice = ⚠️ Deadline reminders cannot reach { $person } (focal point of { $unit }) on { $channel }: that account blocked the bot or is no longer used.
recipient-gone-how = Please ask { $person } to unblock the bot and send it any message, or assign another focal point to the unit.
recipient-gone-elsewhere = Reminders now go to { $person } on { $other }. To get them on { $channel } again, { $person } only needs to unblock the bot and send it any message.
