// Cross-tab sync without sending the whole document on every open.
//
// y-websocket keeps the tabs of one device in sync over a BroadcastChannel. On connect it sends
// sync step 1 (other tabs answer with what this tab lacks) and then sync step 2 of the *whole*
// document, so that other tabs get what they lack. That step 2 is a full encode of the tafel on
// every open, even when no other tab is listening: for a large tafel (2,000 projects) it took
// about a quarter of the cold open. Here the second half of the exchange is asked for instead:
// a tab that opens sends a hello, every other tab answers with its own step 1, and the opening tab
// answers that with a step 2 of only what that tab lacks. Same result, and nothing to encode when
// the tab is alone.

import * as bc from 'lib0/broadcastchannel';
import * as encoding from 'lib0/encoding';
import { messageAwareness, messageQueryAwareness, type WebsocketProvider } from 'y-websocket';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { MESSAGE_SYNC, MESSAGE_TAB_HELLO } from '../protocol/messages';

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Replaces the provider's connectBc with the exchange above and teaches it to answer a hello. */
export function syncTabsOnRequest(provider: WebsocketProvider): void {
  provider.messageHandlers[MESSAGE_TAB_HELLO] = (encoder, _decoder, p, fromRelay) => {
    // Only tabs say hello; whatever the provider writes here is published back on the channel.
    if (fromRelay) return;
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, p.doc);
  };
  provider.connectBc = () => {
    if (provider.disableBc) return;
    if (!provider.bcconnected) {
      bc.subscribe(provider.bcChannel, provider._bcSubscriber);
      provider.bcconnected = true;
    }
    const publish = (m: Uint8Array) => bc.publish(provider.bcChannel, m, provider);
    publish(
      message((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(e, provider.doc);
      }),
    );
    publish(message((e) => encoding.writeVarUint(e, MESSAGE_TAB_HELLO)));
    // Presence, as y-websocket does it: ask for theirs, tell ours.
    publish(message((e) => encoding.writeVarUint(e, messageQueryAwareness)));
    publish(
      message((e) => {
        encoding.writeVarUint(e, messageAwareness);
        encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(provider.awareness, [provider.doc.clientID]));
      }),
    );
  };
}
