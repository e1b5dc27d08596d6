// The read model while the tafel opens: what the first screens show before the document is in
// memory (src/sync: TafelSession.readModel). Null once the document is live, and when the device
// has no read model that matches its local copy. Screens render the same rows and cards from it
// as from the document, and offer no edits until it is gone.

import type { TafelReadModel } from '../../model';
import { useTafelContext } from './TafelContext';
import { useRead } from './useRead';

export function useReadModel(): TafelReadModel | null {
  const { session } = useTafelContext();
  return useRead(() => session.readModel, [session]);
}

/** True while the local copy is still being read into memory (with or without a read model to show). */
export function useOpening(): boolean {
  const { session } = useTafelContext();
  return useRead(() => session.status.opening === true, [session]);
}
