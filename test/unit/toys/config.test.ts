import { describe, expect, it } from 'vitest';
import { assertPositiveInteger, withDefaults } from '../../../lib/toys/config';

describe('toy config defaults', () => {
  it('a key left undefined keeps its default; a key given, even 0, wins', () => {
    const c = withDefaults<{ episodes: number; diversity: number; seed: number }>(
      { episodes: 400, diversity: 0.5, seed: 1 },
      { episodes: undefined, diversity: 0 },
    );
    expect(c).toEqual({ episodes: 400, diversity: 0, seed: 1 });
  });

  it('names the setting that is not a positive integer', () => {
    expect(() => assertPositiveInteger(0, 'epochs')).toThrow(new RangeError('epochs must be a positive integer'));
    expect(() => assertPositiveInteger(2.5, 'hidden')).toThrow(RangeError);
    expect(() => assertPositiveInteger(3, 'epochs')).not.toThrow();
  });
});
