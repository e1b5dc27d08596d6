// What people paste into "Uitnodigingscode": the bare code or the whole link they were sent.

/** The invite code from a code or a link ending in /join/<code>; null when there is none. */
export function inviteCodeFrom(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const fromLink = /\/join\/([^/?#\s]+)/.exec(text);
  const code = fromLink ? decodeURIComponent(fromLink[1]!) : text;
  return /^[A-Za-z0-9_-]{4,200}$/.test(code) ? code : null;
}
