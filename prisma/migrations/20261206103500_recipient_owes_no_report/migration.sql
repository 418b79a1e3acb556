-- Data migration: the unit a duty's reports are sent to (Vụ Thi đua - Khen thưởng) owes none to
-- itself. Assignments made for it before that rule are removed where nothing hangs on them (no
-- figure, no signed document, no reminder sent or planned, no unlock request). Those with any
-- history are kept as they are.
DELETE FROM "SkippedStage" s
 USING "Assignment" a, "Duty" d
 WHERE s."assignmentId" = a."id"
   AND a."dutyId" = d."id"
   AND a."unitId" = d."recipientUnitId"
   AND a."documentRef" IS NULL
   AND NOT EXISTS (SELECT 1 FROM "SubmissionValue" v WHERE v."assignmentId" = a."id")
   AND NOT EXISTS (SELECT 1 FROM "ReminderLedger" l WHERE l."assignmentId" = a."id")
   AND NOT EXISTS (SELECT 1 FROM "LockException" e WHERE e."assignmentId" = a."id");

DELETE FROM "Assignment" a
 USING "Duty" d
 WHERE a."dutyId" = d."id"
   AND a."unitId" = d."recipientUnitId"
   AND a."documentRef" IS NULL
   AND NOT EXISTS (SELECT 1 FROM "SubmissionValue" v WHERE v."assignmentId" = a."id")
   AND NOT EXISTS (SELECT 1 FROM "ReminderLedger" l WHERE l."assignmentId" = a."id")
   AND NOT EXISTS (SELECT 1 FROM "LockException" e WHERE e."assignmentId" = a."id");
