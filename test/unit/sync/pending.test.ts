import { describe, expect, it } from 'vitest';
import { PendingChanges } from '../../../src/sync/pending';

describe('PendingChanges', () => {
  it('counts local changes until a confirmation covers their marks', () => {
    const p = new PendingChanges(0);
    const a = p.record();
    p.record();
    const c = p.record();
    expect(p.count).toBe(3);
    p.confirm(a);
    expect(p.count).toBe(2);
    p.confirm(c);
    expect(p.count).toBe(0);
    expect(p.latestMark).toBe(c);
  });

  it('carries changes of an earlier session until the first confirmation', () => {
    const p = new PendingChanges(4);
    expect(p.count).toBe(4);
    const m = p.record();
    expect(p.count).toBe(5);
    p.confirm(0);
    expect(p.count).toBe(1);
    p.confirm(m);
    expect(p.count).toBe(0);
  });
});
