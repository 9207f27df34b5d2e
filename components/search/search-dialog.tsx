'use client';
import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useRouter } from 'next/navigation';
import { search } from './search-engine';
import { SearchResultList } from './search-result-list';
import { searchStatus, useSearchIndex, useSearchShortcut } from './use-search-index';
import styles from './search-dialog.module.css';

/**
 * The header's search button and the modal it opens. The index is fetched the first time the dialog opens, so
 * readers who never search never download it.
 */
export function SearchDialog() {
  const router = useRouter();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const { load, fetchIndex } = useSearchIndex();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const id = useId();
  const ids = { title: `${id}-title`, input: `${id}-input`, list: `${id}-list`, hint: `${id}-hint` };
  const optionId = (i: number) => `${id}-option-${i}`;

  const openDialog = useCallback(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    inputRef.current?.focus();
    inputRef.current?.select();
    if (load.status === 'idle' || load.status === 'error') void fetchIndex();
  }, [load.status, fetchIndex]);

  useSearchShortcut(openDialog);

  const results = useMemo(() => (load.status === 'ready' ? search(load.index, query) : null), [load, query]);
  const hits = results?.hits ?? [];
  const current = Math.min(active, hits.length - 1);
  const trimmed = query.trim();

  function close() {
    dialogRef.current?.close();
  }

  function go(href: string) {
    close();
    router.push(href);
  }

  function move(to: number) {
    setActive(to);
    // The option already exists (only its selection changes), so it can be scrolled to before the re-render.
    listRef.current?.children[to]?.scrollIntoView?.({ block: 'nearest' });
  }

  function onInputKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (!hits.length || e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      move((current + 1) % hits.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      move((current - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter' && hits[current]) {
      e.preventDefault();
      go(hits[current].doc.url);
    }
  }

  function onDialogKeyDown(e: KeyboardEvent<HTMLDialogElement>) {
    // The browser closes a modal dialog on Escape by itself; doing it here as well keeps the behaviour identical
    // where it does not (and stops type="search" from only clearing the field).
    if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      close();
    }
  }

  function onDialogClick(e: MouseEvent<HTMLDialogElement>) {
    // The panel fills the dialog, so a click whose target is the dialog itself landed on the backdrop.
    if (e.target === e.currentTarget) close();
  }

  function onResultClick(e: MouseEvent<HTMLAnchorElement>, href: string) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // new tab or window: let it be
    e.preventDefault();
    go(href);
  }

  const status = searchStatus(load, results, query);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={styles.trigger}
        onClick={openDialog}
        aria-haspopup="dialog"
        aria-keyshortcuts="/ Control+K Meta+K"
      >
        <svg className={styles.icon} viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className={styles.triggerLabel}>Search</span>
        <kbd className={styles.kbd} aria-hidden="true">
          /
        </kbd>
      </button>
      <dialog
        ref={dialogRef}
        className={styles.dialog}
        aria-labelledby={ids.title}
        onClose={() => buttonRef.current?.focus()}
        onKeyDown={onDialogKeyDown}
        onClick={onDialogClick}
      >
        <div className={styles.panel}>
          <div className={styles.bar}>
            <h2 id={ids.title} className="visually-hidden">
              Search the course
            </h2>
            <label htmlFor={ids.input} className="visually-hidden">
              Search chapters and glossary
            </label>
            <input
              ref={inputRef}
              id={ids.input}
              className={styles.input}
              type="search"
              role="combobox"
              placeholder="Search chapters and glossary"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              enterKeyHint="go"
              aria-autocomplete="list"
              aria-expanded={hits.length > 0}
              aria-controls={ids.list}
              aria-activedescendant={hits.length ? optionId(current) : undefined}
              aria-describedby={ids.hint}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
              }}
              onKeyDown={onInputKeyDown}
            />
            <button type="button" className={styles.close} onClick={close}>
              Close
            </button>
          </div>

          <div className={styles.body}>
            <p role="status" className={status ? styles.status : 'visually-hidden'}>
              {status}
            </p>
            {load.status === 'error' && (
              <button type="button" className="button button--small" onClick={() => void fetchIndex()}>
                Try again
              </button>
            )}
            {results && trimmed && results.total === 0 && (
              <p className={styles.empty}>
                Check the spelling or try fewer, shorter words: every word has to match, and the start of a word is enough (<q>simpl</q>{' '}
                finds <q>simplicity</q>). Or browse the <a href="/glossary">glossary</a>.
              </p>
            )}
            {results && !trimmed && <p className={styles.empty}>Type to search every chapter section and glossary entry.</p>}
            <SearchResultList
              listRef={listRef}
              id={ids.list}
              optionId={optionId}
              hits={hits}
              current={current}
              onHover={setActive}
              onResultClick={onResultClick}
            />
          </div>

          <p id={ids.hint} className={styles.hint}>
            <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close
          </p>
        </div>
      </dialog>
    </>
  );
}
