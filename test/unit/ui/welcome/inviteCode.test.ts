import { describe, expect, it } from 'vitest';
import { inviteCodeFrom } from '../../../../src/ui/screens/welcome/inviteCode';
import { inviteLink } from '../../../../src/ui/screens/leden/inviteLink';

describe('invite codes and links', () => {
  it('takes the code from a bare code or a pasted link', () => {
    expect(inviteCodeFrom(' E54ZKGAKCE2W2U ')).toBe('E54ZKGAKCE2W2U');
    expect(inviteCodeFrom('http://tafel.example.nl/join/E54ZKGAKCE2W2U')).toBe('E54ZKGAKCE2W2U');
    expect(inviteCodeFrom('https://x.nl/join/ABCD-1234?utm=1')).toBe('ABCD-1234');
    expect(inviteCodeFrom('')).toBeNull();
    expect(inviteCodeFrom('geen code hier')).toBeNull();
  });

  it('puts the address this tablet uses in the QR code when the relay only knows localhost', () => {
    const invite = { code: 'E54ZKGAKCE2W2U', url: 'http://localhost:8080/join/E54ZKGAKCE2W2U', expiresAt: 0 };
    expect(inviteLink(invite, 'http://192.168.1.20:8080')).toBe('http://192.168.1.20:8080/join/E54ZKGAKCE2W2U');
    expect(inviteLink(invite, 'http://localhost:8080')).toBe('http://localhost:8080/join/E54ZKGAKCE2W2U');
    const configured = { ...invite, url: 'https://tafel.regio.nl/join/E54ZKGAKCE2W2U' };
    expect(inviteLink(configured, 'http://192.168.1.20:8080')).toBe('https://tafel.regio.nl/join/E54ZKGAKCE2W2U');
  });
});
