import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

// Common and guessable passwords are refused with zxcvbn-ts (Dropbox's estimator, maintained as @zxcvbn-ts) and its
// common dictionary: the most-used passwords of real leaks, keyboard runs (qwertyuiop), repeats, sequences, dates.
// Score 3 means about 10^8 guesses or more: beyond an online attack and expensive offline against scrypt. Only the
// common dictionary is loaded (no language word lists): it is what catches the passwords people actually reuse.
// Used by the zod schemas, so sign-up and password change agree.
//
// The check runs on the server's main thread before any rate limit (zod parses first), so its cost is bounded:
// the Levenshtein option stays off (it compares the whole password with every dictionary entry: ten times slower,
// up to a second for some 16-character inputs here, for the same verdict on every password we tried), and only the
// first 40 characters are judged (zxcvbn grows faster than linearly with length; a password whose first 40
// characters are hard to guess is hard to guess). Worst case measured: under 90 ms on a loaded 2-core machine.

const MIN_SCORE = 3;
const CHECKED_LENGTH = 40;

let factory: ZxcvbnFactory | undefined;
const zxcvbn = () => (factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

const REASONS: Record<string, string> = {
  topTen: 'it is one of the most used passwords there are',
  topHundred: 'it is one of the most used passwords there are',
  common: 'it is a commonly used password',
  similarToCommon: 'it is a small change to a commonly used password',
  straightRow: 'it is a row of keys on the keyboard',
  keyPattern: 'it is a pattern of keys on the keyboard',
  simpleRepeat: 'it repeats the same character',
  extendedRepeat: 'it repeats the same few characters',
  sequences: 'it is a sequence like abc or 6543',
  recentYears: 'years are easy to guess',
  dates: 'dates are easy to guess',
  userInputs: 'it contains your name or email address',
  wordByItself: 'a single word is easy to guess',
  namesByThemselves: 'names on their own are easy to guess',
  commonNames: 'common names are easy to guess',
  pwned: 'it has appeared in a data breach',
};

export interface StrengthVerdict {
  ok: boolean;
  /** Why it is refused, for the person: empty when ok. */
  message: string;
}

/** Judges a password; `userInputs` (their name, email) count as guessable too. */
export function passwordStrength(password: string, userInputs: string[] = []): StrengthVerdict {
  const inputs = userInputs.flatMap((s) => [s, ...s.split(/[@.\s_+-]+/)]).filter((s) => s.length >= 3);
  const result: ZxcvbnResult = zxcvbn().check([...password].slice(0, CHECKED_LENGTH).join(''), inputs);
  if (result.score >= MIN_SCORE) return { ok: true, message: '' };
  const reason = (result.feedback.warning && REASONS[result.feedback.warning]) || 'it would be guessed quickly';
  return {
    ok: false,
    message: `This password is too easy to guess: ${reason}. Try a few unrelated words, like a short sentence only you would write.`,
  };
}
