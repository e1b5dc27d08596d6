// /tafel/:tafelId/planmonitor/import — take a monitor file in: choose the file, check the column
// mapping, look at the preview (a dry run: nothing changes), then import with a progress bar and
// undo the import as a whole while nobody changed its values since.
// Reading and mapping run in a Web Worker (importWorker.ts); the preview and the chunked writes run
// here, through the model's operations, judged by the rulebook like every hand edit.

import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  doelTekst,
  doelVan,
  IMPORT_VELDEN_PRIVAAT,
  IMPORT_VELDEN_PUBLIEK,
  maakImportOngedaan,
  pasImportToe,
  planImport,
  standaardEigenaar,
  type FileProblem,
  type ImportPlan,
  type ImportRij,
  type ImportVerslag,
  type Koppeling,
} from '../../../exchange';
import { docRuleState } from '../../../ownership/ruleState';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { useNamen } from '../../tafel/useNamen';
import { useTafel } from '../../tafel/useTafel';
import { strings } from '../../strings';
import { labelOfPath } from '../../fieldLabels';
import { bestandTekst, celTekst, redenTekst } from './importText';
import { bewaarKoppeling, leesKoppeling } from './savedMapping';
import { vraagWorker } from './workerProtocol';
import './import.css';

const t = strings.monitor.import;
const ZICHTBARE_RIJEN = 200;

type Stap =
  | { readonly soort: 'kiezen'; readonly fout: string | null; readonly lezen: boolean }
  | { readonly soort: 'koppelen'; readonly kolommen: readonly string[]; readonly voorbeeld: readonly string[]; readonly aantalRijen: number }
  | { readonly soort: 'voorbeeld'; readonly plan: ImportPlan; readonly rijen: readonly ImportRij[] }
  | { readonly soort: 'bezig'; readonly gedaan: number; readonly totaal: number }
  | { readonly soort: 'klaar'; readonly verslag: ImportVerslag; readonly melding: string | null };

function doelLabel(target: string): string {
  const d = doelVan(target);
  if (!d || d.soort === 'negeren') return t.negeren;
  if (d.soort === 'externId') return t.externId;
  if (d.soort === 'veld') return labelOfPath('projecten', d.veld);
  if (d.soort === 'oplevering') return t.oplevering(d.jaar);
  return t.planningCel(d.jaar, d.cel.replace('.', ' ').replace('_onb', ' onbekend'));
}

const VASTE_DOELEN = ['negeren', 'externId', ...[...IMPORT_VELDEN_PUBLIEK, ...IMPORT_VELDEN_PRIVAAT].map((v) => doelTekst({ soort: 'veld', veld: v }))];

export default function ImportScreen() {
  const { doc, actor, tafelId } = useTafel();
  const namen = useNamen();
  const worker = useRef<Worker | null>(null);
  const [stap, setStap] = useState<Stap>({ soort: 'kiezen', fout: null, lezen: false });
  const [koppeling, setKoppeling] = useState<Koppeling>({ bron: '', kolommen: {} });
  const overheden = useMemo(() => [...namen.partijen.values()].filter((p) => p.bloedgroep === 'overheid'), [namen]);
  const [eigenaar, setEigenaar] = useState<string>('');
  const [alleenProblemen, setAlleenProblemen] = useState(false);
  const back = `/tafel/${encodeURIComponent(tafelId)}/planmonitor`;

  useEffect(() => {
    worker.current = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
    return () => worker.current?.terminate();
  }, []);
  useEffect(() => {
    if (actor && eigenaar === '') setEigenaar(standaardEigenaar(docRuleState(doc), actor) ?? overheden[0]?.id ?? '');
  }, [actor, doc, eigenaar, overheden]);

  const kies = async (file: File) => {
    if (!worker.current) return;
    setStap({ soort: 'kiezen', fout: null, lezen: true });
    const bytes = await file.arrayBuffer();
    const opgeslagen = leesKoppeling(tafelId);
    const antwoord = await vraagWorker(worker.current, { soort: 'lees', naam: file.name, bytes, opgeslagen }, [bytes]);
    if (antwoord.soort !== 'gelezen') {
      setStap({ soort: 'kiezen', fout: bestandTekst(antwoord.soort === 'fout' ? antwoord.probleem : null), lezen: false });
      return;
    }
    setKoppeling({ ...antwoord.voorstel, bron: antwoord.voorstel.bron || file.name.replace(/\.[^.]+$/, '') });
    setStap({ soort: 'koppelen', kolommen: antwoord.kolommen, voorbeeld: antwoord.voorbeeld, aantalRijen: antwoord.aantalRijen });
  };

  const bekijk = async () => {
    if (!worker.current || !actor) return;
    const antwoord = await vraagWorker(worker.current, { soort: 'map', koppeling });
    if (antwoord.soort !== 'gemapt') {
      setStap({ soort: 'kiezen', fout: bestandTekst(antwoord.soort === 'fout' ? (antwoord.probleem as FileProblem | null) : null), lezen: false });
      return;
    }
    const plan = planImport(doc, actor, antwoord.rijen, { bron: koppeling.bron.trim(), publiekEigenaar: eigenaar });
    setStap({ soort: 'voorbeeld', plan, rijen: antwoord.rijen });
  };

  const pasToe = async (plan: ImportPlan) => {
    if (!actor) return;
    bewaarKoppeling(tafelId, koppeling);
    setStap({ soort: 'bezig', gedaan: 0, totaal: plan.telling.nieuw + plan.telling.wijzigen });
    const verslag = await pasImportToe(doc, actor, plan, { publiekEigenaar: eigenaar, voortgang: (gedaan, totaal) => setStap({ soort: 'bezig', gedaan, totaal }) });
    setStap({ soort: 'klaar', verslag, melding: null });
  };

  const ongedaan = (verslag: ImportVerslag) => {
    if (!actor) return;
    const r = maakImportOngedaan(doc, actor, verslag);
    setStap({ soort: 'klaar', verslag, melding: r.ok ? t.ongedaan : t.nietOngedaan(r.belemmeringen.length) });
  };

  return (
    <div className="page import">
      <p>
        <Link to={back} className="back-link">
          ← {strings.project.terug}
        </Link>
      </p>
      <h1>{t.titel}</h1>
      <p className="muted">{t.intro}</p>

      {stap.soort === 'kiezen' && (
        <section className="card" aria-labelledby="imp-kies">
          <h2 id="imp-kies">{t.stap(1, 3, t.stapBestand)}</h2>
          <label className="file-pick">
            <span>{t.kiesBestand}</span>
            <input type="file" accept=".xlsx,.csv,.txt,.geojson,.json" onChange={(e) => e.target.files?.[0] && void kies(e.target.files[0])} />
          </label>
          {stap.lezen && <progress aria-label={t.lezen} />}
          {stap.fout && (
            <p className="field-error" role="alert">
              {stap.fout}
            </p>
          )}
        </section>
      )}

      {stap.soort === 'koppelen' && (
        <section className="card" aria-labelledby="imp-kol">
          <h2 id="imp-kol">{t.stap(2, 3, t.stapKolommen)}</h2>
          <p className="field-hint">{t.kolommenUitleg}</p>
          <div className="form-row">
            <label htmlFor="imp-bron">{t.bron}</label>
            <input id="imp-bron" type="text" value={koppeling.bron} aria-describedby="imp-bron-hint" onChange={(e) => setKoppeling({ ...koppeling, bron: e.target.value })} />
            <p className="field-hint" id="imp-bron-hint">
              {t.bronUitleg}
            </p>
          </div>
          {overheden.length > 0 && (
            <div className="form-row">
              <label htmlFor="imp-eigenaar">{t.eigenaar}</label>
              <select id="imp-eigenaar" value={eigenaar} onChange={(e) => setEigenaar(e.target.value)}>
                {overheden.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.naam}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.kolom}</th>
                  <th scope="col">{t.voorbeeldwaarde}</th>
                  <th scope="col">{t.doel}</th>
                </tr>
              </thead>
              <tbody>
                {stap.kolommen.map((k, i) => {
                  const huidig = koppeling.kolommen[k] ?? 'negeren';
                  const opties = VASTE_DOELEN.includes(huidig) ? VASTE_DOELEN : [huidig, ...VASTE_DOELEN];
                  return (
                    <tr key={`${k}-${i}`}>
                      <th scope="row">{k || '—'}</th>
                      <td className="muted">{stap.voorbeeld[i]}</td>
                      <td>
                        <select aria-label={`${t.doel}: ${k}`} value={huidig} onChange={(e) => setKoppeling({ ...koppeling, kolommen: { ...koppeling.kolommen, [k]: e.target.value } })}>
                          {opties.map((o) => (
                            <option key={o} value={o}>
                              {doelLabel(o)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <Button variant="primary" onClick={() => void bekijk()}>
              {t.voorbeeldBekijken}
            </Button>
          </div>
        </section>
      )}

      {stap.soort === 'voorbeeld' && (
        <section className="card" aria-labelledby="imp-vb">
          <h2 id="imp-vb">{t.stap(3, 3, t.stapVoorbeeld)}</h2>
          <Banner tone="info">{t.proefUitleg}</Banner>
          <p role="status">{t.telling(stap.plan.telling.nieuw, stap.plan.telling.wijzigen, stap.plan.telling.ongewijzigd, stap.plan.telling.geweigerd)}</p>
          <label className="checkbox-row">
            <input type="checkbox" className="checkbox" checked={alleenProblemen} onChange={(e) => setAlleenProblemen(e.target.checked)} />
            {t.alleenProblemen}
          </label>
          <Voorbeeld plan={stap.plan} alleenProblemen={alleenProblemen} />
          <div className="actions">
            <Button onClick={() => setStap({ soort: 'kiezen', fout: null, lezen: false })}>{strings.common.annuleren}</Button>
            <Button variant="primary" disabled={stap.plan.telling.nieuw + stap.plan.telling.wijzigen === 0} onClick={() => void pasToe(stap.plan)}>
              {t.toepassen}
            </Button>
          </div>
        </section>
      )}

      {stap.soort === 'bezig' && (
        <section className="card" aria-labelledby="imp-bezig">
          <h2 id="imp-bezig">{t.bezig}</h2>
          <progress max={Math.max(1, stap.totaal)} value={stap.gedaan} aria-describedby="imp-bezig-tekst" />
          <p id="imp-bezig-tekst" role="status">
            {t.voortgang(stap.gedaan, stap.totaal)}
          </p>
        </section>
      )}

      {stap.soort === 'klaar' && (
        <section className="card" aria-labelledby="imp-klaar">
          <h2 id="imp-klaar">{t.stapKlaar}</h2>
          <p role="status">
            {stap.verslag.aangemaakt.length + stap.verslag.geschreven.length === 0
              ? t.nietsTeDoen
              : t.klaar(stap.verslag.aangemaakt.length, new Set(stap.verslag.geschreven.map((g) => g.projectId)).size)}
          </p>
          {stap.melding && <Banner tone={stap.melding === t.ongedaan ? 'info' : 'warning'}>{stap.melding}</Banner>}
          <div className="actions">
            {stap.melding === null && stap.verslag.aangemaakt.length + stap.verslag.geschreven.length > 0 && (
              <Button onClick={() => ongedaan(stap.verslag)}>
                {t.ongedaanMaken}
              </Button>
            )}
            <Button onClick={() => setStap({ soort: 'kiezen', fout: null, lezen: false })}>{t.nogEen}</Button>
            <Link className="btn btn-primary" to={back}>
              {t.naarPlanmonitor}
            </Link>
          </div>
        </section>
      )}
    </div>
  );
}

function Voorbeeld({ plan, alleenProblemen }: { plan: ImportPlan; alleenProblemen: boolean }) {
  const rijen = plan.rijen.filter((r) => !alleenProblemen || r.geweigerd.length > 0 || r.problemen.length > 0);
  return (
    <div className="table-scroll">
      <table className="table import-voorbeeld">
        <thead>
          <tr>
            <th scope="col">{t.rij}</th>
            <th scope="col">{t.project}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.meldingen}</th>
          </tr>
        </thead>
        <tbody>
          {rijen.slice(0, ZICHTBARE_RIJEN).map((r) => (
            <tr key={r.nummer} className={`status-${r.status}`}>
              <td className="num">{r.nummer}</td>
              <td>
                {r.naam || strings.common.leeg}
                {r.gekoppeldOp === 'naam' && <span className="muted"> ({t.opNaam})</span>}
              </td>
              <td>
                {t.statussen[r.status]}
                {r.status === 'wijzigen' && <span className="muted"> · {t.wijzigingen(r.wijzigingen.length)}</span>}
              </td>
              <td>
                <ul className="plain-list">
                  {r.problemen.map((p, i) => (
                    <li key={`p${i}`}>{celTekst(r.nummer, p)}</li>
                  ))}
                  {r.geweigerd.map((g, i) => (
                    <li key={`g${i}`}>{redenTekst(r.nummer, g)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rijen.length > ZICHTBARE_RIJEN && <p className="muted">{t.meerRijen(rijen.length - ZICHTBARE_RIJEN)}</p>}
    </div>
  );
}
