-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "replacesPersonId" INTEGER;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_replacesPersonId_fkey" FOREIGN KEY ("replacesPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
