import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchIndex } from '@/lib/content/search-index';
import { prepareIndex, type PreparedIndex, type SearchResults } from './search-engine';

const SEARCH_INDEX_URL = '/search-index.json';

type Load = { status: 'idle' } | { status: 'loading' } | { status: 'error' } | { status: 'ready'; index: PreparedIndex };

/** The search index, fetched on demand (the first time the dialog opens) and again after a failure. */
export function useSearchIndex() {
  const fetching = useRef(false);
  const [load, setLoad] = useState<Load>({ status: 'idle' });
  const fetchIndex = useCallback(async () => {
    if (fetching.current) return;
    fetching.current = true;
    setLoad({ status: 'loading' });
    try {
      const res = await fetch(SEARCH_INDEX_URL);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      setLoad({ status: 'ready', index: prepareIndex((await res.json()) as SearchIndex) });
    } catch {
      setLoad({ status: 'error' });
    } finally {
      fetching.current = false;
    }
  }, []);
  return { load, fetchIndex };
}

/** `/` is a character when the reader is typing somewhere; only elsewhere is it the shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** `/` (outside a text field) and Ctrl+K or ⌘K open search from anywhere on the page. */
export function useSearchShortcut(open: () => void) {
  useEffect(() => {
    function onKeyDown(e: globalThis.KeyboardEvent) {
      if (e.defaultPrevented || e.isComposing) return;
      const commandK = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);
      if (commandK || slash) {
        e.preventDefault();
        open();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);
}

/** What the live region says: loading, failure, or how many results the query found. */
export function searchStatus(load: Load, results: SearchResults | null, query: string): string {
  const trimmed = query.trim();
  if (load.status === 'loading') return 'Loading the search index…';
  if (load.status === 'error') return 'The search index could not be loaded.';
  if (!results || !trimmed) return '';
  if (results.total === 0) return `No results for “${trimmed}”.`;
  if (results.total > results.hits.length) return `${results.total} results; showing the best ${results.hits.length}.`;
  return results.total === 1 ? '1 result.' : `${results.total} results.`;
}
