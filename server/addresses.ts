// What `npm start` prints about where the app can be reached (issue 16): every address, and that
// offline work needs a secure address. A browser only runs the service worker (the app without a
// network) on https or on localhost; a tablet that opens http://<network address> gets the app
// online only, and would otherwise find out when the Wi-Fi drops in a meeting.

import type { NetworkInterfaceInfo } from 'node:os';

export interface Address {
  readonly url: string;
  /** a browser there may keep the app for offline use (https, or localhost on this machine) */
  readonly offline: boolean;
}

/** The addresses a browser can open the app on, for a relay bound to `host` on `port`. */
export function reachableAddresses(
  interfaces: Readonly<Record<string, readonly NetworkInterfaceInfo[] | undefined>>,
  host: string,
  port: number,
  publicUrl: string,
): Address[] {
  const list: Address[] = [];
  const add = (url: string) => {
    if (list.some((a) => a.url === url)) return;
    const u = new URL(url);
    list.push({ url, offline: u.protocol === 'https:' || u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]' });
  };
  add(publicUrl);
  const everywhere = host === '0.0.0.0' || host === '::';
  if (everywhere || host === 'localhost' || host === '127.0.0.1') add(`http://localhost:${port}`);
  for (const infos of Object.values(interfaces)) {
    for (const i of infos ?? []) {
      if (i.internal || i.family !== 'IPv4') continue;
      if (everywhere || host === i.address) add(`http://${i.address}:${port}`);
    }
  }
  return list;
}

/** The lines printed at start. */
export function addressLines(addresses: readonly Address[]): string[] {
  const lines = ['Aan Tafel is te openen op:'];
  for (const a of addresses) lines.push(`  ${a.url}${a.offline ? '' : '   (alleen online: geen https)'}`);
  if (addresses.some((a) => !a.offline)) {
    lines.push(
      'Zonder verbinding werken (de app bewaard op de tablet) kan alleen via https of op deze computer via localhost.',
      'Voor tablets aan tafel: zet Aan Tafel achter https (bijvoorbeeld met caddy, zie docs/relay-api.md) en stel AAN_TAFEL_PUBLIC_URL in op dat adres.',
    );
  }
  return lines;
}
