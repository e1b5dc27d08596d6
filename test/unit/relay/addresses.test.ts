// Issue 16, section 3: `npm start` prints where the app can be reached, and that offline work
// needs https (or localhost).

import { describe, expect, it } from 'vitest';
import { addressLines, reachableAddresses } from '../../../server/addresses';

const nic = (address: string, internal = false) => ({ address, internal, family: 'IPv4' as const, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null });

describe('addresses printed at start', () => {
  it('lists localhost and every network address, and marks plain http ones as online only', () => {
    const a = reachableAddresses({ lo: [nic('127.0.0.1', true)], eth0: [nic('192.168.1.20')] }, '0.0.0.0', 8080, 'http://localhost:8080');
    expect(a).toEqual([
      { url: 'http://localhost:8080', offline: true },
      { url: 'http://192.168.1.20:8080', offline: false },
    ]);
    const lines = addressLines(a).join('\n');
    expect(lines).toContain('http://192.168.1.20:8080   (alleen online: geen https)');
    expect(lines).toContain('alleen via https');
  });

  it('says nothing about https when every address may work offline', () => {
    const a = reachableAddresses({}, '127.0.0.1', 8080, 'https://aantafel.example.nl');
    expect(a.every((x) => x.offline)).toBe(true);
    expect(addressLines(a).join('\n')).not.toContain('https (');
  });
});
