// The ladder against the real relay (docs/network.md): an escalation from the demo regional tafel
// reaches the landelijke tafel, assigned to the lid of its landsdeel, with only the public part of
// its projects; the answer and status come back read-only with provenance; the regional chair
// closes the loop; comments go both ways; forged relay fields are rejected; a delivery note stored
// in its old shape still lands; neither side can read the other's document; cross-region rode
// draden appear once a theme comes from two regions.

import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { landelijkeRodeDraden, lidVoorLandsdeel, readEscalatie, readOntvangenEscalatie, readOntvangenEscalaties, readProjecten, RELAY_AUTHOR } from '../../../src/model';
import { setLandelijkeRodeDraadDrempel, escaleer, reageerOpEscalatie, setOntvangenStatus, setProjectField, sluitEscalatie } from '../../../src/operations';
import { cleanupRelays, connectClient, startRelay, tryUpgrade, waitFor, type StartedRelay } from '../helpers/relay';
import { knelpuntId, lid, outboxRows, typeParagraph, type Lid } from './helpers';

describe('network: escalation up the ladder and the answer back', () => {
  let relay: StartedRelay;
  let vera: Lid;
  let dirk: Lid;
  let zara: Lid;
  let lotte: Lid;

  beforeAll(async () => {
    relay = await startRelay({ demo: true });
    vera = await lid(relay, 'Vera Voorzitter');
    dirk = await lid(relay, 'Dirk Ontwikkelaar');
    zara = await lid(relay, 'Zara Zuidwest');
    lotte = await lid(relay, 'Lotte Landelijk');
  }, 60_000);
  afterAll(cleanupRelays);

  it('delivers the escalation, public project parts only, assigned to the landsdeel lid', async () => {
    const deKade = readProjecten(dirk.client.doc).find((p) => p.naam === 'De Kade')!;
    setProjectField(dirk.client.doc, dirk.actor(), deKade.id, 'privateOpmerkingen', 'VERTROUWELIJK-grondprijs-41');
    await waitFor(() => readProjecten(vera.client.doc).find((p) => p.id === deKade.id)?.privateOpmerkingen === 'VERTROUWELIJK-grondprijs-41', 'the private remark at the chair');

    const k = knelpuntId(vera.client.doc, 'Geen netaansluiting');
    const sent = Date.now();
    const id = escaleer(vera.client.doc, vera.actor(), {
      knelpuntId: k,
      niveau: 'landelijke versnellingstafel',
      gevraagd: 'Bemiddeling bij de netbeheerder',
      waarom: 'De netbeheerder valt buiten de regio',
      gedeeld: 'Locaties geprioriteerd',
      projecten: [deKade.id],
    });
    await waitFor(() => readOntvangenEscalatie(zara.client.doc, id) !== undefined, 'the escalation at the landelijke tafel');
    console.log(`escalation arrived at the landelijke tafel after ${Date.now() - sent} ms`);

    const e = readOntvangenEscalatie(zara.client.doc, id)!;
    expect(e.status).toBe('ontvangen');
    expect(e.bron).toEqual({ tafelId: 'demo', tafelNaam: 'Versnellingstafel Regio Voorbeeld', landsdeel: 'Zuidwest', escalatieId: id });
    expect(e.knelpunt.titel).toMatch(/^Geen netaansluiting/);
    expect(e.gevraagd).toBe('Bemiddeling bij de netbeheerder');
    expect(e.projecten).toEqual([{ naam: 'De Kade', gemeente: 'Voorbeeldstad', planstatus: '2A vastgesteld', woningen: 160 }]);
    expect(e.provenance.bron?.by).toBe(RELAY_AUTHOR);
    expect(lidVoorLandsdeel(zara.client.doc, e.bron.landsdeel)?.naam).toBe('Zara Zuidwest');

    // Nothing private left the regional tafel.
    const national = JSON.stringify(zara.client.doc.toJSON());
    expect(national).not.toContain('VERTROUWELIJK-grondprijs-41');
    for (const key of ['startBouw', 'financieleHaalbaarheid', 'privateOpmerkingen', 'privaatEigenaar', 'oplevering.']) expect(national).not.toContain(key);

    await waitFor(() => readEscalatie(vera.client.doc, id)?.bezorging?.status === 'bezorgd', 'the delivery note at the regional tafel');
  });

  it('still lands a delivery note stored in the shape from before rapportages had one (only escalatieId)', async () => {
    const id = readOntvangenEscalaties(zara.client.doc).find((e) => e.bron.tafelId === 'demo')!.id;
    const db = new Database(path.join(relay.dataDir, 'aan-tafel.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      const payload = JSON.stringify({ escalatieId: id, tafel: { id: 'landelijk', naam: 'Landelijke tafel (oude notitie)' } });
      db.prepare('INSERT INTO outbox (bron_tafel, bron_sleutel, soort, doel_tafel, via_koppeling, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run('landelijk', 'bezorging:oud', 'bezorging', 'demo', 0, payload, Date.now());
    } finally {
      db.close();
    }
    await waitFor(() => readEscalatie(vera.client.doc, id)?.bezorging?.tafel === 'Landelijke tafel (oude notitie)', 'the old-shape note at the regional tafel');
    expect(readEscalatie(vera.client.doc, id)!.bezorging!.status).toBe('bezorgd');
  });

  it('sends status and answer back read-only with provenance; the chair closes the loop; comments go both ways', async () => {
    const id = readOntvangenEscalaties(zara.client.doc).find((e) => e.bron.tafelId === 'demo')!.id;
    typeParagraph(zara.client.doc, 'ontvangenEscalaties', id, 'antwoord', 'De landelijke tafel spreekt de netbeheerder aan.');
    setOntvangenStatus(zara.client.doc, zara.actor(), id, 'beantwoord');
    await waitFor(() => readEscalatie(vera.client.doc, id)?.terugmelding?.status === 'beantwoord', 'the answer at the regional tafel');
    const t = readEscalatie(vera.client.doc, id)!.terugmelding!;
    expect(t).toEqual(expect.objectContaining({ antwoord: 'De landelijke tafel spreekt de netbeheerder aan.', lid: 'Zara Zuidwest', tafel: 'Landelijke versnellingstafel' }));
    expect(readEscalatie(vera.client.doc, id)!.provenance.terugmelding?.by).toBe(RELAY_AUTHOR);

    reageerOpEscalatie(vera.client.doc, vera.actor(), 'escalaties', id, 'Dank, wij sluiten aan bij het gesprek.');
    await waitFor(() => readOntvangenEscalatie(zara.client.doc, id)?.draad.some((d) => d.extern?.naam === 'Vera Voorzitter'), 'the regional comment at the landelijke tafel');
    reageerOpEscalatie(lotte.client.doc, lotte.actor(), 'ontvangenEscalaties', id, 'Graag, het gesprek is op 12 maart.');
    await waitFor(() => readEscalatie(vera.client.doc, id)?.draad.some((d) => d.extern?.naam === 'Lotte Landelijk'), 'the national comment at the regional tafel');

    sluitEscalatie(vera.client.doc, vera.actor(), id, true, 'Aansluiting in 2027 toegezegd.');
    await waitFor(() => readOntvangenEscalatie(zara.client.doc, id)?.afsluiting?.opgelost === true, 'the closed loop at the landelijke tafel');
    expect(readOntvangenEscalatie(zara.client.doc, id)!.afsluiting).toEqual(expect.objectContaining({ toelichting: 'Aansluiting in 2027 toegezegd.', naam: 'Vera Voorzitter' }));
  });

  it('rejects a client that forges what only the relay writes', async () => {
    const id = readOntvangenEscalaties(zara.client.doc).find((e) => e.bron.tafelId === 'demo')!.id;
    // Forgers of their own: a rejected change stays in the forging copy (the app would recover it).
    const veraForger = connectClient(relay, 'demo', vera.session.token);
    const zaraForger = connectClient(relay, 'landelijk', zara.session.token);
    await Promise.all([veraForger.synced(), zaraForger.synced()]);
    const forged = { status: 'beantwoord', antwoord: 'nep', lid: 'Zara Zuidwest', tafel: 'Landelijke versnellingstafel', op: Date.now() };
    const escMap = veraForger.doc.getMap('escalaties').get(id) as Y.Map<unknown>;
    veraForger.doc.transact(() => escMap.set('terugmelding', { v: forged, by: vera.session.lidId, p: vera.actor().partijId, at: Date.now() }));
    await waitFor(() => veraForger.rejections.length > 0, 'the rejection of the forged answer');
    expect(veraForger.rejections[0]!.violations.map((v) => v.code)).toContain('relay-only');

    zaraForger.doc.transact(() => {
      const m = new Y.Map<unknown>();
      zaraForger.doc.getMap('ontvangenEscalaties').set('NepEscalatie00001', m);
      m.set('status', { v: 'ontvangen', by: zara.session.lidId, p: zara.actor().partijId, at: Date.now() });
    });
    await waitFor(() => zaraForger.rejections.length > 0, 'the rejection of a forged escalation');
    expect(zaraForger.rejections[0]!.violations.map((v) => v.code)).toContain('relay-only');
    veraForger.close();
    zaraForger.close();
    expect(readEscalatie(vera.client.doc, id)!.terugmelding!.antwoord).not.toBe('nep');
  });

  it('lets no lid of one tafel read the other tafel', async () => {
    const url = (tafel: string, token: string) => `${relay.wsUrl}/sync/${tafel}?token=${token}`;
    expect(await tryUpgrade(url('landelijk', vera.session.token))).toEqual(expect.objectContaining({ status: 401 }));
    expect(await tryUpgrade(url('demo', zara.session.token))).toEqual(expect.objectContaining({ status: 401 }));
    expect(await tryUpgrade(url('demo-oost', zara.session.token))).toEqual(expect.objectContaining({ status: 401 }));
  });

  it('shows a theme escalated from two regions as a national rode draad', async () => {
    // Regio Oostvoorbeeld escalated netcongestie (energietransitie) in the seed; the demo tafel did above.
    await waitFor(() => landelijkeRodeDraden(zara.client.doc).some((r) => r.thema === 'energietransitie'), 'the rode draad');
    const draad = landelijkeRodeDraden(zara.client.doc).find((r) => r.thema === 'energietransitie')!;
    expect(draad.regios).toEqual(['Versnellingstafel Regio Oostvoorbeeld', 'Versnellingstafel Regio Voorbeeld']);
    expect(draad.escalaties).toHaveLength(2);
    // One region only: no rode draad.
    expect(landelijkeRodeDraden(zara.client.doc).some((r) => r.thema === 'capaciteit')).toBe(false);
    setLandelijkeRodeDraadDrempel(lotte.client.doc, lotte.actor(), 3);
    expect(landelijkeRodeDraden(lotte.client.doc)).toEqual([]);
  });

  it('works when the chair escalated offline, and stops when the link ends', async () => {
    vera.client.provider.disconnect();
    const k = knelpuntId(vera.client.doc, 'Stikstofdepositie');
    const id = escaleer(vera.client.doc, vera.actor(), { knelpuntId: k, niveau: 'landelijke versnellingstafel', gevraagd: 'Landelijke lijn voor de bouwvrijstelling', waarom: 'Rijksbeleid' });
    await new Promise((r) => setTimeout(r, 300));
    expect(readOntvangenEscalatie(zara.client.doc, id)).toBeUndefined();
    vera.client.provider.connect();
    await waitFor(() => readOntvangenEscalatie(zara.client.doc, id) !== undefined, 'the offline escalation at the landelijke tafel');

    // The chair ends the link: what was shared stays, marked; nothing new passes.
    const net = await fetch(`${relay.url}/api/tafels/demo/netwerk`, { headers: { Authorization: `Bearer ${vera.session.token}` } }).then((r) => r.json() as Promise<{ koppelingen: { id: string; status: string; andere: { tafelId: string } }[] }>);
    const link = net.koppelingen.find((l) => l.andere.tafelId === 'landelijk' && l.status === 'actief')!;
    const ended = await fetch(`${relay.url}/api/tafels/demo/koppelingen/${link.id}/beeindigen`, { method: 'POST', headers: { Authorization: `Bearer ${vera.session.token}` } });
    expect(ended.status).toBe(200);
    await waitFor(() => readOntvangenEscalatie(zara.client.doc, id)?.koppelingBeeindigd !== null, 'the mark on what was shared');
    expect(readOntvangenEscalatie(zara.client.doc, id)!.gevraagd).toBe('Landelijke lijn voor de bouwvrijstelling');

    const k2 = knelpuntId(vera.client.doc, 'Te weinig capaciteit');
    const id2 = escaleer(vera.client.doc, vera.actor(), { knelpuntId: k2, niveau: 'landelijke versnellingstafel', gevraagd: 'Extra capaciteit', waarom: 'Krappe arbeidsmarkt' });
    await waitFor(() => readEscalatie(vera.client.doc, id2)?.bezorging?.status === 'geen koppeling', 'the note that no link carries it');
    expect(readOntvangenEscalatie(zara.client.doc, id2)).toBeUndefined();

    // Asked again and accepted by the other chair: the waiting escalation goes.
    const ask = await fetch(`${relay.url}/api/tafels/demo/koppelingen`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${vera.session.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ met: 'landelijk' }),
    });
    expect(ask.status).toBe(201);
    const asked = (await ask.json()) as { id: string; status: string };
    expect(asked.status).toBe('verzoek verstuurd');
    const notYet = await fetch(`${relay.url}/api/tafels/demo/koppelingen/${asked.id}/aanvaarden`, { method: 'POST', headers: { Authorization: `Bearer ${vera.session.token}` } });
    expect(notYet.status).toBe(403);
    const accepted = await fetch(`${relay.url}/api/tafels/landelijk/koppelingen/${asked.id}/aanvaarden`, { method: 'POST', headers: { Authorization: `Bearer ${lotte.session.token}` } });
    expect(accepted.status).toBe(200);
    await waitFor(() => readOntvangenEscalatie(zara.client.doc, id2) !== undefined, 'the waiting escalation after the new link');
  });
  it('keeps a request to a rung outside the app at the tafel: nothing travels', async () => {
    const k = knelpuntId(vera.client.doc, 'Onrendabele top');
    const bestuurlijk = escaleer(vera.client.doc, vera.actor(), { knelpuntId: k, niveau: 'bestuurlijke woondealtafel', gevraagd: 'Een besluit over de bijdrage', waarom: 'Bestuurlijk' });
    // A later request that does travel: once it arrived, the earlier update was handled too.
    const landelijk = escaleer(vera.client.doc, vera.actor(), { knelpuntId: k, niveau: 'landelijke versnellingstafel', gevraagd: 'Landelijke regeling', waarom: 'Rijksbeleid' });
    await waitFor(() => readOntvangenEscalatie(zara.client.doc, landelijk) !== undefined, 'the later request at the landelijke tafel');
    expect(readOntvangenEscalatie(zara.client.doc, bestuurlijk)).toBeUndefined();
    expect(outboxRows(relay.dataDir).some((r) => r.bron_sleutel.includes(bestuurlijk))).toBe(false);
    expect(readEscalatie(vera.client.doc, bestuurlijk)!.bezorging).toBeNull();
  });
});
