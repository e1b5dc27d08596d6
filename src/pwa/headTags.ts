// A Vite plugin that adds the installability tags to index.html's head: theme colour, favicons
// and what iPadOS reads when the app is added to the home screen (it ignores manifest icons).
// Generated from the same constants as the manifest, so the two cannot drift apart.

import type { HtmlTagDescriptor, Plugin } from 'vite';
import { strings } from '../ui/strings.ts';
import { THEME_COLOR } from './theme.ts';

const meta = (name: string, content: string): HtmlTagDescriptor => ({
  tag: 'meta',
  attrs: { name, content },
  injectTo: 'head',
});
const link = (attrs: Record<string, string>): HtmlTagDescriptor => ({ tag: 'link', attrs, injectTo: 'head' });

export const PWA_HEAD_TAGS: readonly HtmlTagDescriptor[] = [
  meta('theme-color', THEME_COLOR),
  link({ rel: 'icon', href: '/favicon.ico', sizes: '16x16 32x32 48x48' }),
  link({ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }),
  // iPad (152), iPad Pro (167) and everything newer (180).
  link({ rel: 'apple-touch-icon', href: '/apple-touch-icon-180x180.png' }),
  link({ rel: 'apple-touch-icon', sizes: '152x152', href: '/apple-touch-icon-152x152.png' }),
  link({ rel: 'apple-touch-icon', sizes: '167x167', href: '/apple-touch-icon-167x167.png' }),
  link({ rel: 'apple-touch-icon', sizes: '180x180', href: '/apple-touch-icon-180x180.png' }),
  // Standalone on the home screen for iPadOS releases that predate its manifest support.
  meta('mobile-web-app-capable', 'yes'),
  meta('apple-mobile-web-app-capable', 'yes'),
  meta('apple-mobile-web-app-title', strings.pwa.manifestKorteNaam),
  meta('apple-mobile-web-app-status-bar-style', 'default'),
];

export function pwaHeadTags(): Plugin {
  return {
    name: 'aan-tafel-pwa-head-tags',
    transformIndexHtml: () => [...PWA_HEAD_TAGS],
  };
}
