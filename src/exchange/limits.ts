// Limits on what an import takes in, so a tablet never chokes on a file: checked before parsing
// (size) and right after (rows). Exceeding one is a clear error, never a partial import.

/** A planmonitor export of a whole province is a few MB; 25 MB leaves room without risking memory. */
export const MAX_BESTAND_BYTES = 25 * 1024 * 1024;
/** Rows of one import. A tafel's planmonitor has hundreds to a few thousand projects. */
export const MAX_RIJEN = 10_000;
