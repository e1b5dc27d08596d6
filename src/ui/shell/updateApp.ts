// Updating the app on request, when the tafel told us this version is too old (session status
// updateNodig). Looks for a new service worker, lets a waiting one take over and reloads; with no
// service worker (development, or a browser without one) a reload fetches the new version.

export async function updateApp(): Promise<void> {
  const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  const registration = await sw?.getRegistration().catch(() => undefined);
  if (sw && registration) {
    await registration.update().catch(() => undefined);
    const waiting = registration.waiting ?? registration.installing;
    if (waiting) {
      sw.addEventListener('controllerchange', () => window.location.reload(), { once: true });
      // vite-plugin-pwa's service worker activates on this message (prompt mode).
      waiting.postMessage({ type: 'SKIP_WAITING' });
      return;
    }
  }
  window.location.reload();
}
