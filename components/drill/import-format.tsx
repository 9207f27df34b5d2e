import { CHAPTER_SLUGS, DIFFICULTIES, DOMAINS } from '@/lib/content/scenarios';
import { CSV_COLUMNS, MAX_IMPORT_ROWS } from '@/lib/learning/scenario-import';
import { EXAMPLE_CSV, EXAMPLE_JSON, dataUrl } from './import-example';
import styles from './practice.module.css';

const LABEL_VALUES = 'specification-gaming, goal-misgeneralization, capability-failure';

const FIELDS: [string, string][] = [
  ['id', 'kebab-case, unique in the file (a-z, 0-9, -)'],
  ['title', '5 to 120 characters'],
  ['domain', DOMAINS.join(', ')],
  ['description', '40 to 1200 characters: what happened, without naming the answer (words like proxy, loophole or gaming are refused)'],
  ['label', LABEL_VALUES],
  ['axes.signal / .capability / .goal', 'right|wrong · generalized|failed · intended|proxy|literal|none; they must fit the label'],
  ['axisNotes.signal / .capability / .goal', 'why each answer is what it is (10 to 600 characters each)'],
  ['goalPursued', 'the goal the system actually pursued, 3 to 200 characters'],
  ['rationale', 'why the label fits and the others do not, 40 to 2000 characters'],
  ['source', '{"kind": "constructed"} or {"kind": "paper", "ref": "a reference key"}'],
  ['difficulty', DIFFICULTIES.join(', ')],
  ['chapter', CHAPTER_SLUGS.join(', ')],
  ['contested, acceptable, arguments', 'optional: for a contested case, at least two acceptable labels (including label) and an argument for each'],
];

/** The import format, explained next to the form, with examples to download. */
export function ImportFormatHelp() {
  return (
    <section aria-labelledby="format" className={styles.section}>
      <h2 id="format">The format</h2>
      <p>
        A set is a list of scenarios in the same shape as the course&rsquo;s own bank, at most {MAX_IMPORT_ROWS} scenarios and
        1&nbsp;MB. Valid rows are imported; every invalid row is listed with the field to fix.
      </p>
      <div className={styles.downloads}>
        <a className="button button--ghost" href={dataUrl(EXAMPLE_CSV, 'text/csv')} download="goalpost-scenarios-example.csv">
          Download an example CSV
        </a>
        <a className="button button--ghost" href={dataUrl(EXAMPLE_JSON, 'application/json')} download="goalpost-scenarios-example.json">
          Download an example JSON
        </a>
      </div>
      <h3>JSON</h3>
      <p>
        An array of scenario objects (or <code>{'{"scenarios": [...]}'}</code>) with these fields:
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="JSON fields">
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">What it holds</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS.map(([f, what]) => (
              <tr key={f}>
                <th scope="row">
                  <code>{f}</code>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>CSV</h3>
      <p>
        A header row, then one scenario per row. The nested fields are flattened; the first 17 columns are required, the last
        five only for contested cases (<code>acceptable</code> separates labels with <code>;</code>). Columns:
      </p>
      <ol className={styles.columns}>
        {CSV_COLUMNS.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
    </section>
  );
}
