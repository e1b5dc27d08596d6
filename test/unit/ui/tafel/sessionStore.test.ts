import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as M from '../../../../src/model';
import * as O from '../../../../src/operations';
import { createSessionStore } from '../../../../src/ui/tafel/sessionStore';
import { fakeSession, makeUiTafel } from '../tafelFixture';

describe('session store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('coalesces a burst of session events into one version step and one notification', () => {
    const t = makeUiTafel();
    const session = fakeSession(t.doc, t.actor.gemeente.lidId);
    const store = createSessionStore(session);
    const stop = store.start();
    const v0 = store.version();
    let notified = 0;
    store.subscribe(() => notified++);
    for (let i = 0; i < 50; i++) session.emit();
    expect(store.version()).toBe(v0);
    vi.advanceTimersByTime(20);
    expect(store.version()).toBe(v0 + 1);
    expect(notified).toBe(1);
    stop();
    session.emit();
    vi.advanceTimersByTime(20);
    expect(store.version()).toBe(v0 + 1);
    expect(session.listeners).toBe(0);
  });

  it('shares one read per version and doc between components, and re-reads after a change', () => {
    const t = makeUiTafel();
    const session = fakeSession(t.doc, t.actor.gemeente.lidId);
    const store = createSessionStore(session);
    store.start();
    const first = store.shared(M.readProjecten, t.doc);
    expect(store.shared(M.readProjecten, t.doc)).toBe(first);
    O.setProjectField(t.doc, t.actor.gemeente, t.project, 'naam', 'De Nieuwe Kade');
    session.emit();
    vi.advanceTimersByTime(20);
    const second = store.shared(M.readProjecten, t.doc);
    expect(second).not.toBe(first);
    expect(second[0]!.naam).toBe('De Nieuwe Kade');
    // A swapped doc (after a rejection) is never answered from the old doc's cache.
    const other = makeUiTafel().doc;
    expect(store.shared(M.readProjecten, other)).not.toBe(second);
  });
});
