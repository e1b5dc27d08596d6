// "This is also me" (docs/relay-api.md, "Personen"): a device holding the tokens of two tafels asks
// the relay to link their leden as one persoon, so that a new device of the person, given one
// invite, gets every tafel. The device proves it holds both: one token as its credential, the
// other in the body.

export type LinkResult = 'linked' | 'refused' | 'network';

export async function linkAsPersoon(relayUrl: string, token: string, otherToken: string, fetchImpl: typeof fetch): Promise<LinkResult> {
  let res: Response;
  try {
    res = await fetchImpl(new URL('/api/personen/link', relayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ token: otherToken }),
    });
  } catch {
    return 'network';
  }
  // Refused: a token no longer works, or the two leden share a tafel.
  return res.ok ? 'linked' : res.status >= 500 ? 'network' : 'refused';
}
