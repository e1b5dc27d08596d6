// The demo tafel's record and rapportage (issue 15): a meeting held last quarter with its times,
// attendance, besluiten (numbered when the chair closed it) and afspraken, one of which comes back
// on the upcoming meeting's agenda; two peildata with De Kade slipping a year in between (the
// netcongestie knelpunt, escalated to the landelijke tafel); and a concept half-yearly rapportage
// the chair can finish, set vastgesteld and print as PDF on the demo.

import * as Y from 'yjs';
import { periodeVan } from '../src/model';
import { addReactie, escalateKnelpunt, freezePeildatum, planVergadering, proposeAgendapunt, ordenAgenda, recordAfspraak, recordBesluit, richText, setAanwezigheid, setKernteam, setKoersoordeel, setOplevering, setVergaderTijden, sluitVergadering, startRapportage, vandaag } from '../src/operations';
import type { Actor } from '../src/ownership/rulebook';

export interface DemoVerslagBron {
  readonly vera: Actor;
  readonly gert: Actor;
  readonly carla: Actor;
  readonly dirk: Actor;
  readonly partij: { readonly gemeente: string; readonly corporatie: string; readonly markt: string };
  readonly deKade: string;
  readonly netcongestie: string;
  readonly onrendabel: string;
}

const dagen = (n: number, now: number) => new Date(now - n * 86_400_000);

function paragraaf(tekst: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(tekst)]);
  return p;
}

export function seedDemoVerslag(doc: Y.Doc, b: DemoVerslagBron, now: number): void {
  const { vera, gert, carla, dirk } = b;
  // The monitor as it stood last quarter: De Kade still planned for 2028.
  freezePeildatum(doc, vera, vandaag(dagen(90, now)), dagen(90, now));

  const vorige = planVergadering(doc, vera, { titel: 'Versnellingstafel kwartaaloverleg (vorig kwartaal)', datum: vandaag(dagen(60, now)), locatie: 'Stadhuis Voorbeeldstad, zaal 2' });
  const punt1 = proposeAgendapunt(doc, gert, { vergaderingId: vorige, titel: 'Netcongestie De Kade en Havenfront', knelpunten: [b.netcongestie] });
  const punt2 = proposeAgendapunt(doc, carla, { vergaderingId: vorige, titel: 'Onrendabele top sociale huur', knelpunten: [b.onrendabel] });
  ordenAgenda(doc, vera, vorige, [punt1, punt2], true);
  setVergaderTijden(doc, vera, vorige, { startTijd: '14:00', eindTijd: '16:15' });
  setAanwezigheid(doc, vera, vorige, vera.lidId, 'aanwezig');
  setAanwezigheid(doc, vera, vorige, gert.lidId, 'aanwezig');
  setAanwezigheid(doc, vera, vorige, carla.lidId, 'aanwezig');
  setAanwezigheid(doc, vera, vorige, dirk.lidId, 'afgemeld');
  richText(doc, 'vergaderingen', vorige, 'notulen')?.insert(0, [
    paragraaf('De netbeheerder verwacht de aansluiting voor De Kade niet voor 2029. De tafel ziet dit in meer projecten terug.'),
    paragraaf('De corporatie licht de gestegen onrendabele top toe; de gemeente onderzoekt een bijdrage uit het volkshuisvestingsfonds.'),
  ]);
  recordBesluit(doc, vera, { vergaderingId: vorige, agendapuntId: punt1, tekst: 'De tafel legt netcongestie voor aan de landelijke versnellingstafel.' });
  recordBesluit(doc, vera, { vergaderingId: vorige, agendapuntId: punt2, tekst: 'De gemeente rekent een bijdrage aan de onrendabele top van Schoolstraat door.' });
  recordAfspraak(doc, vera, { wat: 'Escalatieverzoek netcongestie opstellen', partijId: b.partij.markt, deadline: vandaag(dagen(40, now)), vergaderingId: vorige, knelpuntId: b.netcongestie });
  recordAfspraak(doc, vera, { wat: 'Bijdrage onrendabele top doorrekenen', partijId: b.partij.gemeente, deadline: vandaag(dagen(-10, now)), vergaderingId: vorige, knelpuntId: b.onrendabel });
  sluitVergadering(doc, vera, vorige);

  escalateKnelpunt(doc, vera, b.netcongestie, 'landelijke versnellingstafel');
  addReactie(doc, vera, b.netcongestie, 'De landsdeelvertegenwoordiger brengt het in bij de netbeheerder en het ministerie; terugkoppeling volgt.');

  // Since then De Kade slipped a year; the monitor is frozen again today.
  setOplevering(doc, dirk, b.deKade, 2028, null);
  setOplevering(doc, dirk, b.deKade, 2029, 80);
  setOplevering(doc, dirk, b.deKade, 2030, 80);
  const peildatum = freezePeildatum(doc, vera, vandaag(new Date(now)), new Date(now));

  const rapportage = startRapportage(doc, vera, { periode: periodeVan(vandaag(new Date(now))), peildatumId: peildatum });
  setKernteam(doc, vera, rapportage, [gert.lidId, carla.lidId]);
  setKoersoordeel(doc, gert, rapportage, 'op koers met zorgen');
  richText(doc, 'rapportages', rapportage, 'samenvatting')?.insert(0, [
    paragraaf('De verwachte productie blijft achter bij de woondeal; netcongestie verschuift opleveringen naar latere jaren.'),
  ]);
  richText(doc, 'rapportages', rapportage, 'vragen')?.insert(0, [
    paragraaf('Wij vragen de woondealpartijen om voorrang voor woningbouwlocaties bij de netbeheerder.'),
  ]);
}
