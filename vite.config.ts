import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { pwaOptions } from './src/pwa/pwaOptions.ts';
import { pwaHeadTags } from './src/pwa/headTags.ts';

// The relay serves the built app (dist/) in production; in development Vite serves the app and
// forwards the API and the websocket to a relay started with `npm run relay`.
// The PWA plugins write the web app manifest, the precaching service worker and the head tags
// that make the app installable (also on iPadOS) into dist/.
export default defineConfig({
  plugins: [react(), VitePWA(pwaOptions), pwaHeadTags()],
  resolve: { dedupe: ['yjs', 'y-protocols', 'lib0'] },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/health': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
    },
  },
  build: { target: 'es2022', sourcemap: true },
});
