import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import {
  ANSWER_TEXT,
  LABEL_TEXT,
  LABELS,
  QUESTIONS,
  QUESTION_TEXT,
  labelCounts,
  parseDrillResponse,
  type Question,
} from '@/lib/learning/classify';
import { ClassHeader } from '@/components/teach/class-nav';
import { chapterTitle, classDataFor, classScenarioSets, scenarioForItem, teachClassOrNotFound } from '@/lib/teach/class-data';
import { plural } from '@/components/teach/format';
import styles from '@/components/teach/teach.module.css';
import { TableScroll } from '@/components/ui/table-scroll';

type Props = { params: Promise<{ classId: string; scenarioId: string }> };

export const metadata: Metadata = { title: 'Scenario' };
export const dynamic = 'force-dynamic';

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export default async function ScenarioPage({ params }: Props) {
  const p = await params;
  const { me, cls } = await teachClassOrNotFound(p.classId, `/teach/${p.classId}/scenarios/${p.scenarioId}`);
  const itemId = decoded(p.scenarioId);
  const sets = await classScenarioSets(me, cls);
  const s = scenarioForItem(itemId, sets);
  if (!s) notFound();
  const data = await classDataFor(me, cls);

  const answers = data.firsts.flatMap((f) => {
    if (f.itemId !== itemId || f.itemKind !== 'scenario') return [];
    const r = parseDrillResponse(f.response);
    return r ? [{ label: r.label, answers: (r.answers ?? {}) as Partial<Record<Question, string>>, correct: f.correct }] : [];
  });
  const right = answers.filter((a) => a.correct).length;
  const countBy = (values: string[]) => values.reduce<Record<string, number>>((m, v) => ((m[v] = (m[v] ?? 0) + 1), m), {});
  const labels = countBy(answers.map((a) => a.label));

  return (
    <div className="page">
      <ClassHeader classId={cls.id} title={cls.title} current={null} heading={s.title} />
      <div className={styles.stack}>
        <article className={`card ${styles.scenarioText}`} aria-label="The scenario">
          <p className={styles.meta}>
            {s.difficulty} · {s.domain}
            {s.chapter ? (
              <>
                {' · chapter '}
                <Link href={`/chapters/${s.chapter}`}>{chapterTitle(s.chapter)}</Link>
              </>
            ) : null}
            {itemId.startsWith('set:') ? ' · from an imported set' : ''}
          </p>
          <p>{s.description}</p>
          <h3>Answer: {LABEL_TEXT[s.label]}</h3>
          {s.contested && <p>Contested: {s.acceptable?.map((l) => LABEL_TEXT[l]).join(', ')} are all defensible and graded as right.</p>}
          <dl className={styles.legend}>
            {QUESTIONS.map((q) => {
              const a = s.questions[q];
              return (
                <div key={q}>
                  <dt>{QUESTION_TEXT[q]}</dt>
                  <dd>
                    <strong>{a.answer === 'either' ? 'Either answer (contested)' : ANSWER_TEXT[q][a.answer]}.</strong> {a.note}
                    {a.evidence.length > 0 && <q className={styles.evidenceQuote}>{a.evidence.join(' … ')}</q>}
                  </dd>
                </div>
              );
            })}
            <div>
              <dt>Goal it pursued</dt>
              <dd>{s.goalPursued}</dd>
            </div>
          </dl>
          <h3>Why</h3>
          <p>{s.rationale}</p>
        </article>

        <section className={styles.section} aria-labelledby="answers-h">
          <h2 id="answers-h">Your class&rsquo;s answers</h2>
          {answers.length === 0 ? (
            <p className="muted">No learner in this class has classified this scenario yet.</p>
          ) : (
            <>
              <p>
                {plural(answers.length, 'learner')} answered; {right} ({Math.round((right / answers.length) * 100)}%) got it right on the
                first try.
              </p>
              <TableScroll labelledBy="picked-caption">
                <table className={styles.table} data-testid="scenario-answers">
                  <caption id="picked-caption">Failure mode picked on the first try</caption>
                  <thead>
                    <tr>
                      <th scope="col">Picked</th>
                      <th scope="col" className={styles.num}>
                        Learners
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {LABELS.map((l) => (
                      <tr key={l}>
                        <th scope="row">
                          {LABEL_TEXT[l]}
                          {l === s.label ? ' ✓ correct' : labelCounts(s, l) ? ' ✓ defensible' : ''}
                        </th>
                        <td className={styles.num}>{labels[l] ?? 0}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <TableScroll labelledBy="axes-caption">
                <table className={styles.table}>
                  <caption id="axes-caption">Answers to the three diagnostic questions</caption>
                  <thead>
                    <tr>
                      <th scope="col">Question</th>
                      <th scope="col">Answers (learners)</th>
                    </tr>
                  </thead>
                  <tbody>
                    {QUESTIONS.map((a) => {
                      const counts = countBy(answers.map((x) => x.answers[a] ?? '—'));
                      return (
                        <tr key={a}>
                          <th scope="row">{QUESTION_TEXT[a]}</th>
                          <td className={styles.wrap}>
                            <ul className={styles.dist}>
                              {Object.entries(counts)
                                .sort((x, y) => y[1] - x[1])
                                .map(([v, n]) => (
                                  <li key={v}>
                                    <span className={styles.distCount}>{n}</span>
                                    <span>
                                      {v === 'yes' || v === 'no' ? ANSWER_TEXT[a][v] : 'Answered before the questions were redesigned'}
                                      {v === s.questions[a].answer ? <strong> ✓ expected</strong> : null}
                                    </span>
                                  </li>
                                ))}
                            </ul>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            </>
          )}
          <p>
            <Link href={`/teach/${cls.id}/confusion`}>Back to the class confusion matrix</Link> ·{' '}
            <Link href={`/teach/${cls.id}/items`}>Item statistics</Link>
          </p>
        </section>
      </div>
    </div>
  );
}
