-- CreateEnum
CREATE TYPE "ExceptionStatus" AS ENUM ('pending', 'allowed', 'refused');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LedgerKind" ADD VALUE 'digest';
ALTER TYPE "LedgerKind" ADD VALUE 'exception';

-- AlterTable
ALTER TABLE "Identity" ADD COLUMN     "lastSeenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "preferredChannel" "Channel";

-- CreateTable
CREATE TABLE "LockException" (
    "id" SERIAL NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "requestedById" INTEGER NOT NULL,
    "reason" TEXT,
    "status" "ExceptionStatus" NOT NULL DEFAULT 'pending',
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "openUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LockException_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LockException_assignmentId_status_idx" ON "LockException"("assignmentId", "status");

-- AddForeignKey
ALTER TABLE "LockException" ADD CONSTRAINT "LockException_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LockException" ADD CONSTRAINT "LockException_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LockException" ADD CONSTRAINT "LockException_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
