-- CreateTable
CREATE TABLE "WorkshopScenario" (
    "id" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "questions" TEXT NOT NULL,
    "rationale" TEXT,
    "source" TEXT,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "comment" TEXT,
    "promotedTo" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkshopScenario_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkshopScenario_classId_status_idx" ON "WorkshopScenario"("classId", "status");

-- CreateIndex
CREATE INDEX "WorkshopScenario_authorId_classId_idx" ON "WorkshopScenario"("authorId", "classId");

-- AddForeignKey
ALTER TABLE "WorkshopScenario" ADD CONSTRAINT "WorkshopScenario_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopScenario" ADD CONSTRAINT "WorkshopScenario_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

