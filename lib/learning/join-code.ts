// Class join codes: 10 symbols of Crockford's base32 (no I, L, O, U) = 50 bits of randomness, shown as two groups
// of five that are easy to read aloud. Pure: the random bytes are an argument.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const JOIN_CODE_LENGTH = 10;
export const JOIN_CODE_BITS = JOIN_CODE_LENGTH * 5;

export function makeJoinCode(random: Uint8Array): string {
  if (random.length < JOIN_CODE_LENGTH) throw new Error('need at least 10 random bytes');
  let out = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) out += ALPHABET[random[i]! & 31];
  return out;
}

export function formatJoinCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a person typed into the canonical code: case, spaces and dashes ignored; O→0, I/L→1 as Crockford says. */
export function normalizeJoinCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== JOIN_CODE_LENGTH || [...s].some((ch) => !ALPHABET.includes(ch))) return null;
  return s;
}
