// Equality of plain stored values, in one place: the UI skips a write that changes nothing (no new
// provenance for an unchanged field) and the carry-over skips a change the relay already has.

/** JSON with object keys sorted, so equal values give equal text whatever their key order. */
export function stableJson(v: unknown): string {
  if (v === undefined) return 'undefined';
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

/** The same plain value; unset (undefined) counts as null. */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a ?? null) === stableJson(b ?? null);
}
