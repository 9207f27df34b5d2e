-- CreateIndex
CREATE INDEX "Attempt_userId_firstAttempt_idx" ON "Attempt"("userId", "firstAttempt");

