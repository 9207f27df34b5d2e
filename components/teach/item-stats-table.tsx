'use client';
import Link from 'next/link';
import { useId, useMemo, useState } from 'react';
import { MIN_ANSWERS_FOR_STATS as MIN_ANSWERS } from '@/lib/learning/item-stats';
import { percent } from './format';
import { SortableTh, useSort } from './sortable';
import styles from './teach.module.css';
import { TableScroll } from '@/components/ui/table-scroll';

export interface ItemViewRow {
  itemId: string;
  kind: 'quiz' | 'scenario';
  title: string;
  context: string;
  href: string | null;
  attempts: number;
  facility: number;
  facilityText: string;
  discrimination: number | null;
  discriminationText: string;
  distribution: { option: string; text: string; count: number; correct: boolean }[];
}

type Key = 'item' | 'attempts' | 'facility' | 'discrimination';
const ACCESSORS: Record<Key, (r: ItemViewRow) => string | number | null> = {
  item: (r) => r.title,
  attempts: (r) => r.attempts,
  facility: (r) => r.facility,
  discrimination: (r) => r.discrimination,
};

const KINDS = [
  { value: 'all', text: 'All items' },
  { value: 'quiz', text: 'Quiz questions' },
  { value: 'scenario', text: 'Drill scenarios' },
] as const;

export function ItemStatsTable({ rows }: { rows: ItemViewRow[] }) {
  const id = useId();
  const [kind, setKind] = useState<'all' | 'quiz' | 'scenario'>('all');
  // Statistics from one or two answers mislead; hide them by default when there is enough else to look at.
  const [enoughOnly, setEnoughOnly] = useState(() => rows.filter((r) => r.attempts >= MIN_ANSWERS).length >= 5);
  const filtered = useMemo(
    () => rows.filter((r) => (kind === 'all' || r.kind === kind) && (!enoughOnly || r.attempts >= MIN_ANSWERS)),
    [rows, kind, enoughOnly],
  );
  // Hardest first: the items most worth a look.
  const { sort, sorted, toggle } = useSort(filtered, ACCESSORS, { key: 'facility', dir: 'asc' });
  return (
    <div className={styles.section}>
      <div className={styles.filters}>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Show</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.text}
              </option>
            ))}
          </select>
        </div>
        <label className={styles.check}>
          <input type="checkbox" checked={enoughOnly} onChange={(e) => setEnoughOnly(e.target.checked)} /> Only items answered by at least{' '}
          {MIN_ANSWERS} learners
        </label>
      </div>
      <p role="status" aria-live="polite" className="muted">
        Showing {sorted.length} of {rows.length} item{rows.length === 1 ? '' : 's'}.
      </p>
      <TableScroll labelledBy={`${id}-caption`}>
        <table className={styles.table} data-testid="item-stats">
          <caption id={`${id}-caption`}>
            First attempts only, one per learner per item. Correct options are marked &ldquo;✓ correct&rdquo;.
          </caption>
          <thead>
            <tr>
              <SortableTh label="Item" sortKey="item" sort={sort} onSort={toggle} />
              <SortableTh label="Attempts" sortKey="attempts" sort={sort} onSort={toggle} numeric firstDir="desc" />
              <SortableTh label="Facility" sortKey="facility" sort={sort} onSort={toggle} numeric />
              <SortableTh label="Discrimination" sortKey="discrimination" sort={sort} onSort={toggle} numeric />
              <th scope="col">Answers chosen (learners, option)</th>
            </tr>
          </thead>
          <tbody>
            {sorted.length === 0 && (
              <tr>
                <td colSpan={5} className={styles.wrap}>
                  No items match these filters.
                </td>
              </tr>
            )}
            {sorted.map((r) => (
              <tr key={r.itemId} data-testid="item-row" data-item-id={r.itemId}>
                <th scope="row">
                  {r.href ? <Link href={r.href}>{r.title}</Link> : r.title}
                  <span className={styles.email}>{r.context}</span>
                </th>
                <td className={styles.num}>{r.attempts}</td>
                <td className={styles.num}>
                  {percent(r.facility)}
                  <span className={styles.email}>{r.facilityText}</span>
                </td>
                <td className={styles.num}>
                  {r.discrimination === null ? '—' : r.discrimination.toFixed(2)}
                  <span className={styles.email}>{r.discriminationText}</span>
                </td>
                <td className={styles.wrap}>
                  <ul className={styles.dist}>
                    {r.distribution.map((d) => (
                      <li key={d.option}>
                        <span className={styles.distCount}>{d.count}</span>
                        <span>
                          <strong>{d.option}</strong>
                          {d.text ? ` ${d.text}` : ''}
                          {d.correct ? <strong> ✓ correct</strong> : null}
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
