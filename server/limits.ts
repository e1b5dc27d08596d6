// Per-connection rate limiting: a token bucket, so a lid typing fast in the notes or a tablet
// catching up after a day offline gets its burst, while a flood is cut off.

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Takes one token; false when the bucket is empty. */
  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Websocket close codes of the relay (documented in docs/relay-api.md). */
export const CLOSE = {
  /** A frame that is not a well-formed y-websocket message. */
  malformed: 4400,
  /** The device token was revoked, or the lid removed from the leden list, while connected. */
  revoked: 4401,
  /** The tafel does not exist (any more). */
  unknownTafel: 4404,
  /** The connection sent more messages than the rate limit allows. */
  rateLimited: 4408,
  /** A message larger than AAN_TAFEL_MAX_MESSAGE_BYTES. */
  tooLarge: 4413,
  /** A sync step 1 whose state vector names more clientIDs than the tafel knows (plus a few new ones). */
  stateVectorTooLarge: 4422,
  /** The relay is full (rooms or connections) or shutting down; try again later. */
  full: 4503,
} as const;
