// Hands read models to the worker that stores them (src/sync/read-model-worker.ts); one worker per
// device, started on first use. Where there are no workers (Node: tests, the CLI) the same code
// runs in this thread.

import type { TafelReadModel } from '../model';
import { storeReadModel, type StoreResult } from './read-model-store';
import type { StoreReply, StoreRequest } from './read-model-worker';

export class ReadModelWriter {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: StoreResult) => void; reject: (e: Error) => void }>();

  store(name: string, model: TafelReadModel): Promise<StoreResult> {
    if (typeof Worker === 'undefined') return storeReadModel(name, model);
    const worker = this.startWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, name, model } satisfies StoreRequest);
    });
  }

  close(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const w of this.waiting.values()) w.reject(new Error('read model writer closed'));
    this.waiting.clear();
  }

  private startWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./read-model-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<StoreReply>) => {
      const w = this.waiting.get(e.data.id);
      if (!w) return;
      this.waiting.delete(e.data.id);
      if ('result' in e.data) w.resolve(e.data.result);
      else w.reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      // A worker that fails to start (e.g. an old cached build) leaves the read model unwritten, never the app broken.
      for (const w of this.waiting.values()) w.reject(new Error(`read model worker: ${e.message}`));
      this.waiting.clear();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }
}
