// PostgreSQL functions the app calls, (re)defined by every migration run (scripts/lib/migrate.ts) after the
// migrations, so a database always has the version this checkout's code expects. The name carries a version: a
// change to a function's arguments or result gets a new name, so servers of the old and new release can share a
// database during a rolling upgrade. No 'server-only' import: the migration runner imports this module.

/**
 * Stores one answer as planned by lib/db/answer-plan.ts, applying its four rules in one statement's transaction:
 * one round trip instead of the eight of an interactive Prisma transaction. The learner's row is locked first
 * (as lib/db/sql.ts lockLearner does for Prisma), so two answers of one learner run one after the other and each
 * statement after the lock sees what the other committed (read committed takes a new snapshot per statement).
 * Times arrive as ISO text in UTC; a `timestamp` column keeps the UTC wall clock, as Prisma writes it.
 */
export const RECORD_ANSWER_FUNCTION = 'goalpost_record_answer_v1';

export const PG_FUNCTIONS_SQL = `
CREATE OR REPLACE FUNCTION ${RECORD_ANSWER_FUNCTION}(p jsonb)
RETURNS TABLE (id text, "itemId" text, correct boolean, "firstAttempt" boolean, "createdAt" text, duplicate boolean)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  a jsonb := p->'attempt';
  c jsonb := p->'card';
  l jsonb := p->'log';
  v_user text := a->>'userId';
  v_merged boolean := (a->>'merged')::boolean;
  v_first boolean;
  v_card text;
  r record;
BEGIN
  PERFORM 1 FROM "User" u WHERE u.id = v_user FOR UPDATE;
  SELECT t.id, t."itemId", t.correct, t."firstAttempt", t."createdAt" INTO r
    FROM "Attempt" t WHERE t."userId" = v_user AND t."idempotencyKey" = a->>'idempotencyKey';
  IF FOUND THEN
    RETURN QUERY SELECT r.id, r."itemId", r.correct, r."firstAttempt", to_char(r."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), true;
    RETURN;
  END IF;
  v_first := NOT v_merged AND NOT EXISTS (
    SELECT 1 FROM "Attempt" t WHERE t."userId" = v_user AND t."itemId" = a->>'itemId' AND t.merged = false);
  INSERT INTO "Attempt" (id, "userId", "idempotencyKey", "itemKind", "itemId", chapter, response, correct, confident,
                         "durationMs", "firstAttempt", merged, "classId", "createdAt")
  VALUES (a->>'id', v_user, a->>'idempotencyKey', a->>'itemKind', a->>'itemId', a->>'chapter', a->>'response',
          (a->>'correct')::boolean, (a->>'confident')::boolean, (a->>'durationMs')::integer, v_first, v_merged,
          a->>'classId', (a->>'createdAt')::timestamp(3));
  INSERT INTO "StudyDay" ("userId", day, answers, reviews) VALUES (v_user, p->>'day', 1, 0)
    ON CONFLICT ("userId", day) DO UPDATE SET answers = "StudyDay".answers + 1;
  IF (v_first OR v_merged) AND jsonb_typeof(c) = 'object' AND jsonb_typeof(l) = 'object' THEN
    INSERT INTO "ReviewCard" (id, "userId", "itemKind", "itemId", concept, due, stability, difficulty, "elapsedDays",
                              "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", "introducedAt", "createdAt")
    VALUES (c->>'id', v_user, a->>'itemKind', a->>'itemId', c->>'concept', (c->>'due')::timestamp(3),
            (c->>'stability')::double precision, (c->>'difficulty')::double precision, (c->>'elapsedDays')::integer,
            (c->>'scheduledDays')::integer, (c->>'learningSteps')::integer, (c->>'reps')::integer,
            (c->>'lapses')::integer, (c->>'state')::integer, (c->>'lastReview')::timestamp(3), NULL,
            (a->>'createdAt')::timestamp(3))
    ON CONFLICT ("userId", "itemKind", "itemId") DO NOTHING
    RETURNING "ReviewCard".id INTO v_card;
    IF v_card IS NOT NULL THEN
      INSERT INTO "ReviewLog" (id, "userId", "cardId", "idempotencyKey", rating, state, due, stability, difficulty,
                               "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", review, "durationMs",
                               "requestRetention", "shownItemId", correct, confident, merged)
      VALUES (l->>'id', v_user, v_card, l->>'idempotencyKey', (l->>'rating')::integer, (l->>'state')::integer,
              (l->>'due')::timestamp(3), (l->>'stability')::double precision, (l->>'difficulty')::double precision,
              (l->>'elapsedDays')::integer, (l->>'lastElapsedDays')::integer, (l->>'scheduledDays')::integer,
              (l->>'learningSteps')::integer, (l->>'review')::timestamp(3), (l->>'durationMs')::integer,
              (l->>'requestRetention')::double precision, l->>'shownItemId', (l->>'correct')::boolean,
              (l->>'confident')::boolean, (l->>'merged')::boolean);
    END IF;
  END IF;
  RETURN QUERY SELECT a->>'id', a->>'itemId', (a->>'correct')::boolean, v_first,
    to_char((a->>'createdAt')::timestamp(3), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), false;
END
$fn$;
`;
