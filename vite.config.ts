import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The relay serves the built app (dist/) in production; in development Vite serves the app and
// forwards the API and the websocket to a relay started with `npm run relay`.
export default defineConfig({
  plugins: [react()],
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
