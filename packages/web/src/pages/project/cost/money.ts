const amount = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** Cents as an amount with two decimals and grouping, e.g. 123456 → "1,234.56"; null → "—". */
export function formatCents(cents: number | null): string {
  return cents === null ? '—' : amount.format(cents / 100);
}

/** Cents rounded to whole units for charts and tiles, e.g. 123456 → "1,235". */
export function formatUnits(cents: number | null): string {
  return cents === null ? '—' : whole.format(cents / 100);
}

/** A ratio as an index with two decimals ("0.92"), or "—" when it is undefined. */
export function formatIndex(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

/** A share 0–1 as a whole percentage ("42 %"), or "—". */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)} %`;
}

/**
 * The cents of an amount typed in units ("1,234.50", "1234.5"), or null when it is not a number. Negative amounts
 * come back negative so that the server names the field when refusing them.
 */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[\s,]/g, '');
  if (!/^-?\d+(\.\d{0,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}
