'use client';
import { useId, useMemo, useState } from 'react';
import type { AssignmentStatus } from '@/lib/learning/assignments';
import { percent } from './format';
import { SortableTh, useSort } from './sortable';
import styles from './teach.module.css';
import { TableScroll } from '@/components/ui/table-scroll';

interface RosterCell {
  assignmentId: string;
  status: AssignmentStatus;
  statusText: string;
  score: number | null;
  progress: number;
}

export interface RosterViewRow {
  learnerId: string;
  name: string;
  email: string;
  lastActive: number | null;
  lastActiveText: string;
  results: RosterCell[];
  completion: number;
  meanScore: number | null;
  lateCount: number;
}

type Key = 'name' | 'completion' | 'score' | 'lastActive' | 'late';
const ACCESSORS: Record<Key, (r: RosterViewRow) => string | number | null> = {
  name: (r) => r.name,
  completion: (r) => r.completion,
  score: (r) => r.meanScore,
  lastActive: (r) => r.lastActive,
  late: (r) => r.lateCount,
};
const KEY_TEXT: Record<Key, string> = {
  name: 'name',
  completion: 'completion',
  score: 'mean score',
  lastActive: 'last active',
  late: 'late work',
};

const notStarted = (r: RosterViewRow) => r.results.some((x) => x.progress === 0 && (x.status === 'not-started' || x.status === 'late'));

/** The roster: sortable and filterable in the browser over the rows the server computed. */
export function RosterTable({ rows, assignments }: { rows: RosterViewRow[]; assignments: { id: string; title: string }[] }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [onlyLate, setOnlyLate] = useState(false);
  const [onlyNotStarted, setOnlyNotStarted] = useState(false);
  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    return rows.filter(
      (r) =>
        (!q || r.name.toLowerCase().includes(q) || r.email.toLowerCase().includes(q)) &&
        (!onlyLate || r.lateCount > 0) &&
        (!onlyNotStarted || notStarted(r)),
    );
  }, [rows, query, onlyLate, onlyNotStarted]);
  const { sort, sorted, toggle } = useSort(filtered, ACCESSORS, { key: 'name', dir: 'asc' });

  return (
    <div className={styles.section}>
      <div className={styles.filters} role="search" aria-label="Filter the roster">
        <div className="field">
          <label htmlFor={`${id}-q`}>Find a learner</label>
          <input
            id={`${id}-q`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Name or email"
            autoComplete="off"
          />
        </div>
        <label className={styles.check}>
          <input type="checkbox" checked={onlyLate} onChange={(e) => setOnlyLate(e.target.checked)} /> Only learners with late work
        </label>
        <label className={styles.check}>
          <input type="checkbox" checked={onlyNotStarted} onChange={(e) => setOnlyNotStarted(e.target.checked)} /> Only learners who have
          not started an assignment
        </label>
      </div>
      <p role="status" aria-live="polite" className="muted" data-testid="roster-count">
        Showing {sorted.length} of {rows.length} learner{rows.length === 1 ? '' : 's'}, sorted by {KEY_TEXT[sort.key]} (
        {sort.dir === 'asc' ? 'ascending' : 'descending'}).
      </p>
      <TableScroll labelledBy={`${id}-caption`}>
        <table className={styles.table} data-testid="roster">
          <caption id={`${id}-caption`}>
            Roster: for every assignment, each learner&rsquo;s progress (how many answered) and first-try score (how many right).
            &ldquo;Late&rdquo; means past its due date and not finished.
          </caption>
          <thead>
            <tr>
              <SortableTh label="Learner" sortKey="name" sort={sort} onSort={toggle} />
              {assignments.map((a) => (
                <th key={a.id} scope="col">
                  {a.title}
                </th>
              ))}
              <SortableTh label="Completion" sortKey="completion" sort={sort} onSort={toggle} numeric firstDir="desc" />
              <SortableTh label="Mean score" sortKey="score" sort={sort} onSort={toggle} numeric firstDir="desc" />
              <SortableTh label="Last active" sortKey="lastActive" sort={sort} onSort={toggle} firstDir="desc" />
              <SortableTh label="Late" sortKey="late" sort={sort} onSort={toggle} numeric firstDir="desc" />
            </tr>
          </thead>
          <tbody>
            {sorted.length === 0 && (
              <tr>
                <td colSpan={assignments.length + 5} className={styles.wrap}>
                  No learner matches these filters.
                </td>
              </tr>
            )}
            {sorted.map((r) => (
              <tr key={r.learnerId} data-testid="roster-row">
                <th scope="row">
                  {r.name}
                  <span className={styles.email}>{r.email}</span>
                </th>
                {r.results.map((x) => (
                  <td key={x.assignmentId}>
                    <span className={styles.status} data-status={x.status}>
                      {x.statusText}
                    </span>
                  </td>
                ))}
                <td className={styles.num}>{percent(r.completion)}</td>
                <td className={styles.num}>{percent(r.meanScore)}</td>
                <td>{r.lastActiveText}</td>
                <td className={styles.num}>{r.lateCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
