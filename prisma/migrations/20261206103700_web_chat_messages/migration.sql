-- CreateEnum
CREATE TYPE "WebChatDirection" AS ENUM ('in', 'out');

-- CreateTable
CREATE TABLE "WebChatMessage" (
    "id" SERIAL NOT NULL,
    "chatId" TEXT NOT NULL,
    "direction" "WebChatDirection" NOT NULL,
    "text" TEXT NOT NULL,
    "buttons" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebChatMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebChatMessage_chatId_createdAt_idx" ON "WebChatMessage"("chatId", "createdAt");

-- CreateIndex
CREATE INDEX "WebChatMessage_createdAt_idx" ON "WebChatMessage"("createdAt");
