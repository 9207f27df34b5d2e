'use client';
import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useEffect, useId, useState, useTransition, type FormEvent } from 'react';
import { changeScenarioSetForm, removeScenariosAction, renameScenarioSetAction } from '@/lib/actions/drill';
import { RejectedRows } from './rejected-rows';
import styles from './practice.module.css';
import { FormatRadios, type SetFileFormat } from './format-radios';

const MAX_BYTES = 1024 * 1024;

/**
 * One of your sets, changed in place (it keeps its id, so class assignments and answers stay linked): rename it, add
 * a file's rows, replace it from a new file, or remove scenarios.
 */
export function SetManager({ setId, title, scenarios }: { setId: string; title: string; scenarios: { id: string; title: string }[] }) {
  const router = useRouter();
  const uid = useId();
  const [name, setName] = useState(title);
  const [renameMsg, setRenameMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [renaming, startRename] = useTransition();
  const [chosen, setChosen] = useState<string[]>([]);
  const [removeMsg, setRemoveMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [removing, startRemove] = useTransition();
  const [state, changeAction, changing] = useActionState(changeScenarioSetForm, null);
  const [mode, setMode] = useState<'append' | 'replace'>('append');
  const [format, setFormat] = useState<SetFileFormat>('csv');
  const [clientError, setClientError] = useState<string | null>(null);
  const rejected = state?.data?.rejected ?? [];

  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);

  function rename(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    startRename(async () => {
      const r = await renameScenarioSetAction({ setId, title: name });
      setRenameMsg(
        r.ok
          ? { ok: true, text: `Renamed to “${r.data?.title}”.` }
          : { ok: false, text: r.fieldErrors?.title?.join(' ') ?? r.message ?? 'The set could not be renamed.' },
      );
      if (r.ok) router.refresh();
    });
  }

  function remove(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    startRemove(async () => {
      const r = await removeScenariosAction({ setId, scenarioIds: chosen });
      setRemoveMsg(
        r.ok
          ? { ok: true, text: `Removed ${r.data?.removed}; ${r.data?.count} left.` }
          : { ok: false, text: r.message ?? 'Nothing was removed.' },
      );
      if (r.ok) {
        setChosen([]);
        router.refresh();
      }
    });
  }

  function change(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const file = data.get('file');
    if (file instanceof File && file.size > MAX_BYTES) return setClientError('The file is over 1 MB; split it into smaller sets.');
    if (!(file instanceof File && file.size > 0) && !String(data.get('text') ?? '').trim())
      return setClientError('Choose a file or paste the scenarios.');
    setClientError(null);
    startTransition(() => changeAction(data));
  }

  return (
    <div className={styles.importLayout}>
      <div>
        <section aria-labelledby={`${uid}-rename`}>
          <h2 id={`${uid}-rename`}>Rename</h2>
          <form className="form" onSubmit={rename} noValidate>
            <div className="field">
              <label htmlFor={`${uid}-title`}>Title of the set</label>
              <input id={`${uid}-title`} name="title" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <div>
              <button type="submit" className="button" disabled={renaming}>
                {renaming ? 'Renaming…' : 'Rename set'}
              </button>
            </div>
            <p role="status" className={renameMsg?.ok === false ? 'error' : undefined}>
              {renameMsg?.text}
            </p>
          </form>
        </section>

        <section aria-labelledby={`${uid}-change`}>
          <h2 id={`${uid}-change`}>Add rows or replace from a file</h2>
          <form className="form" onSubmit={change} noValidate>
            <input type="hidden" name="setId" value={setId} />
            <fieldset className={`field ${styles.fieldset}`}>
              <legend>What to do with the file</legend>
              <div className="radio-row">
                <label>
                  <input type="radio" name="mode" value="append" checked={mode === 'append'} onChange={() => setMode('append')} /> Add its
                  rows to the set
                </label>
                <label>
                  <input type="radio" name="mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} />{' '}
                  Replace the set with it
                </label>
              </div>
            </fieldset>
            <FormatRadios format={format} onChange={setFormat} />
            <div className="field">
              <label htmlFor={`${uid}-file`}>File</label>
              <input id={`${uid}-file`} className={styles.file} type="file" name="file" accept=".json,.csv,application/json,text/csv" />
            </div>
            <div className="field">
              <label htmlFor={`${uid}-text`}>Or paste the scenarios</label>
              <textarea id={`${uid}-text`} name="text" className={styles.textarea} spellCheck={false} />
              {clientError && <span className="error">{clientError}</span>}
            </div>
            <div>
              <button type="submit" className="button" disabled={changing}>
                {changing ? 'Saving…' : mode === 'append' ? 'Add rows' : 'Replace set'}
              </button>
            </div>
          </form>
          <div aria-live="polite">
            {state && !changing && (
              <div className={`alert ${state.ok ? 'alert--ok' : 'alert--error'}`}>
                {state.ok
                  ? `${mode === 'append' ? 'Added' : 'The set now holds'} ${state.data?.imported} scenario${state.data?.imported === 1 ? '' : 's'}.`
                  : state.message}
              </div>
            )}
            <RejectedRows rows={rejected} title={`Rows not used (${rejected.length})`} />
          </div>
        </section>
      </div>

      <section aria-labelledby={`${uid}-trim`}>
        <h2 id={`${uid}-trim`}>Scenarios in the set ({scenarios.length})</h2>
        <form className="form" onSubmit={remove} noValidate>
          <fieldset className={`field ${styles.fieldset}`}>
            <legend>Choose scenarios to remove</legend>
            <ul className={styles.ownSets}>
              {scenarios.map((s) => (
                <li key={s.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.includes(s.id)}
                      onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s.id] : c.filter((x) => x !== s.id)))}
                    />{' '}
                    {s.title} <code className="muted">{s.id}</code>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div>
            <button type="submit" className="button button--ghost" disabled={removing || chosen.length === 0}>
              {removing ? 'Removing…' : `Remove ${chosen.length || ''} chosen`.replace('  ', ' ')}
            </button>
          </div>
          <p role="status" className={removeMsg?.ok === false ? 'error' : undefined}>
            {removeMsg?.text}
          </p>
        </form>
      </section>
    </div>
  );
}
