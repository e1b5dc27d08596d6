// A tafel with a known history for the rapportage's tests (model: generated sections and the
// summary; operations: the lifecycle). Dates are set with fake timers (`op`).

import { vi } from 'vitest';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { makeTafel, type Tafel } from '../ownership/fixture';

export const op = (iso: string) => vi.setSystemTime(new Date(`${iso}T10:00:00Z`));

export interface Historie {
  t: Tafel;
  projectZ: string;
  p0: string;
  p1: string;
  k1: string;
  april: string;
}

/**
 * Project A (vastgesteld, 120 sociale huur) plans 100 homes in 2027 at the first peildatum and
 * has moved them to 2028 by the second; project Z (in voorbereiding, 50 middenhuur + 50 vrije
 * sector koop) keeps 100 in 2027 and may not be named outside the tafel. A netcongestie knelpunt
 * on A is raised in the period and escalated to the landelijke tafel, which answers; a parking
 * knelpunt from before is solved in the period. A meeting in April takes a besluit and an afspraak;
 * one in September (the next half year) too.
 */
export function historie(): Historie {
  op('2025-11-01');
  const t = makeTafel();
  O.editTafel(t.relay, t.actor.chair, { woondealDoelen: { '2026': 300, '2027': 400, '2028': 400 } });
  // A may be named in the region's report (vertrouwelijkheid regio); Z is kept inside below.
  O.setProjectField(t.relay, t.actor.a, t.projectA, 'vertrouwelijkheid', 'regio');
  const k0 = O.raiseKnelpunt(t.relay, t.actor.a, { titel: 'Parkeernorm', thema: 'mobiliteit', projecten: [t.projectA] });
  const projectZ = O.createProject(t.relay, t.actor.z, {
    naam: 'Havenkwartier',
    publiekEigenaar: t.partij.gemeenteZ,
    privaatEigenaar: t.partij.corporatie,
    publiek: { planstatus: '3 in voorbereiding', woningenMiddenhuur: 50, woningenVrijeSectorKoop: 50 },
  });
  O.setOplevering(t.relay, t.actor.b, t.projectA, 2027, 100);
  O.setOplevering(t.relay, t.actor.c, projectZ, 2027, 100);
  op('2026-01-02');
  const p0 = O.freezePeildatum(t.relay, t.actor.chair, '2026-01-01');
  op('2026-02-01');
  O.setKnelpuntStatus(t.relay, t.actor.a, k0, 'opgelost');
  op('2026-03-10');
  const k1 = O.raiseKnelpunt(t.relay, t.actor.b, { titel: 'Netcongestie Stationskwartier', thema: 'energietransitie', projecten: [t.projectA] });
  op('2026-04-15');
  const april = O.planVergadering(t.relay, t.actor.chair, { titel: 'Overleg april', datum: '2026-04-15' });
  O.recordBesluit(t.relay, t.actor.chair, { vergaderingId: april, tekst: 'Netcongestie agenderen bij de landelijke tafel' });
  O.recordAfspraak(t.relay, t.actor.chair, { wat: 'Netbeheerder uitnodigen', partijId: t.partij.markt, deadline: '2026-06-01', vergaderingId: april });
  O.sluitVergadering(t.relay, t.actor.chair, april);
  op('2026-05-01');
  O.escalateKnelpunt(t.relay, t.actor.chair, k1, 'landelijke versnellingstafel');
  op('2026-05-10');
  O.addReactie(t.relay, t.actor.chair, k1, 'Netbeheerder neemt het op in de prioritering');
  op('2026-06-20');
  O.setOplevering(t.relay, t.actor.b, t.projectA, 2027, null);
  O.setOplevering(t.relay, t.actor.b, t.projectA, 2028, 100);
  op('2026-06-30');
  const p1 = O.freezePeildatum(t.relay, t.actor.chair, '2026-06-30');
  // Z may not leave the tafel (vertrouwelijkheid): the snapshot says so.
  const stored = t.relay.getMap('peildata').get(p1) as M.Envelope<{ datum: string; projecten: Record<string, M.PeildatumProject> }>;
  const v = structuredClone(stored.v);
  v.projecten[projectZ] = { ...v.projecten[projectZ]!, deelbaar: false };
  t.relay.getMap('peildata').set(p1, { ...stored, v });
  op('2026-09-01');
  const september = O.planVergadering(t.relay, t.actor.chair, { titel: 'Overleg september', datum: '2026-09-01' });
  O.recordBesluit(t.relay, t.actor.chair, { vergaderingId: september, tekst: 'Later besluit' });
  O.recordAfspraak(t.relay, t.actor.chair, { wat: 'Later', partijId: t.partij.markt, vergaderingId: september });
  op('2026-09-02');
  return { t, projectZ, p0, p1, k1, april };
}

