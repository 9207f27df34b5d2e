'use client';
import { useMemo, useState } from 'react';
import styles from './teach.module.css';

export type SortDir = 'asc' | 'desc';
export interface SortState<K extends string> {
  key: K;
  dir: SortDir;
}

type Value = string | number | null;

/**
 * Client-side sorting of server-provided rows. Empty values (no score yet, never active) go last in either
 * direction, so sorting by score shows real scores first.
 */
export function useSort<T, K extends string>(rows: T[], accessors: Record<K, (row: T) => Value>, initial: SortState<NoInfer<K>>) {
  const [sort, setSort] = useState<SortState<K>>(initial);
  const sorted = useMemo(() => {
    const get = accessors[sort.key];
    const sign = sort.dir === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = get(a);
      const y = get(b);
      if (x === null && y === null) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      const c =
        typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y, undefined, { sensitivity: 'base' }) : Number(x) - Number(y);
      return c * sign;
    });
  }, [rows, accessors, sort]);
  function toggle(key: K, firstDir: SortDir = 'asc') {
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: firstDir }));
  }
  return { sort, sorted, toggle };
}

/** A column header that sorts: a real button inside the th, and aria-sort on the th for screen readers. */
export function SortableTh<K extends string>({
  label,
  sortKey,
  sort,
  onSort,
  numeric = false,
  firstDir = 'asc',
}: {
  label: string;
  sortKey: K;
  sort: SortState<K>;
  onSort: (key: K, firstDir?: SortDir) => void;
  numeric?: boolean;
  firstDir?: SortDir;
}) {
  const active = sort.key === sortKey;
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={numeric ? styles.num : undefined}
    >
      <button type="button" className={styles.sort} onClick={() => onSort(sortKey, firstDir)}>
        {label}
        <span className={styles.sortIcon} aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '⇅'}
        </span>
      </button>
    </th>
  );
}
