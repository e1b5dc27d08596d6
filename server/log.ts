// The relay's log: one line per event on stdout/stderr, prefixed with the time, for journald or
// docker logs. Nothing a client sends is logged verbatim beyond a short excerpt.

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

const stamp = (): string => new Date().toISOString();

export const consoleLog: Log = {
  info: (m) => console.log(`${stamp()} ${m}`),
  warn: (m) => console.warn(`${stamp()} WARN ${m}`),
  error: (m, e) => console.error(`${stamp()} ERROR ${m}`, e instanceof Error ? (e.stack ?? e.message) : (e ?? '')),
};
