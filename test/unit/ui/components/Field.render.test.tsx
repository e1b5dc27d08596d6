// Renders the shared Field inside a real TafelProvider (react-dom/server) to check what each
// lid sees: an input for the owner, a lock naming the owner for everybody else.

import { describe, expect, it } from 'vitest';
import * as M from '../../../../src/model';
import * as O from '../../../../src/operations';
import type { SyncStatus } from '../../../../src/sync';
import { Field } from '../../../../src/ui/components/Field';
import { makeUiTafel, renderAs, text } from '../tafelFixture';

function renderNaamAndStartBouw(lidId: string, t = makeUiTafel(), status: Partial<SyncStatus> = {}): string {
  const p = M.readProject(t.doc, t.project)!;
  return renderAs(
    t.doc,
    lidId,
    <>
      <Field label="Naam" root="projecten" entityId={p.id} fieldKey="naam" value={p.naam} provenance={p.provenance.naam} input={{ kind: 'text', required: true }} onSave={(doc, actor, v) => O.setProjectField(doc, actor, p.id, 'naam', v)} />
      <Field label="Start bouw" root="projecten" entityId={p.id} fieldKey="startBouw" value={p.startBouw} provenance={p.provenance.startBouw} input={{ kind: 'kwartaal' }} onSave={(doc, actor, v) => O.setProjectField(doc, actor, p.id, 'startBouw', v)} />
    </>,
    status,
  );
}

const countInputs = (html: string) => (html.match(/<input /g) ?? []).length;

describe('Field shows ownership', () => {
  it('gives the gemeente an input for the public name and locks the private start bouw with the developer named', () => {
    const t = makeUiTafel();
    const html = renderNaamAndStartBouw(t.actor.gemeente.lidId, t);
    expect(html).toMatch(/<input[^>]*value="De Kade"/);
    expect(text(html)).toContain('Alleen Bouwbedrijf Horizon kan dit wijzigen');
    expect(text(html)).toContain('van Gemeente Zwolle');
    expect(text(html)).toContain('gewijzigd door Gert Gemeente (Gemeente Zwolle) op');
    expect(html).not.toContain('<select');
  });

  it('does the opposite for the developer', () => {
    const t = makeUiTafel();
    const html = renderNaamAndStartBouw(t.actor.markt.lidId, t);
    expect(countInputs(html)).toBe(0);
    expect(html).toContain('<select');
    expect(text(html)).toContain('Alleen Gemeente Zwolle kan dit wijzigen');
  });

  it('locks everything for a gast and for the chair on project fields', () => {
    const t = makeUiTafel();
    const gast = text(renderNaamAndStartBouw(t.actor.gast.lidId, t));
    expect(gast.match(/U kunt alleen meelezen/g)).toHaveLength(2);
    const chair = renderNaamAndStartBouw(t.actor.chair.lidId, t);
    expect(countInputs(chair)).toBe(0);
    expect(chair).not.toContain('<select');
  });

  it('offers no edits once the relay revoked this device’s access', () => {
    const t = makeUiTafel();
    const html = renderNaamAndStartBouw(t.actor.gemeente.lidId, t, { notice: { code: 'access-revoked' }, revoked: true });
    expect(countInputs(html)).toBe(0);
    expect(text(html).match(/U kunt alleen meelezen/g)).toHaveLength(2);
  });

  it('treats someone not (yet) in the leden list as read-only', () => {
    const html = text(renderNaamAndStartBouw('onbekendLid123'));
    expect(html.match(/U kunt alleen meelezen/g)).toHaveLength(2);
  });
});
