// The escalation ladder on Postgres (docs/network.md, docs/deploy.md): the outbox and the links
// are storage modules, so an escalation is recorded in the same Postgres transaction as the
// accepted update and delivered exactly once; so is a vastgestelde rapportage's summary. With two
// relay processes, the regional tafel held by one and the landelijke tafel by the other, the
// delivery goes through the holder of the landelijke tafel (told over LISTEN/NOTIFY) and the note
// back through the holder of the source.

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorForLid, readEscalatie, readOntvangenEscalatie, readOntvangenEscalaties, readOntvangenRapportage, readRapportages } from '../../../src/model';
import { escaleer, setOntvangenStatus, stelRapportageVast } from '../../../src/operations';
import { startPostgres, type TestPostgres } from '../helpers/postgres';
import { cleanupRelays, connectClient, demoLink, redeem, startRelay, waitFor } from '../helpers/relay';
import { knelpuntId, lid, netwerkLink } from './helpers';

interface Row {
  soort: string;
  bron_sleutel: string;
  outcome: string | null;
  done_at: string | null;
}

describe('network on Postgres', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await cleanupRelays();
    await postgres?.stop();
  });

  async function outbox(url: string): Promise<Row[]> {
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      return (await db.query<Row>('SELECT soort, bron_sleutel, outcome, done_at::text AS done_at FROM outbox ORDER BY id')).rows;
    } finally {
      await db.end();
    }
  }

  it('delivers an escalation and its answer exactly once on one relay process', async () => {
    const url = await postgres.createDatabase();
    const relay = await startRelay({ demo: true, env: { AAN_TAFEL_DATABASE_URL: url } });
    const vera = await lid(relay, 'Vera Voorzitter');
    const zara = await lid(relay, 'Zara Zuidwest');
    // The seeded escalation of Regio Oostvoorbeeld went too.
    await waitFor(() => readOntvangenEscalaties(zara.client.doc).some((e) => e.bron.tafelId === 'demo-oost'), 'the seeded escalation at the landelijke tafel');

    const id = escaleer(vera.client.doc, vera.actor(), {
      knelpuntId: knelpuntId(vera.client.doc, 'Geen netaansluiting'),
      niveau: 'landelijke versnellingstafel',
      gevraagd: 'Bemiddeling bij de netbeheerder',
      waarom: 'De netbeheerder valt buiten de regio',
      gedeeld: 'Locaties geprioriteerd',
      projecten: [],
    });
    await waitFor(() => readOntvangenEscalatie(zara.client.doc, id) !== undefined, 'the escalation at the landelijke tafel');
    await waitFor(() => readEscalatie(vera.client.doc, id)?.bezorging?.status === 'bezorgd', 'the delivery note at the regional tafel');
    setOntvangenStatus(zara.client.doc, zara.actor(), id, 'in behandeling');
    await waitFor(() => readEscalatie(vera.client.doc, id)?.terugmelding?.status === 'in behandeling', 'the status back at the regional tafel');

    const rows = await outbox(url);
    const escalatie = rows.filter((r) => r.bron_sleutel === `escalatie:${id}`);
    expect(escalatie).toHaveLength(1);
    expect(escalatie[0]!.outcome).toBe('bezorgd');
    expect(rows.filter((r) => r.soort === 'koppeling').length).toBeGreaterThanOrEqual(4);
    expect(readOntvangenEscalaties(zara.client.doc).filter((e) => e.id === id)).toHaveLength(1);

    // A vastgestelde rapportage's summary: recorded with the update, delivered once, read-only there.
    const rapportageId = readRapportages(vera.client.doc)[0]!.id;
    stelRapportageVast(vera.client.doc, vera.actor(), rapportageId);
    await waitFor(() => readOntvangenRapportage(zara.client.doc, rapportageId) !== undefined, 'the rapportage at the landelijke tafel');
    expect(readOntvangenRapportage(zara.client.doc, rapportageId)!.bron).toEqual(expect.objectContaining({ tafelId: 'demo', landsdeel: 'Zuidwest', vastgesteldDoor: 'Vera Voorzitter' }));
    await waitFor(async () => (await outbox(url)).some((r) => r.bron_sleutel === `rapportage:${rapportageId}` && r.done_at !== null), 'the delivery marked done');
    expect((await outbox(url)).filter((r) => r.bron_sleutel === `rapportage:${rapportageId}`).map((r) => r.outcome)).toEqual(['bezorgd']);
  }, 120_000);

  it('delivers through the process holding the target tafel when two processes share the database', async () => {
    const url = await postgres.createDatabase();
    // Short idle time: the seeding process gives the leases up soon after it issued the invites.
    const env = { AAN_TAFEL_DATABASE_URL: url, AAN_TAFEL_ROOM_IDLE_MS: '500', AAN_TAFEL_LEASE_MS: '3000' };
    const a = await startRelay({ demo: true, env });
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const holders = async () => (await db.query<{ tafel_id: string; holder: string }>('SELECT tafel_id, holder FROM tafel_leases')).rows;
      await waitFor(async () => (await holders()).length === 0, 'the seeding process to give its leases up');
      const b = await startRelay({ env: { ...env, AAN_TAFEL_ROOM_IDLE_MS: '60000' } });

      // Zara's tafel (landelijk) is taken by B, Vera's (demo) by A.
      const zaraSession = await redeem(b, netwerkLink(a, 'Zara Zuidwest').code);
      const zara = connectClient(b, zaraSession.tafelId, zaraSession.token);
      await zara.synced();
      const veraSession = await redeem(a, demoLink(a, 'Vera Voorzitter').code);
      const vera = connectClient(a, veraSession.tafelId, veraSession.token);
      await vera.synced();
      const held = new Map((await holders()).map((r) => [r.tafel_id, r.holder]));
      expect(held.get('landelijk')).toBeDefined();
      expect(held.get('demo')).toBeDefined();
      expect(held.get('landelijk')).not.toBe(held.get('demo'));

      const veraActor = actorForLid(vera.doc, veraSession.lidId);
      if (!veraActor) throw new Error('Vera is no lid of the demo tafel');
      const id = escaleer(vera.doc, veraActor, {
        knelpuntId: knelpuntId(vera.doc, 'Geen netaansluiting'),
        niveau: 'landelijke versnellingstafel',
        gevraagd: 'Bemiddeling bij de netbeheerder',
        waarom: 'De netbeheerder valt buiten de regio',
        gedeeld: 'Locaties geprioriteerd',
        projecten: [],
      });
      await waitFor(() => readOntvangenEscalatie(zara.doc, id) !== undefined, 'the escalation at the landelijke tafel, through B', 30_000);
      await waitFor(() => readEscalatie(vera.doc, id)?.bezorging?.status === 'bezorgd', 'the delivery note at the regional tafel, through A', 30_000);
      // Still the same holders: nobody wrote into a tafel it did not hold.
      const after = new Map((await holders()).map((r) => [r.tafel_id, r.holder]));
      expect(after.get('landelijk')).toBe(held.get('landelijk'));
      expect(after.get('demo')).toBe(held.get('demo'));

      const rows = await outbox(url);
      expect(rows.filter((r) => r.bron_sleutel === `escalatie:${id}`).map((r) => r.outcome)).toEqual(['bezorgd']);
      expect(rows.filter((r) => r.soort === 'bezorging' && r.outcome === 'bezorgd').length).toBeGreaterThanOrEqual(1);
      expect(readOntvangenEscalaties(zara.doc).filter((e) => e.id === id)).toHaveLength(1);
    } finally {
      await db.end();
    }
  }, 180_000);
});
