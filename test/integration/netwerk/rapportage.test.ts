// A vastgestelde rapportage up the ladder against the real relay (docs/rapportage.md,
// docs/network.md): when the regional chair sets it vastgesteld, its summary reaches the
// landelijke tafel under the same id, with provenance, for the lid of the region's landsdeel; only
// what vertrouwelijkheid lets out travels; it is recorded and delivered once; nobody at the
// landelijke tafel can change or remove it; a concept never travels. The regional chair sees that
// it arrived (the relay's note "bezorging" on the rapportage, which no lid can write), or that no
// link carries it, until a link is made and it goes after all.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { landsdeelKoers, magBuitenDeTafel, readOntvangenRapportage, readProjecten, readRapportage, readRapportages, RELAY_AUTHOR } from '../../../src/model';
import { setKoersoordeel, setProjectField, startRapportage, stelRapportageVast } from '../../../src/operations';
import { cleanupRelays, connectClient, startRelay, waitFor, type StartedRelay } from '../helpers/relay';
import { lid, outboxRows, type Lid } from './helpers';

describe('network: a vastgestelde rapportage reaches the landsdeel lid', () => {
  let relay: StartedRelay;
  let vera: Lid;
  let dirk: Lid;
  let zara: Lid;
  let lotte: Lid;
  let rapportageId: string;

  beforeAll(async () => {
    relay = await startRelay({ demo: true });
    vera = await lid(relay, 'Vera Voorzitter');
    dirk = await lid(relay, 'Dirk Ontwikkelaar');
    zara = await lid(relay, 'Zara Zuidwest');
    lotte = await lid(relay, 'Lotte Landelijk');
    rapportageId = readRapportages(vera.client.doc)[0]!.id;
  }, 60_000);
  afterAll(cleanupRelays);

  it('sends nothing while the rapportage is a concept', async () => {
    setKoersoordeel(vera.client.doc, vera.actor(), rapportageId, 'niet op koers');
    // Once another lid has the edit, the relay accepted it (and wrote any outbox row with it).
    await waitFor(() => readRapportages(dirk.client.doc).find((r) => r.id === rapportageId)?.koersoordeel === 'niet op koers', 'the concept edit at another lid');
    expect(outboxRows(relay.dataDir).some((r) => r.soort === 'rapportage' && r.bron_tafel === 'demo')).toBe(false);
    expect(readOntvangenRapportage(zara.client.doc, rapportageId)).toBeUndefined();
    expect(landsdeelKoers(zara.client.doc, 'Zuidwest').find((r) => r.koppeling.andereTafelId === 'demo')?.rapportage).toBeNull();
  });

  it('delivers the summary with provenance to the landelijke tafel, in the landsdeel overview', async () => {
    const deKade = readProjecten(dirk.client.doc).find((p) => p.naam === 'De Kade')!;
    setProjectField(dirk.client.doc, dirk.actor(), deKade.id, 'privateOpmerkingen', 'VERTROUWELIJK-grondprijs-77');
    const sent = Date.now();
    stelRapportageVast(vera.client.doc, vera.actor(), rapportageId);
    await waitFor(() => readOntvangenRapportage(zara.client.doc, rapportageId) !== undefined, 'the rapportage at the landelijke tafel');
    console.log(`rapportage summary arrived at the landelijke tafel after ${Date.now() - sent} ms`);

    const r = readOntvangenRapportage(zara.client.doc, rapportageId)!;
    expect(r.bron).toEqual({ tafelId: 'demo', tafelNaam: 'Versnellingstafel Regio Voorbeeld', landsdeel: 'Zuidwest', rapportageId, vastgesteldDoor: 'Vera Voorzitter' });
    expect(r.provenance.bron?.by).toBe(RELAY_AUTHOR);
    expect(r.provenance.samenvatting?.by).toBe(RELAY_AUTHOR);
    const eigen = readRapportages(vera.client.doc).find((x) => x.id === rapportageId)!;
    expect(r.samenvatting).toMatchObject({
      rapportageId,
      periode: eigen.periode,
      peildatum: eigen.cijfers!.peildatum,
      vastgesteldOp: eigen.vastgesteldOp,
      koersoordeel: 'niet op koers',
      plancapaciteitRatio: eigen.cijfers!.plancapaciteit.ratio,
    });
    expect(r.samenvatting!.teksten.vragen).toContain('voorrang voor woningbouwlocaties');

    const regio = landsdeelKoers(zara.client.doc, 'Zuidwest').find((x) => x.koppeling.andereTafelId === 'demo')!;
    expect(regio.rapportage?.id).toBe(rapportageId);
    // Another landsdeel's overview does not carry it (Regio Oostvoorbeeld reported in the seed).
    expect(landsdeelKoers(zara.client.doc, 'Oost/Midden').map((x) => x.rapportage?.bron.tafelId)).toEqual(['demo-oost']);

    // Back at the regional tafel, the chair learns it arrived: where and when, written by the relay.
    await waitFor(() => readRapportage(vera.client.doc, rapportageId)?.bezorging?.status === 'bezorgd', 'the delivery note at the regional tafel');
    const eigenNa = readRapportage(vera.client.doc, rapportageId)!;
    expect(eigenNa.bezorging).toEqual({ status: 'bezorgd', tafelId: 'landelijk', tafel: 'Landelijke versnellingstafel', op: r.ontvangenOp });
    expect(eigenNa.provenance.bezorging?.by).toBe(RELAY_AUTHOR);
  });

  it('lets out only what vertrouwelijkheid allows: projects kept inside are counted, not named; nothing private', () => {
    const projecten = readProjecten(vera.client.doc);
    const binnen = projecten.filter((p) => !magBuitenDeTafel(p));
    expect(binnen.length).toBeGreaterThan(0);
    const r = readOntvangenRapportage(zara.client.doc, rapportageId)!;
    expect(r.samenvatting!.projecten.nietGedeeld).toBe(readRapportages(vera.client.doc).find((x) => x.id === rapportageId)!.cijfers!.projecten.nietGedeeld);
    expect(r.samenvatting!.projecten.nietGedeeld).toBeGreaterThan(0);
    const national = JSON.stringify(zara.client.doc.getMap('ontvangenRapportages').toJSON());
    // A name shared by a project that may go out is fine; the names only projects kept inside carry are not.
    const buitenNamen = new Set(projecten.filter(magBuitenDeTafel).map((p) => p.naam));
    for (const p of binnen.filter((x) => !buitenNamen.has(x.naam))) expect(national).not.toContain(p.naam);
    expect(national).not.toContain('VERTROUWELIJK-grondprijs-77');
    // No private field as a key (the narrative may use the words).
    for (const key of ['privateOpmerkingen', 'privaatEigenaar', 'opleveringen', 'financieleHaalbaarheid', 'reactie.']) expect(national).not.toContain(`"${key}`);
  });

  it('is recorded and delivered exactly once', async () => {
    // The chair's screen may repeat the vastgesteld status (another tablet, a retry): nothing new is recorded.
    const rows = () => outboxRows(relay.dataDir).filter((r) => r.soort === 'rapportage' && r.bron_tafel === 'demo');
    await waitFor(() => rows().every((r) => r.done_at !== null), 'the delivery marked done');
    expect(rows().map((r) => [r.bron_sleutel, r.outcome])).toEqual([[`rapportage:${rapportageId}`, 'bezorgd']]);
    const again = connectClient(relay, 'landelijk', zara.session.token);
    await again.synced();
    expect([...again.doc.getMap('ontvangenRapportages').keys()].filter((k) => k === rapportageId)).toHaveLength(1);
    again.close();
  });

  it('is read-only at the landelijke tafel, for its chair too', async () => {
    const forger = connectClient(relay, 'landelijk', lotte.session.token);
    await forger.synced();
    const map = forger.doc.getMap('ontvangenRapportages').get(rapportageId) as Y.Map<unknown>;
    const stored = map.get('samenvatting') as { v: Record<string, unknown> };
    forger.doc.transact(() => map.set('samenvatting', { v: { ...stored.v, koersoordeel: 'op koers' }, by: lotte.session.lidId, p: lotte.actor().partijId, at: Date.now() }));
    await waitFor(() => forger.rejections.length > 0, 'the rejection of the changed summary');
    expect(forger.rejections[0]!.violations.map((v) => v.code)).toContain('relay-only');
    forger.close();

    const remover = connectClient(relay, 'landelijk', lotte.session.token);
    await remover.synced();
    remover.doc.transact(() => remover.doc.getMap('ontvangenRapportages').delete(rapportageId));
    await waitFor(() => remover.rejections.length > 0, 'the rejection of the removal');
    remover.close();

    const check = connectClient(relay, 'landelijk', zara.session.token);
    await check.synced();
    expect(readOntvangenRapportage(check.doc, rapportageId)?.samenvatting?.koersoordeel).toBe('niet op koers');
    check.close();
  });

  it('refuses the delivery note to every lid of the regional tafel', async () => {
    const eigen = readRapportage(vera.client.doc, rapportageId)!;
    const concept = startRapportage(vera.client.doc, vera.actor(), { periode: eigen.periode.endsWith('H1') ? '2025-H2' : '2025-H1', peildatumId: eigen.peildatumId });
    await waitFor(() => readRapportage(dirk.client.doc, concept) !== undefined, 'the new concept at another lid');
    const forge = async (token: string, lidId: string, partijId: string, id: string) => {
      const forger = connectClient(relay, 'demo', token);
      await forger.synced();
      const map = forger.doc.getMap('rapportages').get(id) as Y.Map<unknown>;
      forger.doc.transact(() => map.set('bezorging', { v: { status: 'bezorgd', tafelId: 'landelijk', tafel: 'Vervalst', op: Date.now() }, by: lidId, p: partijId, at: Date.now() }));
      await waitFor(() => forger.rejections.length > 0, 'the rejection of the forged note');
      const codes = forger.rejections[0]!.violations.map((v) => v.code);
      forger.close();
      return codes;
    };
    expect(await forge(dirk.session.token, dirk.session.lidId, dirk.actor().partijId, concept)).toContain('relay-only');
    // The chair neither, on the concept or on the vastgestelde rapportage.
    expect(await forge(vera.session.token, vera.session.lidId, vera.actor().partijId, concept)).toContain('relay-only');
    expect(await forge(vera.session.token, vera.session.lidId, vera.actor().partijId, rapportageId)).not.toEqual([]);
    const check = connectClient(relay, 'demo', dirk.session.token);
    await check.synced();
    expect(readRapportage(check.doc, rapportageId)!.bezorging?.tafel).toBe('Landelijke versnellingstafel');
    expect(readRapportage(check.doc, concept)!.bezorging).toBeNull();
    check.close();
  });

  it('tells the chair when no link carries it, and that it arrived once a link is made', async () => {
    const auth = { Authorization: `Bearer ${vera.session.token}` };
    const net = await fetch(`${relay.url}/api/tafels/demo/netwerk`, { headers: auth }).then((r) => r.json() as Promise<{ koppelingen: { id: string; status: string; andere: { tafelId: string } }[] }>);
    const link = net.koppelingen.find((l) => l.andere.tafelId === 'landelijk' && l.status === 'actief')!;
    expect((await fetch(`${relay.url}/api/tafels/demo/koppelingen/${link.id}/beeindigen`, { method: 'POST', headers: auth })).status).toBe(200);

    const concept = readRapportages(vera.client.doc).find((r) => r.status === 'concept')!.id;
    stelRapportageVast(vera.client.doc, vera.actor(), concept);
    await waitFor(() => readRapportage(vera.client.doc, concept)?.bezorging?.status === 'geen koppeling', 'the note that no link carries it');
    expect(readOntvangenRapportage(zara.client.doc, concept)).toBeUndefined();

    const ask = await fetch(`${relay.url}/api/tafels/demo/koppelingen`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ met: 'landelijk' }) });
    expect(ask.status).toBe(201);
    const asked = (await ask.json()) as { id: string };
    const accepted = await fetch(`${relay.url}/api/tafels/landelijk/koppelingen/${asked.id}/aanvaarden`, { method: 'POST', headers: { Authorization: `Bearer ${lotte.session.token}` } });
    expect(accepted.status).toBe(200);
    await waitFor(() => readRapportage(vera.client.doc, concept)?.bezorging?.status === 'bezorgd', 'the note that it arrived after the new link');
    expect(readRapportage(vera.client.doc, concept)!.bezorging!.tafel).toBe('Landelijke versnellingstafel');
    expect(readOntvangenRapportage(zara.client.doc, concept)).toBeDefined();
  });
});
