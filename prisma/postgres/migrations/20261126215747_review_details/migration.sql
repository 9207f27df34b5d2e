-- AlterTable
ALTER TABLE "ReviewCard" ADD COLUMN     "introducedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "confident" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "correct" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "requestRetention" DOUBLE PRECISION NOT NULL DEFAULT 0.9,
ADD COLUMN     "shownItemId" TEXT;

-- CreateTable
CREATE TABLE "RateLimitHit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RateLimitHit_key_createdAt_idx" ON "RateLimitHit"("key", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewCard_userId_introducedAt_idx" ON "ReviewCard"("userId", "introducedAt");

