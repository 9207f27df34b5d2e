'use client';
import { useRouter } from 'next/navigation';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { submitWorkshopScenario } from '@/lib/actions/workshop';
import {
  ANSWER_TEXT,
  LABEL_TEXT,
  LABELS,
  QUESTION_TEXT,
  QUESTIONS,
  type Label,
  type Question,
  type QuestionAnswer,
} from '@/lib/learning/classify';
import { checkWorkshopDraft, labelWordHints, WORKSHOP_LIMITS, type LabelWord } from '@/lib/learning/workshop';
import drill from '@/components/drill/drill.module.css';
import { EvidenceText } from '@/components/drill/drill-feedback';
import styles from './workshop.module.css';

export interface EditorDraft {
  title: string;
  description: string;
  label: Label | '';
  questions: Record<Question, { answer: QuestionAnswer | ''; evidence: string }>;
  rationale: string;
  source: string;
}

export const EMPTY_DRAFT: EditorDraft = {
  title: '',
  description: '',
  label: '',
  questions: { training: { answer: '', evidence: '' }, shift: { answer: '', evidence: '' }, competence: { answer: '', evidence: '' } },
  rationale: '',
  source: '',
};

/** The description's sentences, for choosing the one that decides each question (so it is always word for word). */
export function sentencesOf(text: string): string[] {
  return (text.match(/[^.!?]+[.!?]+["”’)]*|[^.!?]+$/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * Writing a workshop scenario: the drill's format, the same checks as content:check as you type (run in the browser
 * by the very function the server runs), words the shortcut audit ties to one label flagged as hints, and a preview
 * exactly as the drill shows a scenario.
 */
export function WorkshopEditor({
  classId,
  scenarioId,
  initial,
  labelWords,
}: {
  classId: string;
  scenarioId: string | null;
  initial: EditorDraft;
  labelWords: LabelWord[];
}) {
  const [d, setD] = useState<EditorDraft>(initial);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();
  const uid = useId();
  const summaryRef = useRef<HTMLDivElement>(null);

  const payload = useMemo(() => ({ ...d, rationale: d.rationale || undefined, source: d.source || undefined }), [d]);
  const check = useMemo(() => checkWorkshopDraft(payload), [payload]);
  const errors: Record<string, string[]> = { ...(check.ok ? {} : check.fieldErrors), ...serverErrors };
  const shown = (field: string) => (tried ? errors[field] : undefined);
  const hints = labelWordHints(`${d.title}. ${d.description}`, labelWords);
  const sentences = sentencesOf(d.description);

  function set(patch: Partial<EditorDraft>) {
    setD((x) => ({ ...x, ...patch }));
    setServerErrors({});
  }
  function setQ(q: Question, patch: Partial<EditorDraft['questions'][Question]>) {
    setD((x) => ({ ...x, questions: { ...x.questions, [q]: { ...x.questions[q], ...patch } } }));
    setServerErrors({});
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!check.ok) {
      setMessage('Some parts need another look; the notes are under each one.');
      summaryRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      const r = await submitWorkshopScenario({ classId, scenarioId, ...payload });
      if (r.ok) {
        router.push(`/classes/${classId}/workshop?saved=${scenarioId ? 'revised' : 'new'}`);
        return;
      }
      setServerErrors(r.fieldErrors ?? {});
      setMessage(r.message ?? 'The scenario could not be saved.');
      summaryRef.current?.focus();
    } catch {
      setMessage('The scenario could not be sent (network problem). Nothing was lost here: try again in a moment.');
      summaryRef.current?.focus();
    } finally {
      setPending(false);
    }
  }

  const errorId = (f: string) => `${uid}-${f.replace(/\./g, '-')}-error`;
  const describe = (f: string, hint?: string) => [hint, shown(f)?.length ? errorId(f) : null].filter(Boolean).join(' ') || undefined;
  const errorLine = (f: string) =>
    shown(f)?.length ? (
      <span id={errorId(f)} className="error">
        {shown(f)!.join(' ')}
      </span>
    ) : null;

  return (
    <div className={styles.editorLayout}>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={scenarioId ? 'Revise your scenario' : 'Write a scenario'}>
        <div ref={summaryRef} tabIndex={-1} aria-live="polite">
          {message && (
            <p className="alert alert--error" role="alert">
              {message}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-title`}>Title</label>
          <span id={`${uid}-title-hint`} className="hint">
            Name the setting, never the mechanism (5 to {WORKSHOP_LIMITS.title} characters).
          </span>
          <input
            id={`${uid}-title`}
            value={d.title}
            maxLength={WORKSHOP_LIMITS.title}
            onChange={(e) => set({ title: e.target.value })}
            aria-invalid={shown('title') ? true : undefined}
            aria-describedby={describe('title', `${uid}-title-hint`)}
          />
          {errorLine('title')}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-description`}>The scenario</label>
          <span id={`${uid}-description-hint`} className="hint">
            Tell what happened in plain sentences (40 to {WORKSHOP_LIMITS.description} characters); put each decisive fact in a sentence of
            its own. {d.description.length} of {WORKSHOP_LIMITS.description}.
          </span>
          <textarea
            id={`${uid}-description`}
            rows={7}
            value={d.description}
            maxLength={WORKSHOP_LIMITS.description}
            onChange={(e) => set({ description: e.target.value })}
            aria-invalid={shown('description') ? true : undefined}
            aria-describedby={describe('description', `${uid}-description-hint`)}
          />
          {errorLine('description')}
        </div>
        {hints.length > 0 && (
          <div className="alert alert--info" data-testid="label-word-hints">
            <p>
              <strong>A hint from the shortcut audit.</strong> These words sort the course&rsquo;s own scenarios by label, so a classmate
              may guess from the word rather than the story:
            </p>
            <ul>
              {hints.map((h) => (
                <li key={h.word}>
                  &ldquo;{h.word}&rdquo;: in {h.items} of the course&rsquo;s scenarios, {Math.round(h.share * 100)}% of them{' '}
                  {LABEL_TEXT[h.label].toLowerCase()}
                </li>
              ))}
            </ul>
          </div>
        )}
        <fieldset className={`field ${styles.fieldset}`} aria-describedby={shown('label') ? errorId('label') : undefined}>
          <legend>The failure you intend</legend>
          <div className={drill.options}>
            {LABELS.map((l) => (
              <label key={l} className={drill.option} data-checked={d.label === l || undefined}>
                <input type="radio" name={`${uid}-label`} value={l} checked={d.label === l} onChange={() => set({ label: l })} />
                <span />
                <span>{LABEL_TEXT[l]}</span>
              </label>
            ))}
          </div>
          {errorLine('label')}
        </fieldset>
        {QUESTIONS.map((q, i) => (
          <fieldset key={q} className={`field ${styles.fieldset}`} data-question={q}>
            <legend>
              {i + 1}. {QUESTION_TEXT[q]}
            </legend>
            <div className={drill.options}>
              {(['yes', 'no'] as const).map((a) => (
                <label key={a} className={drill.option} data-checked={d.questions[q].answer === a || undefined}>
                  <input
                    type="radio"
                    name={`${uid}-${q}`}
                    value={a}
                    checked={d.questions[q].answer === a}
                    onChange={() => setQ(q, { answer: a })}
                    aria-describedby={shown(`questions.${q}.answer`) ? errorId(`questions.${q}.answer`) : undefined}
                  />
                  <span />
                  <span>{ANSWER_TEXT[q][a]}</span>
                </label>
              ))}
            </div>
            {errorLine(`questions.${q}.answer`)}
            <label htmlFor={`${uid}-${q}-evidence`}>The sentence that decides it</label>
            <select
              id={`${uid}-${q}-evidence`}
              value={sentences.includes(d.questions[q].evidence) ? d.questions[q].evidence : ''}
              onChange={(e) => setQ(q, { evidence: e.target.value })}
              aria-invalid={shown(`questions.${q}.evidence`) ? true : undefined}
              aria-describedby={describe(`questions.${q}.evidence`)}
            >
              <option value="">{sentences.length ? 'Choose a sentence of your scenario' : 'Write the scenario first'}</option>
              {sentences.map((s) => (
                <option key={s} value={s}>
                  {s.length > 110 ? `${s.slice(0, 107)}…` : s}
                </option>
              ))}
            </select>
            {d.questions[q].evidence && !sentences.includes(d.questions[q].evidence) && (
              <span className="error">The sentence you chose has changed in the text; choose it again.</span>
            )}
            {errorLine(`questions.${q}.evidence`)}
          </fieldset>
        ))}
        <div className="field">
          <label htmlFor={`${uid}-rationale`}>Why (optional)</label>
          <span id={`${uid}-rationale-hint`} className="hint">
            Shown to classmates after they answer. If you write one, at least 40 characters.
          </span>
          <textarea
            id={`${uid}-rationale`}
            rows={3}
            value={d.rationale}
            maxLength={WORKSHOP_LIMITS.rationale}
            onChange={(e) => set({ rationale: e.target.value })}
            aria-invalid={shown('rationale') ? true : undefined}
            aria-describedby={describe('rationale', `${uid}-rationale-hint`)}
          />
          {errorLine('rationale')}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-source`}>Source (optional)</label>
          <span id={`${uid}-source-hint`} className="hint">
            A paper, article or incident this is based on, as text (links are shown as text, not followed).
          </span>
          <input
            id={`${uid}-source`}
            value={d.source}
            maxLength={WORKSHOP_LIMITS.source}
            onChange={(e) => set({ source: e.target.value })}
            aria-describedby={describe('source', `${uid}-source-hint`)}
          />
          {errorLine('source')}
        </div>
        <div className={drill.actions}>
          <button type="submit" className="button" disabled={pending}>
            {pending ? 'Saving…' : scenarioId ? 'Save the revision' : 'Submit to the class'}
          </button>
          <span className="muted" data-testid="check-state">
            {check.ok
              ? 'Passes every check.'
              : `${Object.keys(check.fieldErrors).length} part${Object.keys(check.fieldErrors).length === 1 ? '' : 's'} still to fix.`}
          </span>
        </div>
      </form>
      <section aria-labelledby={`${uid}-preview`} className={styles.preview}>
        <h2 id={`${uid}-preview`}>Preview</h2>
        <p className="muted">What classmates read before they answer, exactly as the drill shows it: no label, no author.</p>
        <div className={drill.drill}>
          <article className={drill.scenario} aria-label="Preview of your scenario">
            <h3 className={drill.title}>{d.title || 'Your title'}</h3>
            <p className={drill.description}>{d.description || 'Your scenario appears here as you write it.'}</p>
          </article>
          {check.ok && (
            <>
              <p className="muted">After answering, a classmate who misread a question sees its sentence highlighted:</p>
              <div className={drill.scenario}>
                <EvidenceText
                  scenario={check.scenario}
                  result={{
                    correct: false,
                    verdict: 'wrong',
                    labelCorrect: false,
                    defensible: false,
                    wrongQuestions: [...QUESTIONS],
                    questions: QUESTIONS.map((q) => ({
                      question: q,
                      correct: false,
                      given: 'yes',
                      expected: check.scenario.questions[q].answer,
                      note: null,
                      evidence: check.scenario.questions[q].evidence,
                    })),
                  }}
                />
              </div>
            </>
          )}
        </div>
      </section>
    </div>
  );
}
