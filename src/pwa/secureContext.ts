// Whether this address lets the browser keep the app for offline use (issue 16): a service worker
// only runs in a secure context (https, or localhost). Over plain http on a network address the app
// works online only, and must say so rather than promise offline work.

export function offlineNeedsHttps(): boolean {
  return typeof window !== 'undefined' && !window.isSecureContext;
}

/** The same address over https, as a suggestion ("https://192.168.1.20:8080/"). */
export function httpsVariant(href: string): string {
  const u = new URL(href);
  u.protocol = 'https:';
  return u.origin;
}
