// Telling "no network" from "no access". A browser WebSocket whose upgrade the relay refuses with
// 401 (revoked token, lid removed from the leden list) looks exactly like a network failure, so
// after a few failed connections the session asks the relay's HTTP API who it is.

/** true when the relay answers that this token no longer gives access; false when unsure. */
export async function accessRevoked(relayUrl: string, token: string, fetchImpl: typeof fetch): Promise<boolean> {
  try {
    const res = await fetchImpl(new URL('/api/me', relayUrl), { headers: { authorization: `Bearer ${token}` } });
    return res.status === 401 || res.status === 403;
  } catch {
    return false;
  }
}

/** Failed connection attempts after which to ask: the third, then every twentieth. */
export function shouldProbe(failedAttempts: number): boolean {
  return failedAttempts === 3 || (failedAttempts > 3 && failedAttempts % 20 === 0);
}
