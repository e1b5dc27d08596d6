// Stores read models off the main thread: checking the copy's records against the model's stamp
// and compacting the copy into slices decode the whole tafel, which would block input for
// hundreds of milliseconds on the page (src/sync/read-model-store.ts does the work).

import type { TafelReadModel } from '../model';
import { storeReadModel, type StoreResult } from './read-model-store';

export interface StoreRequest {
  readonly id: number;
  readonly name: string;
  readonly model: TafelReadModel;
}

export type StoreReply = { readonly id: number; readonly result: StoreResult } | { readonly id: number; readonly error: string };

const post = (m: StoreReply) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<StoreRequest>) => {
  const { id, name, model } = e.data;
  storeReadModel(name, model).then(
    (result) => post({ id, result }),
    (err: unknown) => post({ id, error: String(err) }),
  );
};
