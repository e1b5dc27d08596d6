// vite-plugin-pwa's configuration (used by vite.config.ts): the web app manifest and the service
// worker that precaches the app shell, so a cold start without network works.

import type { VitePWAOptions } from 'vite-plugin-pwa';
import { strings } from '../ui/strings.ts';
import { BACKGROUND_COLOR, THEME_COLOR } from './theme.ts';

export const pwaOptions: Partial<VitePWAOptions> = {
  // The user decides when a new version takes over (src/pwa/useAppUpdate.ts).
  registerType: 'prompt',
  // Registration happens in <PwaNotices />, which needs the React hook.
  injectRegister: false,
  // The icons are precached through workbox.globPatterns below; listing them twice is noise.
  includeManifestIcons: false,
  manifest: {
    id: '/',
    name: strings.pwa.manifestNaam,
    short_name: strings.pwa.manifestKorteNaam,
    description: strings.pwa.manifestOmschrijving,
    lang: 'nl-NL',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    // Tablets are used both ways round during meetings.
    orientation: 'any',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    categories: ['productivity', 'business'],
    icons: [
      { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  },
  workbox: {
    // The app shell: everything the built app needs to start (the plugin adds the manifest).
    // Source maps stay out.
    globPatterns: ['**/*.{js,css,html,svg,png,ico,woff,woff2}'],
    // Every app route (/, /join/<code>, /tafel/...) starts from the cached index.html; the relay's
    // own endpoints never do, and no API response is cached (tafel data lives in IndexedDB).
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/sync(\/|$)/, /^\/health(\/|$)/],
    cleanupOutdatedCaches: true,
    // The first service worker takes charge of the page that installed it, so screens loaded
    // later (each is its own chunk) come from the precache even if the network is gone by then.
    // Updates still wait for the user's consent: there is no skipWaiting.
    clientsClaim: true,
    // Map tiles of the PDOK BRT achtergrondkaart: once seen, a tablet shows them offline too.
    runtimeCaching: [
      {
        urlPattern: /^https:\/\/service\.pdok\.nl\/brt\/achtergrondkaart\//,
        handler: 'CacheFirst',
        options: {
          cacheName: 'pdok-brt-tegels',
          expiration: { maxEntries: 4000, maxAgeSeconds: 60 * 60 * 24 * 90 },
          cacheableResponse: { statuses: [0, 200] },
        },
      },
    ],
  },
};
