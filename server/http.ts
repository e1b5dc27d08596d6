// The relay's HTTP side: security headers on everything, /health, the API, and the built app
// (dist/) with a fallback to index.html for the app's history routes (/join/<code>, /tafel/...).

import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import { handleApi, sendJson } from './api';
import type { RelayContext } from './context';
import { MESSAGES } from './messages';

/** A Host header we are willing to echo into the CSP (anything else falls back to 'self' only). */
const SAFE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:]+\](:\d{1,5})?$/;

/**
 * The app's Content-Security-Policy. Scripts only from our origin (vite builds no inline scripts;
 * the service worker registers from a file). Styles allow inline attributes because the rich-text
 * editor and the charts set style attributes. The websocket goes to the same host.
 */
export function contentSecurityPolicy(host: string | undefined): string {
  const ws = host && SAFE_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    // The map's background tiles (PDOK BRT achtergrondkaart) come from PDOK.
    "img-src 'self' data: blob: https://service.pdok.nl",
    "font-src 'self' data:",
    `connect-src 'self'${ws} https://service.pdok.nl`,
    // MapLibre runs its tile worker from a blob URL.
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function securityHeaders(req: IncomingMessage, res: ServerResponse, https: boolean): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(req.headers.host));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  // Invite links carry a code in the path: never leak it to another site.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
}

/** Hashed build output may be cached for ever; everything else (index.html, sw.js) is revalidated. */
function cacheHeaders(res: ServerResponse, pathname: string): void {
  res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
}

export function createRequestHandler(ctx: RelayContext): (req: IncomingMessage, res: ServerResponse) => void {
  const https = ctx.config.publicUrl.startsWith('https:');
  // Files are looked up per request (sirv's dev mode) rather than listed once at start: a rebuild
  // of dist/ while the relay runs replaces the hashed files, and a stale list would point at
  // files that are gone. Our cacheHeaders replace dev mode's no-store.
  const app = sirv(ctx.config.distDir, { dev: true, single: true, etag: true, setHeaders: cacheHeaders });
  const indexFile = path.join(ctx.config.distDir, 'index.html');
  if (!fs.existsSync(indexFile)) ctx.log.warn(`no built app in ${ctx.config.distDir} yet: only the API and the websocket are served (run npm run build)`);

  return (req, res) => {
    securityHeaders(req, res, https);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://relay.invalid');
    } catch {
      sendJson(res, 400, { error: 'bad-request', message: MESSAGES.badRequest });
      return;
    }
    if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      sendJson(res, 200, { ok: true, rooms: ctx.rooms.size, connections: ctx.rooms.connectionCount, uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000) });
      return;
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      handleApi(ctx, req, res, url).catch((e: unknown) => {
        ctx.log.error('api handler crashed', e);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: MESSAGES.internal });
        else res.destroy();
      });
      return;
    }
    if ((req.method !== 'GET' && req.method !== 'HEAD') || url.pathname === '/health') {
      sendJson(res, 405, { error: 'method-not-allowed', message: MESSAGES.methodNotAllowed });
      return;
    }
    if (!fs.existsSync(indexFile)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(MESSAGES.appNotBuilt);
      return;
    }
    app(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(MESSAGES.notFound);
    });
  };
}
