// Mount <PwaNotices /> once in the app shell, outside the routes (it registers the service worker).
// The installable offline app: service worker registration with a consent-based update flow,
// persistent storage and storage warnings. The manifest and the service worker's precache are
// configured in ./pwaOptions.ts (used by vite.config.ts).

export { PwaNotices } from './PwaNotices';
