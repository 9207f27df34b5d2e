import { useEffect, useReducer, useRef } from 'react';
import type { Scene } from './coinrun-scene';

// The test-level playback of the CoinRun trainer: which level is shown, how far into it, whether it plays, and how
// many outcomes the tally may count. These move together, so they are one reducer; the hook adds the timer.

const STEP_MS = 110;
const LEVEL_PAUSE_MS = 700;

export interface Playback {
  scenes: Scene[];
  index: number;
  frame: number;
  playing: boolean;
  /** How many levels' outcomes have been shown, from the first; the tally counts these. */
  revealed: number;
}

export type PlaybackAction =
  | { type: 'load'; scenes: Scene[]; reducedMotion: boolean }
  | { type: 'clear' }
  | { type: 'tick' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'skip' }
  | { type: 'show'; index: number };

const lastFrame = (scene: Scene | undefined) => (scene?.path.length ?? 1) - 1;

export function playbackReducer(p: Playback | null, action: PlaybackAction): Playback | null {
  if (action.type === 'load') {
    const { scenes } = action;
    // Reduced motion: no animation; every level's outcome at once, on the first level's last frame.
    return action.reducedMotion
      ? { scenes, index: 0, frame: lastFrame(scenes[0]), playing: false, revealed: scenes.length }
      : { scenes, index: 0, frame: 0, playing: true, revealed: 0 };
  }
  if (action.type === 'clear' || !p) return null;
  switch (action.type) {
    case 'tick': {
      if (!p.playing) return p;
      const last = lastFrame(p.scenes[p.index]);
      if (p.frame < last) {
        const frame = p.frame + 1;
        return { ...p, frame, revealed: frame === last ? Math.max(p.revealed, p.index + 1) : p.revealed };
      }
      if (p.index < p.scenes.length - 1) return { ...p, index: p.index + 1, frame: 0, revealed: Math.max(p.revealed, p.index + 1) };
      return { ...p, playing: false, revealed: p.scenes.length };
    }
    case 'pause':
      return { ...p, playing: false };
    case 'resume':
      return { ...p, playing: true };
    case 'skip':
      return { ...p, frame: lastFrame(p.scenes[p.index]), playing: false, revealed: p.scenes.length };
    case 'show': {
      const scene = p.scenes[action.index];
      return scene ? { ...p, index: action.index, frame: lastFrame(scene), playing: false } : p;
    }
  }
}

/** Every level played and shown: the results are final. */
export const isFinished = (p: Playback | null): p is Playback => p !== null && !p.playing && p.revealed === p.scenes.length;

/** How long the current frame stays: a step, or a longer pause on a level's last frame. */
const frameDelay = (p: Playback) => (p.frame >= lastFrame(p.scenes[p.index]) ? LEVEL_PAUSE_MS : STEP_MS);

/** The playback state, advanced by a timer while it plays; `onFinished` runs when the last level ends by itself. */
export function usePlayback(onFinished: (scenes: Scene[]) => void) {
  const [playback, dispatch] = useReducer(playbackReducer, null);
  // The latest callback, so the timer restarts only when the playback moves.
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });
  useEffect(() => {
    if (!playback?.playing || !playback.scenes[playback.index]) return;
    const timer = setTimeout(() => {
      const next = playbackReducer(playback, { type: 'tick' });
      if (next && !next.playing) finished.current(next.scenes);
      dispatch({ type: 'tick' });
    }, frameDelay(playback));
    return () => clearTimeout(timer);
  }, [playback]);
  return [playback, dispatch] as const;
}
