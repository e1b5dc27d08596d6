import { describe, expect, it } from 'vitest';
import { JoinError, normaliseCode, redeemInvite } from '../../../src/sync/join';

function answering(status: number, body: unknown): typeof fetch {
  return (async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })) as typeof fetch;
}

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof JoinError) return e.kind;
    throw e;
  }
  throw new Error('no JoinError');
}

describe('joining', () => {
  it('takes the code from a pasted link or a typed code', () => {
    expect(normaliseCode(' https://aantafel.example.nl/join/ABC123XYZ \n')).toBe('ABC123XYZ');
    expect(normaliseCode('ABC123XYZ')).toBe('ABC123XYZ');
  });

  it('returns token, tafel and lid of a redeemed invite', async () => {
    const r = await redeemInvite('http://relay', 'ABC', answering(200, { token: 't', tafelId: 'tafel1', lidId: 'lid1' }));
    expect(r).toEqual({ token: 't', tafelId: 'tafel1', lidId: 'lid1', naam: '', also: [] });
  });

  it("keeps the persoon's other tafels the relay sent along, and drops malformed ones", async () => {
    const also = [
      { token: 't2', tafelId: 'tafel2', lidId: 'lid9', naam: 'Tafel Oost' },
      { token: 't3', tafelId: 'tafel3' },
      { token: 't4', tafelId: 'tafel1', lidId: 'lid1', naam: 'the same tafel again' },
    ];
    const r = await redeemInvite('http://relay', 'ABC', answering(200, { token: 't', tafelId: 'tafel1', lidId: 'lid1', also }));
    expect(r.also).toEqual([{ token: 't2', tafelId: 'tafel2', lidId: 'lid9', naam: 'Tafel Oost' }]);
  });

  it('maps every failure to a kind the UI can explain', async () => {
    expect(await kindOf(redeemInvite('http://relay', 'A', answering(410, { error: 'invite-used', message: '...' })))).toBe('used');
    expect(await kindOf(redeemInvite('http://relay', 'A', answering(410, { error: 'invite-expired', message: '...' })))).toBe('expired');
    expect(await kindOf(redeemInvite('http://relay', 'A', answering(404, { error: 'invite-unknown', message: '...' })))).toBe('unknown');
    expect(await kindOf(redeemInvite('http://relay', 'A', answering(503, { error: 'full' })))).toBe('server');
    expect(await kindOf(redeemInvite('http://relay', 'A', answering(200, { token: 't' })))).toBe('server');
    expect(await kindOf(redeemInvite('http://relay', '  ', answering(200, {})))).toBe('unknown');
    const offline = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect(await kindOf(redeemInvite('http://relay', 'A', offline))).toBe('network');
  });
});
