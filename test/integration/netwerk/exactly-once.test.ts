// The outbox against a crash (docs/network.md): the relay is SIGKILLed after it accepted (and
// committed) the chair's escalation but before the carrier delivered it. After the restart the
// escalation is delivered exactly once; another restart delivers nothing twice. The same for a
// vastgestelde rapportage's summary.

import { afterAll, describe, expect, it } from 'vitest';
import { readOntvangenEscalaties, readOntvangenRapportage, readRapportages } from '../../../src/model';
import { escaleer, stelRapportageVast } from '../../../src/operations';
import { cleanupRelays, connectClient, redeem, startRelay, waitFor } from '../helpers/relay';
import { knelpuntId, lid, netwerkLink, outboxRows } from './helpers';

describe('network: exactly once across a SIGKILL', () => {
  afterAll(cleanupRelays);

  it('delivers an escalation accepted before the crash once, after the restart', async () => {
    // The carrier waits an hour: the crash surely comes between acceptance and delivery.
    let relay = await startRelay({ demo: true, env: { AAN_TAFEL_OUTBOX_DELAY_MS: '3600000', AAN_TAFEL_OUTBOX_POLL_MS: '3600000' } });
    const zaraCode = netwerkLink(relay, 'Zara Zuidwest').code;
    const vera = await lid(relay, 'Vera Voorzitter');
    const id = escaleer(vera.client.doc, vera.actor(), {
      knelpuntId: knelpuntId(vera.client.doc, 'Geen netaansluiting'),
      niveau: 'landelijke versnellingstafel',
      gevraagd: 'Bemiddeling bij de netbeheerder',
      waarom: 'Buiten de regio',
    });
    // Committed: the outbox row is on disk, not delivered.
    await waitFor(() => outboxRows(relay.dataDir).some((r) => r.bron_sleutel === `escalatie:${id}` && r.done_at === null), 'the committed outbox row');
    vera.client.close();
    await relay.kill('SIGKILL');

    relay = await startRelay({ dataDir: relay.dataDir, demo: true });
    await waitFor(() => outboxRows(relay.dataDir).some((r) => r.bron_sleutel === `escalatie:${id}` && r.outcome === 'bezorgd'), 'the delivery after the restart');
    const zara = await redeem(relay, zaraCode);
    const client = connectClient(relay, 'landelijk', zara.token);
    await client.synced();
    expect(readOntvangenEscalaties(client.doc).filter((e) => e.id === id)).toHaveLength(1);
    client.close();

    // Another restart replays nothing: one row, done once.
    await relay.stop();
    relay = await startRelay({ dataDir: relay.dataDir, demo: true });
    const rows = outboxRows(relay.dataDir).filter((r) => r.bron_sleutel === `escalatie:${id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.outcome).toBe('bezorgd');
    const again = connectClient(relay, 'landelijk', zara.token);
    await again.synced();
    expect(readOntvangenEscalaties(again.doc).filter((e) => e.id === id)).toHaveLength(1);
    again.close();
  });

  it('delivers a rapportage set vastgesteld before the crash once, after the restart', async () => {
    let relay = await startRelay({ demo: true, env: { AAN_TAFEL_OUTBOX_DELAY_MS: '3600000', AAN_TAFEL_OUTBOX_POLL_MS: '3600000' } });
    const zaraCode = netwerkLink(relay, 'Zara Zuidwest').code;
    const vera = await lid(relay, 'Vera Voorzitter');
    const id = readRapportages(vera.client.doc)[0]!.id;
    stelRapportageVast(vera.client.doc, vera.actor(), id);
    await waitFor(() => outboxRows(relay.dataDir).some((r) => r.bron_sleutel === `rapportage:${id}` && r.done_at === null), 'the committed outbox row');
    vera.client.close();
    await relay.kill('SIGKILL');

    relay = await startRelay({ dataDir: relay.dataDir, demo: true });
    await waitFor(() => outboxRows(relay.dataDir).some((r) => r.bron_sleutel === `rapportage:${id}` && r.outcome === 'bezorgd'), 'the delivery after the restart');
    const zara = await redeem(relay, zaraCode);
    const client = connectClient(relay, 'landelijk', zara.token);
    await client.synced();
    expect(readOntvangenRapportage(client.doc, id)?.samenvatting?.rapportageId).toBe(id);
    client.close();

    await relay.stop();
    relay = await startRelay({ dataDir: relay.dataDir, demo: true });
    const rows = outboxRows(relay.dataDir).filter((r) => r.soort === 'rapportage' && r.bron_tafel === 'demo');
    expect(rows.map((r) => [r.bron_sleutel, r.outcome])).toEqual([[`rapportage:${id}`, 'bezorgd']]);
    const again = connectClient(relay, 'landelijk', zara.token);
    await again.synced();
    expect([...again.doc.getMap('ontvangenRapportages').keys()].filter((k) => k === id)).toHaveLength(1);
    again.close();
  });
});
