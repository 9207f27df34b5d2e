// The class CSV exports, written so they open cleanly in Excel, LibreOffice and Google Sheets: a UTF-8 byte-order
// mark (Excel otherwise reads the file as the local code page), CRLF line ends and RFC 4180 quoting. A cell that a
// spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading single quote: learner names are typed by
// learners, so an export must not become a way to run formulas on the instructor's machine (OWASP "CSV injection").
// Pure: no I/O; the attempts export streams whatever pages it is given.
import type { PlannedAttempt } from '@/lib/db/answer-plan';
import type { RosterRow } from '@/lib/db/class-analytics';
import { responseText } from '@/lib/learning/stored-response';

const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

export type CsvValue = string | number | boolean | Date | null | undefined;

export function csvCell(value: CsvValue): string {
  let s: string;
  if (value === null || value === undefined) s = '';
  else if (value instanceof Date) s = value.toISOString();
  else if (typeof value === 'boolean') s = value ? 'true' : 'false';
  else s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(values: CsvValue[]): string {
  return values.map(csvCell).join(',') + CRLF;
}

/** A share 0..1 with four decimals, empty when there is none; spreadsheets read it as a number. */
const share = (v: number | null) => (v === null ? '' : Number(v.toFixed(4)));

// ---- Gradebook: one row per learner ----

const GRADEBOOK_LEAD_COLUMNS = ['learner_name', 'learner_email', 'last_active'] as const;
const GRADEBOOK_TAIL_COLUMNS = ['completion', 'mean_score', 'late_count'] as const;

/** What the gradebook needs of an assignment to name its columns. */
export interface GradebookAssignment {
  id: string;
  title: string;
  dueAt: Date;
}

/**
 * The readable name of each assignment's columns: its title and due date (UTC), e.g. "Read “Introduction” (due
 * 2026-12-01)". Two assignments with the same title and due date get " #2", " #3" so every column is unique.
 */
function gradebookAssignmentNames(assignments: GradebookAssignment[]): string[] {
  const used = new Map<string, number>();
  return assignments.map((a) => {
    const base = `${a.title.trim() || 'Assignment'} (due ${a.dueAt.toISOString().slice(0, 10)})`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  });
}

export function gradebookColumns(assignments: GradebookAssignment[]): string[] {
  return [
    ...GRADEBOOK_LEAD_COLUMNS,
    ...gradebookAssignmentNames(assignments).flatMap((name) => [`${name} status`, `${name} score`]),
    ...GRADEBOOK_TAIL_COLUMNS,
  ];
}

/**
 * Status values are the stable codes (not-started, in-progress, done, late, done-late); scores are shares 0..1.
 * Columns are named by assignment title and due date (gradebookColumns), in the class's assignment order.
 */
export function gradebookCsv(assignments: GradebookAssignment[], roster: RosterRow[]): string {
  let out = CSV_BOM + csvLine(gradebookColumns(assignments));
  for (const r of roster) {
    const byId = new Map(r.results.map((x) => [x.assignmentId, x]));
    out += csvLine([
      r.name,
      r.email,
      r.lastActive,
      ...assignments.flatMap(({ id }) => {
        const x = byId.get(id);
        return [x?.status ?? '', share(x?.score ?? null)];
      }),
      share(r.completion),
      share(r.meanScore),
      r.lateCount,
    ]);
  }
  return out;
}

// ---- Attempts: one row per stored answer, streamed ----

export const ATTEMPT_COLUMNS = [
  'attempt_id',
  'learner_email',
  'learner_name',
  'item_kind',
  'item_id',
  'item_title',
  'chapter',
  'correct',
  'confident',
  'first_attempt',
  'duration_ms',
  'answer',
  'created_at',
  // true: brought in from the learner's guest browser; their own practice, which no assignment counts.
  'merged',
] as const;

export interface AttemptCsvRow extends Omit<PlannedAttempt, 'userId' | 'idempotencyKey' | 'itemKind' | 'classId'> {
  itemKind: string;
  firstAttempt: boolean;
  user: { email: string; name: string | null };
}

/** The readable title of an item (a quiz question's prompt, a scenario's title); empty when it is no longer known. */
export type ItemTitleOf = (itemKind: string, itemId: string) => string | undefined;

function attemptCsvLine(a: AttemptCsvRow, titleOf: ItemTitleOf = () => undefined): string {
  return csvLine([
    a.id,
    a.user.email,
    a.user.name ?? '',
    a.itemKind,
    a.itemId,
    titleOf(a.itemKind, a.itemId) ?? '',
    a.chapter,
    a.correct,
    a.confident,
    a.firstAttempt,
    a.durationMs,
    responseText(a.itemKind, a.response),
    a.createdAt,
    a.merged,
  ]);
}

/**
 * The attempts export as a byte stream. It pulls one page from the source only when the consumer asks for more,
 * so memory stays flat however many attempts the class has (the HTTP response applies back-pressure).
 */
export function attemptsCsvStream(pages: AsyncIterable<AttemptCsvRow[]>, titleOf?: ItemTitleOf): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = pages[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + csvLine([...ATTEMPT_COLUMNS])));
      },
      async pull(controller) {
        try {
          const next = await it.next();
          if (next.done) return controller.close();
          let chunk = '';
          for (const a of next.value) chunk += attemptCsvLine(a, titleOf);
          controller.enqueue(encoder.encode(chunk));
        } catch (e) {
          controller.error(e);
        }
      },
      async cancel() {
        await it.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

/** A file name for a download: the class title reduced to safe characters, plus the date. */
export function csvFileName(title: string, kind: string, at: Date): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 40);
  return `${slug || 'class'}-${kind}-${at.toISOString().slice(0, 10)}.csv`;
}
