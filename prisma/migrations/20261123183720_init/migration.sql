-- CreateEnum
CREATE TYPE "ClusterRole" AS ENUM ('member', 'head', 'deputy');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('telegram', 'zalo', 'web');

-- CreateEnum
CREATE TYPE "RoleKind" AS ENUM ('focal', 'manager', 'admin');

-- CreateEnum
CREATE TYPE "Recurrence" AS ENUM ('yearly', 'one_off');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('percent', 'count', 'money', 'boolean', 'text');

-- CreateEnum
CREATE TYPE "Aggregate" AS ENUM ('mean', 'sum');

-- CreateEnum
CREATE TYPE "TargetKind" AS ENUM ('floor', 'ceiling', 'range', 'sum');

-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('year', 'half');

-- CreateEnum
CREATE TYPE "AssignmentState" AS ENUM ('pending', 'on_time', 'late', 'missing');

-- CreateEnum
CREATE TYPE "LedgerStatus" AS ENUM ('planned', 'sending', 'sent', 'failed', 'skipped', 'uncertain');

-- CreateEnum
CREATE TYPE "HolidayKind" AS ENUM ('holiday', 'workday');

-- CreateTable
CREATE TABLE "UnitType" (
    "code" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "pluralVi" TEXT NOT NULL,
    "pluralEn" TEXT NOT NULL,

    CONSTRAINT "UnitType_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "typeCode" TEXT NOT NULL,
    "parentId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "retiredAt" TIMESTAMP(3),
    "mergedIntoId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterMember" (
    "id" SERIAL NOT NULL,
    "clusterId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" "ClusterRole" NOT NULL DEFAULT 'member',
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "until" TIMESTAMP(3),

    CONSTRAINT "ClusterMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "fullName" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Identity" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "externalId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "displayName" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "blockedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Identity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Role" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "role" "RoleKind" NOT NULL,
    "unitId" INTEGER NOT NULL,
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" SERIAL NOT NULL,
    "codeHash" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" "RoleKind" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" INTEGER,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Movement" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "decisionNo" TEXT NOT NULL,
    "decisionDate" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "phases" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "Movement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Duty" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "movementId" INTEGER,
    "recipientUnitId" INTEGER,
    "recurrence" "Recurrence" NOT NULL,
    "periodPattern" TEXT NOT NULL DEFAULT 'YYYY',
    "reminderStages" INTEGER[] DEFAULT ARRAY[-7, -3, -1, 0, 1, 3]::INTEGER[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "fromYear" INTEGER,
    "toYear" INTEGER,

    CONSTRAINT "Duty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineRule" (
    "id" SERIAL NOT NULL,
    "dutyId" INTEGER NOT NULL,
    "unitTypeCode" TEXT NOT NULL DEFAULT '*',
    "applies" BOOLEAN NOT NULL DEFAULT true,
    "month" INTEGER,
    "day" INTEGER,
    "year" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL DEFAULT 'seed',

    CONSTRAINT "DeadlineRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "labelVi" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "synonyms" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "kind" "IndicatorKind" NOT NULL,
    "minValue" DECIMAL(20,4),
    "maxValue" DECIMAL(20,4),
    "unitVi" TEXT,
    "unitEn" TEXT,
    "aggregate" "Aggregate" NOT NULL DEFAULT 'mean',

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyIndicator" (
    "id" SERIAL NOT NULL,
    "dutyId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "unitTypeCode" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DutyIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "kind" "TargetKind" NOT NULL,
    "minValue" DECIMAL(20,4),
    "maxValue" DECIMAL(20,4),
    "inclusive" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL DEFAULT 'seed',

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Period" (
    "code" TEXT NOT NULL,
    "kind" "PeriodKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,

    CONSTRAINT "Period_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" SERIAL NOT NULL,
    "dutyId" INTEGER NOT NULL,
    "periodCode" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "nominalDueDate" DATE,
    "dueDate" DATE,
    "state" "AssignmentState" NOT NULL DEFAULT 'pending',
    "submittedAt" TIMESTAMP(3),
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "lockedAt" TIMESTAMP(3),
    "lockedBy" TEXT,
    "openUntil" TIMESTAMP(3),
    "documentRef" TEXT,
    "documentSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionValue" (
    "id" SERIAL NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "value" DECIMAL(20,4),
    "textValue" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubmissionValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionRevision" (
    "id" SERIAL NOT NULL,
    "valueId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "oldValue" DECIMAL(20,4),
    "newValue" DECIMAL(20,4),
    "oldText" TEXT,
    "newText" TEXT,
    "reason" TEXT,
    "rawMessage" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderLedger" (
    "id" SERIAL NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "recipientId" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "status" "LedgerStatus" NOT NULL DEFAULT 'planned',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "plannedFor" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "platformMessageId" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderLedger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "HolidayKind" NOT NULL DEFAULT 'holiday',

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Conversation" (
    "channel" "Channel" NOT NULL,
    "chatId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "state" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("channel","chatId")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "Unit_typeCode_idx" ON "Unit"("typeCode");

-- CreateIndex
CREATE INDEX "ClusterMember_unitId_idx" ON "ClusterMember"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "ClusterMember_clusterId_unitId_key" ON "ClusterMember"("clusterId", "unitId");

-- CreateIndex
CREATE INDEX "Identity_personId_idx" ON "Identity"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Identity_channel_externalId_key" ON "Identity"("channel", "externalId");

-- CreateIndex
CREATE INDEX "Role_unitId_role_idx" ON "Role"("unitId", "role");

-- CreateIndex
CREATE INDEX "Role_personId_idx" ON "Role"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_codeHash_key" ON "Invite"("codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "Movement_code_key" ON "Movement"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Duty_code_key" ON "Duty"("code");

-- CreateIndex
CREATE UNIQUE INDEX "DeadlineRule_dutyId_unitTypeCode_key" ON "DeadlineRule"("dutyId", "unitTypeCode");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_code_key" ON "Indicator"("code");

-- CreateIndex
CREATE UNIQUE INDEX "DutyIndicator_dutyId_indicatorId_unitTypeCode_key" ON "DutyIndicator"("dutyId", "indicatorId", "unitTypeCode");

-- CreateIndex
CREATE UNIQUE INDEX "Target_indicatorId_year_scope_key" ON "Target"("indicatorId", "year", "scope");

-- CreateIndex
CREATE INDEX "Assignment_unitId_idx" ON "Assignment"("unitId");

-- CreateIndex
CREATE INDEX "Assignment_state_dueDate_idx" ON "Assignment"("state", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_dutyId_periodCode_unitId_key" ON "Assignment"("dutyId", "periodCode", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionValue_assignmentId_indicatorId_key" ON "SubmissionValue"("assignmentId", "indicatorId");

-- CreateIndex
CREATE INDEX "SubmissionRevision_valueId_idx" ON "SubmissionRevision"("valueId");

-- CreateIndex
CREATE INDEX "ReminderLedger_status_idx" ON "ReminderLedger"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderLedger_assignmentId_stage_recipientId_key" ON "ReminderLedger"("assignmentId", "stage", "recipientId");

-- CreateIndex
CREATE INDEX "AuditLog_entity_idx" ON "AuditLog"("entity");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_typeCode_fkey" FOREIGN KEY ("typeCode") REFERENCES "UnitType"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterMember" ADD CONSTRAINT "ClusterMember_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterMember" ADD CONSTRAINT "ClusterMember_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Identity" ADD CONSTRAINT "Identity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_usedById_fkey" FOREIGN KEY ("usedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Duty" ADD CONSTRAINT "Duty_movementId_fkey" FOREIGN KEY ("movementId") REFERENCES "Movement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Duty" ADD CONSTRAINT "Duty_recipientUnitId_fkey" FOREIGN KEY ("recipientUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineRule" ADD CONSTRAINT "DeadlineRule_dutyId_fkey" FOREIGN KEY ("dutyId") REFERENCES "Duty"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyIndicator" ADD CONSTRAINT "DutyIndicator_dutyId_fkey" FOREIGN KEY ("dutyId") REFERENCES "Duty"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyIndicator" ADD CONSTRAINT "DutyIndicator_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_dutyId_fkey" FOREIGN KEY ("dutyId") REFERENCES "Duty"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_periodCode_fkey" FOREIGN KEY ("periodCode") REFERENCES "Period"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionValue" ADD CONSTRAINT "SubmissionValue_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionValue" ADD CONSTRAINT "SubmissionValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionRevision" ADD CONSTRAINT "SubmissionRevision_valueId_fkey" FOREIGN KEY ("valueId") REFERENCES "SubmissionValue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionRevision" ADD CONSTRAINT "SubmissionRevision_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderLedger" ADD CONSTRAINT "ReminderLedger_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderLedger" ADD CONSTRAINT "ReminderLedger_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
