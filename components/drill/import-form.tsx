'use client';
import Link from 'next/link';
import { MAX_LIFT } from '@/lib/learning/shortcut-audit';
import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { importScenarioSetForm } from '@/lib/actions/drill';
import { RejectedRows } from './rejected-rows';
import styles from './practice.module.css';
import { FormatRadios, type SetFileFormat } from './format-radios';

const MAX_BYTES = 1024 * 1024;

/** Import a scenario set from a file or pasted text; shows what was imported and every rejected row. */
export function ImportForm() {
  const [state, formAction, pending] = useActionState(importScenarioSetForm, null);
  const [format, setFormat] = useState<SetFileFormat>('csv');
  const [title, setTitle] = useState('');
  const [submittedTitle, setSubmittedTitle] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);
  const router = useRouter();
  const uid = useId();
  const resultRef = useRef<HTMLDivElement>(null);
  const fe = state?.fieldErrors;
  const rejected = state?.data?.rejected ?? [];
  const imported = state?.ok ? state.data : undefined;

  useEffect(() => {
    if (!state) return;
    // The list of sets beside the form is server-rendered: refresh it, and bring the outcome into view.
    if (state.ok) router.refresh();
    resultRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [state, router]);

  function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    const name = file.name.toLowerCase();
    if (name.endsWith('.csv')) setFormat('csv');
    else if (name.endsWith('.json')) setFormat('json');
    if (!title.trim())
      setTitle(
        file.name
          .replace(/\.(csv|json)$/i, '')
          .replace(/[-_]+/g, ' ')
          .slice(0, 120),
      );
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    // Submitting by hand (not through the form's action) keeps what was typed or pasted if the import fails.
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const file = data.get('file');
    if (file instanceof File && file.size > MAX_BYTES) return setClientError('The file is over 1 MB; split it into smaller sets.');
    if (!(file instanceof File && file.size > 0) && !String(data.get('text') ?? '').trim())
      return setClientError('Choose a file or paste the scenarios.');
    setClientError(null);
    setSubmittedTitle(title.trim());
    startTransition(() => formAction(data));
  }

  const textError = clientError ?? fe?.text?.join(' ');
  return (
    <div>
      <form className="form" onSubmit={onSubmit} noValidate aria-describedby={`${uid}-help`}>
        <p id={`${uid}-help`} className="muted">
          Choose a JSON or CSV file, or paste its text. The format is explained below.
        </p>
        <div className="field">
          <label htmlFor={`${uid}-title`}>Title of the set</label>
          <input
            id={`${uid}-title`}
            name="title"
            required
            maxLength={120}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={fe?.title ? true : undefined}
            aria-describedby={fe?.title ? `${uid}-title-error` : undefined}
          />
          {fe?.title && (
            <span id={`${uid}-title-error`} className="error">
              {fe.title.join(' ')}
            </span>
          )}
        </div>
        <FormatRadios format={format} onChange={setFormat} errors={fe?.format} />
        <div className="field">
          <label htmlFor={`${uid}-file`}>File</label>
          <span className="hint" id={`${uid}-file-hint`}>
            .csv or .json, up to 1 MB
          </span>
          <input
            id={`${uid}-file`}
            className={styles.file}
            type="file"
            name="file"
            accept=".json,.csv,application/json,text/csv"
            aria-describedby={`${uid}-file-hint`}
            onChange={onFile}
          />
        </div>
        <p className={styles.or}>or</p>
        <div className="field">
          <label htmlFor={`${uid}-text`}>Paste the scenarios</label>
          <textarea
            id={`${uid}-text`}
            name="text"
            className={styles.textarea}
            spellCheck={false}
            aria-invalid={textError ? true : undefined}
            aria-describedby={textError ? `${uid}-text-error` : undefined}
          />
          {textError && (
            <span id={`${uid}-text-error`} className="error">
              {textError}
            </span>
          )}
        </div>
        <div>
          <button type="submit" className="button" disabled={pending}>
            {pending ? 'Importing…' : 'Import set'}
          </button>
        </div>
      </form>

      <div ref={resultRef} className={styles.result} aria-live="polite">
        {state && !pending && (
          <>
            {imported ? (
              <>
                <div className="alert alert--ok">
                  <p>
                    Imported {imported.imported} {imported.imported === 1 ? 'scenario' : 'scenarios'}
                    {submittedTitle && <> into &ldquo;{submittedTitle}&rdquo;</>}.
                    {rejected.length > 0 &&
                      ` ${rejected.length} ${rejected.length === 1 ? 'problem was' : 'problems were'} found in other rows; see below.`}
                  </p>
                  {imported.setId && (
                    <p>
                      <Link href={`/practice?set=${encodeURIComponent(imported.setId)}`}>Practise the new set</Link>
                    </p>
                  )}
                </div>
                {imported.audit && (imported.audit.lift > MAX_LIFT || imported.audit.cueWords.length > 0) && (
                  <div className="alert" role="note" data-testid="import-audit">
                    <p>
                      <strong>The wording may give the answers away.</strong> A word-count classifier that reads only titles and
                      descriptions labels {Math.round(imported.audit.accuracy * 100)}% of this set correctly, against{' '}
                      {Math.round(imported.audit.majorityBaseline * 100)}% for always guessing the most common label. The set was imported;
                      consider rewording so the deciding fact sits in a plain sentence of the story.
                    </p>
                    {imported.audit.cueWords.length > 0 && (
                      <p>
                        Words that sort the cases:{' '}
                        {imported.audit.cueWords
                          .slice(0, 10)
                          .map((w) => `“${w.word}” (${w.items} scenarios, ${Math.round(w.share * 100)}% ${w.label.replace(/-/g, ' ')})`)
                          .join('; ')}
                        .
                      </p>
                    )}
                  </div>
                )}
              </>
            ) : (
              <div className="alert alert--error">{state.message ?? 'Nothing was imported.'}</div>
            )}
            {rejected.length > 0 && (
              <p data-testid="problem-count">
                {rejected.length === 1
                  ? 'One problem, listed below.'
                  : `All ${rejected.length} problems, listed below; fix them in the file and import it again.`}
              </p>
            )}
            <RejectedRows rows={rejected} title="Rows not imported" />
          </>
        )}
      </div>
    </div>
  );
}
