# Notices about delivery to a unit's managers.

ledger-kind-recipient_gone = focal point blocked the bot
recipient-gone-notice = ⚠️ Deadline reminders cannot reach { $person }, focal point of { $unit }: they blocked the bot or no longer use this { $channel } account.
recipient-gone-how = Please contact them to unblock the bot and send it any message, or assign another focal point to the unit.
recipient-gone-elsewhere = Đôn Đốc will remind them on { $other } from now on. If they still use { $channel }, please ask them to unblock the bot and send it any message.
