// Local changes go to the relay only after the changes they build on.
//
// y-websocket sends every local update the moment it happens, as soon as the socket is open. But
// after a reconnect the changes made offline travel in our answer to the relay's sync step 1
// (sync step 2), which comes a round trip later: an edit typed in between reached the relay first,
// built on offline changes it did not have yet, and was refused ("missing-dependency"). So from
// the moment a socket opens until our step 2 has been written, local updates are not sent on it:
// they are in the document, so the step 2 carries them. Tabs still get them at once.

import * as bc from 'lib0/broadcastchannel';
import type { WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import { syncMessage } from '../protocol/messages';

export interface UpdatesOut {
  /** The socket just opened: hold local updates until `answered`. */
  opened(): void;
  /** Our sync step 2 (everything the relay lacked) is written and goes out next: send from now on. */
  answered(): void;
}

export function sendUpdatesAfterHandshake(provider: WebsocketProvider): UpdatesOut {
  let answered = false;
  provider.doc.off('update', provider._updateHandler);
  provider._updateHandler = (update: Uint8Array, origin: unknown) => {
    // Applied from the relay or another tab: not ours to send.
    if (origin === provider) return;
    const message = syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update));
    const ws = provider.ws;
    if (answered && provider.wsconnected && ws && ws.readyState === ws.OPEN) ws.send(message);
    if (provider.bcconnected) bc.publish(provider.bcChannel, message, provider);
  };
  provider.doc.on('update', provider._updateHandler);
  return {
    opened: () => {
      answered = false;
    },
    answered: () => {
      answered = true;
    },
  };
}
