// Presence goes out only when it changed here.
//
// y-websocket sends every change of the awareness out, including the ones it has just received
// from the relay or from another tab. At a tafel where n leden are present, every presence change
// (a caret moving in the notulen, someone opening another screen, the 15 s heartbeat) came back
// to the relay n - 1 times, and a tablet that joined sent back the whole list it was greeted with.
// The relay ignores states a connection may not speak for, so nothing is lost by not sending
// them: this tab's own state and its removals still go out as before.

import type { WebsocketProvider } from 'y-websocket';

export function sendOwnAwarenessOnly(provider: WebsocketProvider): void {
  const stock = provider._awarenessUpdateHandler;
  provider.awareness.off('update', stock);
  // Received from the relay or another tab: those updates are applied with the provider as origin.
  provider._awarenessUpdateHandler = (change, origin) => {
    if (origin !== provider) stock(change, origin);
  };
  provider.awareness.on('update', provider._awarenessUpdateHandler);
}
