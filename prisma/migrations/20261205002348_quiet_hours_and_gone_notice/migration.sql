-- AlterEnum
ALTER TYPE "LedgerKind" ADD VALUE 'recipient_gone';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "quietFrom" INTEGER,
ADD COLUMN     "quietTo" INTEGER;

-- Escalation digests are keyed by deadline too (`e:<duty>:<period>:<due>:<stage>:<person>`):
-- rewrite the keys of digests planned before, so they are not planned a second time.
UPDATE "ReminderLedger" l
   SET "dedupeKey" = 'e:' || l."dutyId" || ':' || l."periodCode" || ':' ||
                     coalesce(to_char(a."dueDate", 'YYYY-MM-DD'), 'null') || ':' || l."stage" || ':' || l."recipientId"
  FROM "Assignment" a
 WHERE l."kind" = 'escalation'
   AND l."dedupeKey" ~ '^e:[^:]+:[^:]+:[^:]+:[^:]+$'
   AND a."dutyId" = l."dutyId" AND a."periodCode" = l."periodCode" AND a."unitId" = l."unitIds"[1];
