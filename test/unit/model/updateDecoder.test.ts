// The relay's faster update reader must read exactly what Yjs reads: the same structs and values
// (short ASCII strings take its own path; everything else lib0's decoder), the same document
// after applying, and an error where Yjs's own reader fails on a cut-off update.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyUpdateFast, decodeUpdateFast } from '../../../src/model/updateDecoder';

/** What a decoded update says, comparable with toEqual. */
function described(d: ReturnType<typeof Y.decodeUpdate>): unknown {
  return {
    structs: d.structs.map((s) => {
      const item = s as Y.Item;
      const c = item.content as unknown as { arr?: unknown[]; str?: string; len?: number; key?: string; value?: unknown } | undefined;
      return [s.constructor.name, s.id, s.length, item.origin ?? null, item.rightOrigin ?? null, item.parent ?? null, item.parentSub ?? null, c?.constructor.name, c?.arr ?? c?.str ?? c?.len ?? [c?.key, c?.value]];
    }),
    ds: [...d.ds.clients],
  };
}

// Strings of every kind: ASCII, accents, emoji (surrogate pairs), long enough for the slow path.
const text = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ minLength: 60, maxLength: 200 }));
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.uint8Array({ maxLength: 8 }),
    fc.array(tie('any'), { maxLength: 4 }),
    fc.dictionary(text, tie('any'), { maxKeys: 4 }),
  ),
})).any;

describe('the fast update reader', () => {
  it('reads every struct and value of an update as Y.decodeUpdate does, and applies to the same document', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, value), { minLength: 1, maxLength: 6 }), text, (entries, words) => {
        const doc = new Y.Doc();
        const updates: Uint8Array[] = [];
        doc.on('update', (u: Uint8Array) => updates.push(u));
        doc.transact(() => {
          const map = doc.getMap('m');
          for (const [k, v] of entries) map.set(k, { v, by: k });
          doc.getText('t').insert(0, words);
          doc.getXmlFragment('x').insert(0, [new Y.XmlElement('paragraph')]);
        });
        doc.getText('t').format(0, 1, { bold: true, 'kleur ë': 'rood' });
        doc.getMap('m').delete(entries[0]![0]);
        for (const u of [...updates, Y.encodeStateAsUpdate(doc)]) {
          expect(described(decodeUpdateFast(u))).toEqual(described(Y.decodeUpdate(u)));
        }
        const stock = new Y.Doc();
        const fast = new Y.Doc();
        for (const u of updates) {
          Y.applyUpdate(stock, u);
          applyUpdateFast(fast, u);
        }
        expect(Y.encodeStateAsUpdate(fast)).toEqual(Y.encodeStateAsUpdate(stock));
        expect(fast.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
      }),
      { numRuns: 150 },
    );
  });

  it('throws on an update cut off inside a string, as Yjs does', () => {
    const doc = new Y.Doc();
    let update: Uint8Array = new Uint8Array();
    doc.on('update', (u: Uint8Array) => (update = u));
    doc.getMap('m').set('veld', { v: 'een waarde van een lid', by: 'lid-123456' });
    const cut = update.subarray(0, update.length - 12);
    expect(() => Y.decodeUpdate(cut)).toThrow();
    expect(() => decodeUpdateFast(cut)).toThrow();
  });
});
