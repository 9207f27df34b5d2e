// One fixed locale, so the server-rendered text and the hydrated text agree wherever the page is read.
const PERCENT = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
const INTEGER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** 0.0487 -> "4.9%", 1 -> "100%". */
export function formatPercent(fraction: number): string {
  return PERCENT.format(fraction);
}

/** 10000 -> "10,000". */
export function formatCount(n: number): string {
  return INTEGER.format(n);
}
