-- AlterTable
ALTER TABLE "ReviewCard" ADD COLUMN "introducedAt" DATETIME;

-- CreateTable
CREATE TABLE "RateLimitHit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReviewLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "lastElapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL DEFAULT 0,
    "review" DATETIME NOT NULL,
    "durationMs" INTEGER,
    "requestRetention" REAL NOT NULL DEFAULT 0.9,
    "shownItemId" TEXT,
    "correct" BOOLEAN NOT NULL DEFAULT false,
    "confident" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "ReviewCard" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewLog" ("cardId", "difficulty", "due", "durationMs", "elapsedDays", "id", "idempotencyKey", "lastElapsedDays", "learningSteps", "rating", "review", "scheduledDays", "stability", "state", "userId") SELECT "cardId", "difficulty", "due", "durationMs", "elapsedDays", "id", "idempotencyKey", "lastElapsedDays", "learningSteps", "rating", "review", "scheduledDays", "stability", "state", "userId" FROM "ReviewLog";
DROP TABLE "ReviewLog";
ALTER TABLE "new_ReviewLog" RENAME TO "ReviewLog";
CREATE INDEX "ReviewLog_cardId_review_idx" ON "ReviewLog"("cardId", "review");
CREATE INDEX "ReviewLog_userId_review_idx" ON "ReviewLog"("userId", "review");
CREATE UNIQUE INDEX "ReviewLog_userId_idempotencyKey_key" ON "ReviewLog"("userId", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RateLimitHit_key_createdAt_idx" ON "RateLimitHit"("key", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewCard_userId_introducedAt_idx" ON "ReviewCard"("userId", "introducedAt");

