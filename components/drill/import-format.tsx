import { CHAPTER_SLUGS, DIFFICULTIES, DOMAINS } from '@/lib/content/scenarios';
import { CSV_COLUMNS, MAX_IMPORT_ROWS } from '@/lib/learning/scenario-import';
import { FAILURE_MODES } from '@/lib/learning/failure-modes';
import { EXAMPLE_CSV, EXAMPLE_JSON, dataUrl } from './import-example';
import styles from './practice.module.css';
import { TableScroll } from '@/components/ui/table-scroll';

const LABEL_VALUES = FAILURE_MODES.join(', ');

const FIELDS: [string, string][] = [
  ['id', 'kebab-case, unique in the file (a-z, 0-9, -)'],
  ['title', '5 to 120 characters'],
  ['domain', `any short text, 1 to 40 characters (the course uses ${DOMAINS.join(', ')})`],
  ['description', '40 to 1200 characters: what happened, without naming the answer (words like proxy, loophole or gaming are refused)'],
  ['label', LABEL_VALUES],
  ['family', 'optional: a kebab-case name shared by scenarios that tell one setting in different ways'],
  [
    'questions.training / .shift / .competence',
    'each {"answer": "yes" | "no" | "either", "evidence": [sentences], "note": "…"}; leave all three out and the answers are taken from the label (either where it leaves a question open). Did the unwanted behaviour already pay off in training; does the failure appear in new conditions; does the system still act skilfully there. Answers must fit the label (specification gaming: training yes, competence yes; goal misgeneralization: no, yes, yes; capability failure: training no, competence no). Evidence sentences (optional) are copied exactly from the description and are highlighted when a learner gets that question wrong; the note (optional) explains the answer.',
  ],
  ['goalPursued', 'the goal the system actually pursued, 3 to 200 characters'],
  ['rationale', 'why the label fits and the others do not, 40 to 2000 characters'],
  ['source', '{"kind": "constructed"} or {"kind": "paper", "ref": "a reference key"}'],
  ['difficulty', `optional: ${DIFFICULTIES.join(', ')} (core when left out)`],
  ['chapter', `optional: ${CHAPTER_SLUGS.join(', ')}; without one, the feedback shows no “Taught in” link`],
  [
    'contested, acceptable, arguments',
    'optional: for a contested case, at least two acceptable labels (including label) and an argument for each',
  ],
];

/** The import format, explained next to the form, with examples to download. */
export function ImportFormatHelp() {
  return (
    <section aria-labelledby="format" className={styles.section}>
      <h2 id="format">The format</h2>
      <p>
        A set is a list of scenarios in the same shape as the course&rsquo;s own bank, at most {MAX_IMPORT_ROWS} scenarios and 1&nbsp;MB.
        Valid rows are imported; every problem is listed, with the row, its id and the field or column to fix.
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
      <TableScroll label="JSON fields">
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
      </TableScroll>
      <h3>CSV</h3>
      <p>
        A header row, then one scenario per row. The nested fields are flattened: <code>training</code>, <code>shift</code> and{' '}
        <code>competence</code> hold the answers, <code>training_evidence</code> (and the like) the evidence sentences separated by{' '}
        <code>|</code>. The first 14 columns are required; the rest may be empty, and the last five are only for contested cases (
        <code>acceptable</code> separates labels with <code>;</code>). Files in the older format (signal, capability and goal columns) still
        import. Columns:
      </p>
      <ol className={styles.columns}>
        {CSV_COLUMNS.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
    </section>
  );
}
