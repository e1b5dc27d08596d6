// /tafel/:tafelId/planmonitor/import — take a monitor file in: choose the file, check the column
// mapping, look at the preview (a dry run: nothing changes), then import with a progress bar and
// undo the import as a whole while nobody changed its values since.
// Reading and mapping run in a Web Worker (importWorker.ts). The preview and the writes need the
// tafel's document, which lives on this thread: both run here in slices of a few milliseconds
// (src/exchange/slices.ts), through the model's operations, judged by the rulebook like every hand
// edit, and the preview shows a page of rows at a time.

import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  bewaarKoppeling,
  maakImportOngedaan,
  MAX_BESTAND_BYTES,
  metBevestiging,
  pasImportToe,
  planImportInPlakken,
  standaardEigenaar,
  wachtOpBevestiging,
  type FileProblem,
  type ImportPlan,
  type ImportVerslag,
  type Koppeling,
} from '../../../exchange';
import { readImportKoppelingen } from '../../../model';
import { docRuleState } from '../../../ownership/ruleState';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { useNamen } from '../../tafel/useNamen';
import { useTafel } from '../../tafel/useTafel';
import { strings } from '../../strings';
import { bestandTekst, celTekst, redenTekst } from './importText';
import { KolommenTabel } from './KolommenTabel';
import { vraagWorker } from './workerProtocol';
import './import.css';
import { FormError } from '../../components/FormProblem';

const t = strings.monitor.import;
/** Preview rows on one page: a table of thousands of rows would take the tablet seconds to lay out. */
const PAGINA = 50;

type Stap =
  | { readonly soort: 'kiezen'; readonly fout: string | null; readonly lezen: boolean }
  | {
      readonly soort: 'koppelen';
      readonly kolommen: readonly string[];
      readonly voorbeeld: readonly string[];
      readonly aantalRijen: number;
      /** the mapping started from one saved by the lid's partij */
      readonly uitOpgeslagen: boolean;
      /** while the preview is being made: how far */
      readonly plannen: { readonly gedaan: number; readonly totaal: number } | null;
    }
  /** bevestigd: rows matched on naam + gemeente the user confirmed (see src/exchange/bevestigen.ts) */
  | { readonly soort: 'voorbeeld'; readonly plan: ImportPlan; readonly bevestigd: ReadonlySet<number> }
  | { readonly soort: 'bezig'; readonly gedaan: number; readonly totaal: number }
  | { readonly soort: 'klaar'; readonly verslag: ImportVerslag; readonly melding: string | null };

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
    // Too large is said before the file is read into memory at all.
    if (file.size > MAX_BESTAND_BYTES) {
      setStap({ soort: 'kiezen', fout: bestandTekst({ code: 'te-groot', params: { max: MAX_BESTAND_BYTES } }), lezen: false });
      return;
    }
    setStap({ soort: 'kiezen', fout: null, lezen: true });
    const bytes = await file.arrayBuffer();
    const opgeslagen = actor ? readImportKoppelingen(doc, actor.partijId) : [];
    const antwoord = await vraagWorker(worker.current, { soort: 'lees', naam: file.name, bytes, opgeslagen }, [bytes]);
    if (antwoord.soort !== 'gelezen') {
      setStap({ soort: 'kiezen', fout: bestandTekst(antwoord.soort === 'fout' ? antwoord.probleem : null), lezen: false });
      return;
    }
    setKoppeling({ ...antwoord.voorstel, bron: antwoord.voorstel.bron || file.name.replace(/\.[^.]+$/, '') });
    // A transition: React builds the step's table (a select per column, over a thousand options) in
    // slices it yields between, instead of in one long task.
    startTransition(() =>
      setStap({ soort: 'koppelen', kolommen: antwoord.kolommen, voorbeeld: antwoord.voorbeeld, aantalRijen: antwoord.aantalRijen, uitOpgeslagen: antwoord.uitOpgeslagen, plannen: null }),
    );
  };

  const kiesDoel = useCallback((kolom: string, doel: string) => setKoppeling((k) => ({ ...k, kolommen: { ...k.kolommen, [kolom]: doel } })), []);

  const bekijk = async () => {
    if (!worker.current || !actor || stap.soort !== 'koppelen' || stap.plannen) return;
    const koppelen = stap;
    setStap({ ...koppelen, plannen: { gedaan: 0, totaal: 1 } });
    const antwoord = await vraagWorker(worker.current, { soort: 'map', koppeling });
    if (antwoord.soort !== 'gemapt') {
      setStap({ soort: 'kiezen', fout: bestandTekst(antwoord.soort === 'fout' ? (antwoord.probleem as FileProblem | null) : null), lezen: false });
      return;
    }
    const plan = await planImportInPlakken(
      doc,
      actor,
      antwoord.rijen,
      { bron: koppeling.bron.trim(), publiekEigenaar: eigenaar },
      { voortgang: (gedaan, totaal) => setStap({ ...koppelen, plannen: { gedaan, totaal } }) },
    );
    startTransition(() => setStap({ soort: 'voorbeeld', plan, bevestigd: new Set() }));
  };

  const bevestig = useCallback(
    (nummers: readonly number[], ja: boolean) =>
      setStap((s) => {
        if (s.soort !== 'voorbeeld') return s;
        const bevestigd = new Set(s.bevestigd);
        for (const n of nummers) if (ja) bevestigd.add(n);
        else bevestigd.delete(n);
        return { ...s, bevestigd };
      }),
    [],
  );

  const pasToe = async (plan: ImportPlan) => {
    if (!actor) return;
    setStap({ soort: 'bezig', gedaan: 0, totaal: plan.telling.nieuw + plan.telling.wijzigen });
    const verslag = await pasImportToe(doc, actor, plan, { publiekEigenaar: eigenaar, voortgang: (gedaan, totaal) => setStap({ soort: 'bezig', gedaan, totaal }) });
    // The partij's mapping for files like this one, for the next import (a no-op when it is saved already).
    bewaarKoppeling(doc, actor, koppeling);
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
          <FormError message={stap.fout} />
        </section>
      )}

      {stap.soort === 'koppelen' && (
        <section className="card" aria-labelledby="imp-kol">
          <h2 id="imp-kol">{t.stap(2, 3, t.stapKolommen)}</h2>
          <p className="field-hint">{t.kolommenUitleg}</p>
          {stap.uitOpgeslagen && <Banner tone="info">{t.koppelingOvergenomen}</Banner>}
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
          <KolommenTabel kolommen={stap.kolommen} voorbeeld={stap.voorbeeld} koppeling={koppeling.kolommen} onKies={kiesDoel} />
          <div className="actions">
            <Button variant="primary" disabled={stap.plannen !== null} onClick={() => void bekijk()}>
              {t.voorbeeldBekijken}
            </Button>
          </div>
          {stap.plannen && <progress max={Math.max(1, stap.plannen.totaal)} value={stap.plannen.gedaan} aria-label={t.voorbeeldMaken} />}
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
          <OpNaamBevestigen plan={stap.plan} bevestigd={stap.bevestigd} onBevestig={bevestig} />
          <Voorbeeld key={String(alleenProblemen)} plan={stap.plan} alleenProblemen={alleenProblemen} bevestigd={stap.bevestigd} onBevestig={bevestig} />
          <div className="actions">
            <Button onClick={() => setStap({ soort: 'kiezen', fout: null, lezen: false })}>{strings.common.annuleren}</Button>
            <ToepassenKnop plan={stap.plan} bevestigd={stap.bevestigd} onToepassen={(p) => void pasToe(p)} />
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

interface Bevestiging {
  readonly bevestigd: ReadonlySet<number>;
  readonly onBevestig: (nummers: readonly number[], ja: boolean) => void;
}

/** The rows matched only on naam + gemeente: how many, how many confirmed, and all at once. */
function OpNaamBevestigen({ plan, bevestigd, onBevestig }: { plan: ImportPlan } & Bevestiging) {
  const wachtend = useMemo(() => plan.rijen.filter(wachtOpBevestiging).map((r) => r.nummer), [plan]);
  if (wachtend.length === 0) return null;
  const aantal = wachtend.filter((n) => bevestigd.has(n)).length;
  return (
    <Banner tone="warning">
      <p>{t.bevestigUitleg(wachtend.length)}</p>
      <p className="import-bevestigen">
        <span aria-live="polite">{t.bevestigdTelling(aantal, wachtend.length)}</span>
        <Button disabled={aantal === wachtend.length} onClick={() => onBevestig(wachtend, true)}>
          {t.alleBevestigen}
        </Button>
      </p>
    </Banner>
  );
}

/** Applies the plan as confirmed: rows matched on naam that were not confirmed write nothing. */
function ToepassenKnop({ plan: voorstel, bevestigd, onToepassen }: { plan: ImportPlan; bevestigd: ReadonlySet<number>; onToepassen: (plan: ImportPlan) => void }) {
  const plan = useMemo(() => metBevestiging(voorstel, (n) => bevestigd.has(n)), [voorstel, bevestigd]);
  return (
    <Button variant="primary" disabled={plan.telling.nieuw + plan.telling.wijzigen === 0} onClick={() => onToepassen(plan)}>
      {t.toepassen}
    </Button>
  );
}

function Voorbeeld({ plan, alleenProblemen, bevestigd, onBevestig }: { plan: ImportPlan; alleenProblemen: boolean } & Bevestiging) {
  const rijen = useMemo(() => plan.rijen.filter((r) => !alleenProblemen || r.geweigerd.length > 0 || r.problemen.length > 0), [plan, alleenProblemen]);
  const [pagina, setPagina] = useState(0);
  const laatste = Math.max(0, Math.ceil(rijen.length / PAGINA) - 1);
  const huidige = Math.min(pagina, laatste);
  const zichtbaar = rijen.slice(huidige * PAGINA, (huidige + 1) * PAGINA);
  return (
    <>
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
            {zichtbaar.map((r) => (
              <tr key={r.nummer} className={`status-${r.status}`}>
                <td className="num">{r.nummer}</td>
                <td>
                  {r.naam || strings.common.leeg}
                  {r.gekoppeldOp === 'naam' && <span className="muted"> ({t.opNaam})</span>}
                </td>
                <td>
                  {t.statussen[r.status]}
                  {r.status === 'wijzigen' && <span className="muted"> · {t.wijzigingen(r.wijzigingen.length)}</span>}
                  {wachtOpBevestiging(r) && (
                    <label className="checkbox-row">
                      <input
                        type="checkbox"
                        className="checkbox"
                        checked={bevestigd.has(r.nummer)}
                        aria-label={t.bevestigRijLabel(r.nummer, r.naam)}
                        onChange={(e) => onBevestig([r.nummer], e.target.checked)}
                      />
                      {t.bevestigRij}
                    </label>
                  )}
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
      </div>
      {rijen.length > PAGINA && (
        <nav className="import-paginas" aria-label={t.paginas}>
          <Button disabled={huidige === 0} onClick={() => setPagina(huidige - 1)}>
            ← {t.vorigePagina}
          </Button>
          <p aria-live="polite">{t.paginaTelling(huidige * PAGINA + 1, huidige * PAGINA + zichtbaar.length, rijen.length)}</p>
          <Button disabled={huidige === laatste} onClick={() => setPagina(huidige + 1)}>
            {t.volgendePagina} →
          </Button>
        </nav>
      )}
    </>
  );
}
