-- AlterEnum
ALTER TYPE "LedgerKind" ADD VALUE 'recipient_gone';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "quietFrom" INTEGER,
ADD COLUMN     "quietTo" INTEGER;
