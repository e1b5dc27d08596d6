// The relay's websocket close codes, named once for both sides: the relay closes with them and
// the client decides from them whether to retry (documented in docs/relay-api.md).

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
  /** The relay is full (rooms or connections) or shutting down; try again later. */
  full: 4503,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

