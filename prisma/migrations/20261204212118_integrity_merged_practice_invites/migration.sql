-- CreateTable
CREATE TABLE "CoInstructorInvite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "acceptedById" TEXT,
    CONSTRAINT "CoInstructorInvite_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoInstructorInvite_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoInstructorInvite_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "itemKind" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "chapter" TEXT,
    "response" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "confident" BOOLEAN NOT NULL,
    "durationMs" INTEGER,
    "firstAttempt" BOOLEAN NOT NULL,
    "merged" BOOLEAN NOT NULL DEFAULT false,
    "classId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Attempt" ("chapter", "classId", "confident", "correct", "createdAt", "durationMs", "firstAttempt", "id", "idempotencyKey", "itemId", "itemKind", "response", "userId") SELECT "chapter", "classId", "confident", "correct", "createdAt", "durationMs", "firstAttempt", "id", "idempotencyKey", "itemId", "itemKind", "response", "userId" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE INDEX "Attempt_userId_itemId_idx" ON "Attempt"("userId", "itemId");
CREATE INDEX "Attempt_userId_createdAt_idx" ON "Attempt"("userId", "createdAt");
CREATE INDEX "Attempt_itemId_firstAttempt_idx" ON "Attempt"("itemId", "firstAttempt");
CREATE INDEX "Attempt_userId_firstAttempt_idx" ON "Attempt"("userId", "firstAttempt");
CREATE INDEX "Attempt_userId_merged_idx" ON "Attempt"("userId", "merged");
CREATE UNIQUE INDEX "Attempt_userId_idempotencyKey_key" ON "Attempt"("userId", "idempotencyKey");
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
    "practice" BOOLEAN NOT NULL DEFAULT false,
    "merged" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "ReviewCard" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewLog" ("cardId", "confident", "correct", "difficulty", "due", "durationMs", "elapsedDays", "id", "idempotencyKey", "lastElapsedDays", "learningSteps", "rating", "requestRetention", "review", "scheduledDays", "shownItemId", "stability", "state", "userId") SELECT "cardId", "confident", "correct", "difficulty", "due", "durationMs", "elapsedDays", "id", "idempotencyKey", "lastElapsedDays", "learningSteps", "rating", "requestRetention", "review", "scheduledDays", "shownItemId", "stability", "state", "userId" FROM "ReviewLog";
DROP TABLE "ReviewLog";
ALTER TABLE "new_ReviewLog" RENAME TO "ReviewLog";
CREATE INDEX "ReviewLog_cardId_review_idx" ON "ReviewLog"("cardId", "review");
CREATE INDEX "ReviewLog_userId_review_idx" ON "ReviewLog"("userId", "review");
CREATE UNIQUE INDEX "ReviewLog_userId_idempotencyKey_key" ON "ReviewLog"("userId", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CoInstructorInvite_tokenHash_key" ON "CoInstructorInvite"("tokenHash");

-- CreateIndex
CREATE INDEX "CoInstructorInvite_classId_acceptedAt_idx" ON "CoInstructorInvite"("classId", "acceptedAt");

-- CreateIndex
CREATE INDEX "CoInstructorInvite_createdById_idx" ON "CoInstructorInvite"("createdById");

-- CreateIndex
CREATE INDEX "CoInstructorInvite_acceptedById_idx" ON "CoInstructorInvite"("acceptedById");

