// Prose words of an MDX body: quiz markup, SVG and tags are not reading.
function proseText(body: string): string {
  return body
    .replace(/<Quiz[\s\S]*?<\/Quiz>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/`{3}[\s\S]*?`{3}/g, ' ')
    .replace(/[#*_>|`[\]()-]/g, ' ');
}

export function countWords(body: string): number {
  return proseText(body).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const WORDS_PER_MINUTE = 230;

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
