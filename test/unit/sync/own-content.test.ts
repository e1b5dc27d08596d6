// The barrier's content check (src/sync/own-content.ts): the relay's answer must hold exactly what
// this document wrote under its clientID, compared by content, neighbours and parent.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { relayHoldsOwnContent } from '../../../src/sync/own-content';

function writer(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

/** What a relay holding `relayDoc` answers to a state vector that knows nothing of the client. */
const answerOf = (relayDoc: Y.Doc) => Y.encodeStateAsUpdate(relayDoc);

describe('relayHoldsOwnContent', () => {
  it('confirms an answer holding exactly our map values and text, also when the text was split by later edits', () => {
    const doc = writer(7);
    doc.getMap('projecten').set('p1', { v: 'Kloosterveld', by: 'lid-1', at: 1 });
    doc.getText('notulen').insert(0, 'Besluit: akkoord met de planning');
    doc.getText('notulen').insert(8, ' 2026-014');
    const relay = new Y.Doc();
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(doc));
    expect(relayHoldsOwnContent(doc, answerOf(relay), 7, 0, Y.getState(doc.store, 7))).toBe(true);
  });

  it('refuses an answer with other content at our clocks (another device wrote under our clientID)', () => {
    const mine = writer(7);
    mine.getMap('projecten').set('p1', { v: 'Kloosterveld', by: 'lid-1', at: 1 });
    const imposter = writer(7);
    imposter.getMap('projecten').set('p1', { v: 'Kloosterveld', by: 'lid-2', at: 1 });
    expect(relayHoldsOwnContent(mine, answerOf(imposter), 7, 0, Y.getState(mine.store, 7))).toBe(false);
  });

  it('refuses other text at our clocks, and text at another place', () => {
    const mine = writer(7);
    mine.getText('notulen').insert(0, 'akkoord');
    const other = writer(7);
    other.getText('notulen').insert(0, 'afwijs');
    other.getText('notulen').insert(6, 'd');
    expect(relayHoldsOwnContent(mine, answerOf(other), 7, 0, 7)).toBe(false);
    const elsewhere = writer(7);
    elsewhere.getText('agenda').insert(0, 'akkoord');
    expect(relayHoldsOwnContent(mine, answerOf(elsewhere), 7, 0, 7)).toBe(false);
  });

  it('refuses an answer with more at our clientID than we wrote, and one that misses part of it', () => {
    const mine = writer(7);
    mine.getText('notulen').insert(0, 'akkoord');
    const more = writer(7);
    more.getText('notulen').insert(0, 'akkoord!');
    expect(relayHoldsOwnContent(mine, answerOf(more), 7, 0, 7)).toBe(false);
    const less = writer(7);
    less.getText('notulen').insert(0, 'akkoo');
    expect(relayHoldsOwnContent(mine, answerOf(less), 7, 0, 7)).toBe(false);
  });
});
