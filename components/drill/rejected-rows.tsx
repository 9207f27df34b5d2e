import type { ImportError } from '@/lib/learning/scenario-import';
import styles from './practice.module.css';
import { TableScroll } from '@/components/ui/table-scroll';

/** The rows of an imported file that were not used, each with its row number, id, column and the problem in words. */
export function RejectedRows({ rows, title }: { rows: readonly ImportError[]; title: string }) {
  if (rows.length === 0) return null;
  return (
    <TableScroll label={title}>
      <table className={styles.table}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Id</th>
            <th scope="col">Field</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{r.row === 0 ? 'whole file' : r.row}</td>
              <td>{r.id ? <code>{r.id}</code> : '—'}</td>
              <td>{r.field ? <code>{r.field}</code> : '—'}</td>
              <td>{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
