-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('reminder', 'escalation', 'nudge');

-- DropForeignKey
ALTER TABLE "ReminderLedger" DROP CONSTRAINT "ReminderLedger_assignmentId_fkey";

-- DropIndex
DROP INDEX "ReminderLedger_status_idx";

-- AlterTable
ALTER TABLE "ReminderLedger" ADD COLUMN     "chatId" TEXT NOT NULL,
ADD COLUMN     "dedupeKey" TEXT NOT NULL,
ADD COLUMN     "dutyId" INTEGER,
ADD COLUMN     "kind" "LedgerKind" NOT NULL DEFAULT 'reminder',
ADD COLUMN     "periodCode" TEXT,
ADD COLUMN     "unitIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ALTER COLUMN "assignmentId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SkippedStage" (
    "assignmentId" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SkippedStage_pkey" PRIMARY KEY ("assignmentId","stage")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderLedger_dedupeKey_key" ON "ReminderLedger"("dedupeKey");

-- CreateIndex
CREATE INDEX "ReminderLedger_status_updatedAt_idx" ON "ReminderLedger"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "ReminderLedger_dutyId_periodCode_idx" ON "ReminderLedger"("dutyId", "periodCode");

-- AddForeignKey
ALTER TABLE "ReminderLedger" ADD CONSTRAINT "ReminderLedger_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderLedger" ADD CONSTRAINT "ReminderLedger_dutyId_fkey" FOREIGN KEY ("dutyId") REFERENCES "Duty"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkippedStage" ADD CONSTRAINT "SkippedStage_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
