-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "merged" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "merged" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "practice" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CoInstructorInvite" (
    "id" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" TEXT,

    CONSTRAINT "CoInstructorInvite_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CoInstructorInvite_tokenHash_key" ON "CoInstructorInvite"("tokenHash");

-- CreateIndex
CREATE INDEX "CoInstructorInvite_classId_acceptedAt_idx" ON "CoInstructorInvite"("classId", "acceptedAt");

-- CreateIndex
CREATE INDEX "CoInstructorInvite_createdById_idx" ON "CoInstructorInvite"("createdById");

-- CreateIndex
CREATE INDEX "CoInstructorInvite_acceptedById_idx" ON "CoInstructorInvite"("acceptedById");

-- CreateIndex
CREATE INDEX "Attempt_userId_merged_idx" ON "Attempt"("userId", "merged");

-- AddForeignKey
ALTER TABLE "CoInstructorInvite" ADD CONSTRAINT "CoInstructorInvite_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoInstructorInvite" ADD CONSTRAINT "CoInstructorInvite_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoInstructorInvite" ADD CONSTRAINT "CoInstructorInvite_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

