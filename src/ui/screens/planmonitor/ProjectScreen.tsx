// /tafel/:tafelId/planmonitor/:projectId — one project, the public and the private part side by
// side. Every field shows its owner and last change; only the owner partij's leden can edit.

import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  BOUWSTATUSSEN,
  FINANCIELE_HAALBAARHEID,
  hardheid,
  OMGEVINGSVERGUNNING,
  PLANSTATUSSEN,
  readKnelpuntenCached,
  readProject,
  totaalWoningen,
  WONINGTYPES,
  type Project,
} from '../../../model';
import {
  removeProject,
  setPrivaatEigenaar,
  setProjectField,
  setPubliekEigenaar,
  type ProjectVeld,
} from '../../../operations';
import { Banner } from '../../components/Banner';
import { LinkButton } from '../../components/Button';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import type { FieldInput } from '../../components/fieldFormat';
import { PartijBadge } from '../../components/OwnerBadge';
import { useMayRemove, useWrite } from '../../tafel/useMayEdit';
import { useNamen } from '../../tafel/useNamen';
import { usePlek } from '../../tafel/usePresence';
import { useRead } from '../../tafel/useRead';
import { useTafel } from '../../tafel/useTafel';
import { strings, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { MonitorVelden } from './MonitorVelden';
import { OpleveringenTable } from './OpleveringenTable';
import { eigenDeelEerst } from './eigenDeel';
import { PlausibiliteitMelding } from './PlausibiliteitMelding';
import { ProjectGeschiedenis } from './ProjectGeschiedenis';
import { PlanningVergelijking } from './PlanningVergelijking';
import './project.css';

const t = strings.project;
const opties = (list: readonly string[]) => list.map((v) => ({ value: v, label: waarde(v) }));

const TEKST: FieldInput = { kind: 'text' };
const GETAL: FieldInput = { kind: 'number' };
const REGELS: FieldInput = { kind: 'lines' };
const LANG: FieldInput = { kind: 'textarea' };

const PUBLIEK: readonly { key: ProjectVeld; input: FieldInput; hint?: string }[] = [
  { key: 'naam', input: { kind: 'text', required: true } },
  { key: 'gemeente', input: TEKST },
  { key: 'locatie', input: TEKST },
  { key: 'planstatus', input: { kind: 'select', options: opties(PLANSTATUSSEN) } },
  { key: 'omgevingsvergunning', input: { kind: 'select', options: opties(OMGEVINGSVERGUNNING) } },
  { key: 'novex', input: { kind: 'bool' } },
  { key: 'woningtype', input: { kind: 'select', options: opties(WONINGTYPES), nullable: true } },
];
const SEGMENTEN_VELDEN: readonly ProjectVeld[] = [
  'woningenSocialeHuur',
  'woningenMiddenhuur',
  'woningenBetaalbareKoop',
  'woningenVrijeSectorHuur',
  'woningenVrijeSectorKoop',
];
const PUBLIEK_SLOT: readonly { key: ProjectVeld; input: FieldInput; hint?: string }[] = [
  { key: 'publiekeBelemmeringen', input: REGELS, hint: t.belemmeringenHulp },
  { key: 'publiekeOpmerkingen', input: LANG },
];
const PRIVAAT: readonly { key: ProjectVeld; input: FieldInput; hint?: string }[] = [
  { key: 'startBouw', input: { kind: 'kwartaal' } },
  { key: 'startVerkoop', input: { kind: 'kwartaal' } },
  { key: 'financieleHaalbaarheid', input: { kind: 'select', options: opties(FINANCIELE_HAALBAARHEID), nullable: true } },
  { key: 'bouwstatus', input: { kind: 'select', options: opties(BOUWSTATUSSEN), nullable: true } },
];
const PRIVAAT_SLOT: readonly { key: ProjectVeld; input: FieldInput; hint?: string }[] = [
  { key: 'privateBelemmeringen', input: REGELS, hint: t.belemmeringenHulp },
  { key: 'privateOpmerkingen', input: LANG },
];

export default function ProjectScreen() {
  const { projectId = '' } = useParams();
  usePlek('project', { projectId });
  const { tafelId } = useTafel();
  const project = useRead((doc) => readProject(doc, projectId), [projectId]);
  const back = `/tafel/${encodeURIComponent(tafelId)}/planmonitor`;
  if (!project) {
    return (
      <div className="page">
        <EmptyState title={t.nietGevonden} action={<LinkButton to={back}>{t.terug}</LinkButton>}>
          <p>{t.nietGevondenActie}</p>
        </EmptyState>
      </div>
    );
  }
  return <ProjectDetail project={project} back={back} />;
}

function ProjectDetail({ project, back }: { project: Project; back: string }) {
  const namen = useNamen();
  const { actor } = useTafel();
  // The developer's own part first: in portrait it would otherwise follow 2,800 px of locked fields.
  const privaatEerst = eigenDeelEerst(actor?.partijId ?? null, project) === 'privaat';
  const publiekNaam = namen.partijen.get(project.publiekEigenaar)?.naam ?? strings.provenance.onbekendePartij;
  const privaatNaam = project.privaatEigenaar ? (namen.partijen.get(project.privaatEigenaar)?.naam ?? strings.provenance.onbekendePartij) : null;

  const field = (spec: { key: ProjectVeld; input: FieldInput; hint?: string }) => (
    <Field
      key={spec.key}
      label={FIELD_LABELS.projecten[spec.key]}
      root="projecten"
      entityId={project.id}
      fieldKey={spec.key}
      value={project[spec.key]}
      provenance={project.provenance[spec.key]}
      input={spec.input}
      hint={spec.hint}
      onSave={(doc, actor, v) => setProjectField(doc, actor, project.id, spec.key, v)}
    />
  );

  const privaatDeel = (
    <section className="card part part-privaat" aria-labelledby="deel-privaat">
      <div className="part-head">
        <h2 id="deel-privaat">{t.privaat}</h2>
        <PartijBadge partijId={project.privaatEigenaar} />
      </div>
      {privaatNaam ? <p className="muted">{t.privaatUitleg(privaatNaam)}</p> : <Banner tone="info">{t.geenPrivaatEigenaar}</Banner>}
      {PRIVAAT.map(field)}
      <OpleveringenTable project={project} lockNote={strings.owner.slotVan(privaatNaam ?? strings.owner.geenEigenaar)} />
      {PRIVAAT_SLOT.map(field)}
    </section>
  );
  const publiekDeel = (
    <section className="card part part-publiek" aria-labelledby="deel-publiek">
      <div className="part-head">
        <h2 id="deel-publiek">{t.publiek}</h2>
        <PartijBadge partijId={project.publiekEigenaar} />
      </div>
      <p className="muted">{t.publiekUitleg(publiekNaam)}</p>
      {PUBLIEK.map(field)}
      <fieldset className="segmenten">
        <legend>{t.woningenPerSegment}</legend>
        <div className="fields-grid">{SEGMENTEN_VELDEN.map((key) => field({ key, input: GETAL }))}</div>
        <p className="segment-total">{t.totaalWoningen(totaalWoningen(project))}</p>
      </fieldset>
      {PUBLIEK_SLOT.map(field)}
      <MonitorVelden project={project} />
    </section>
  );
  return (
    <div className="page project">
      <p>
        <Link to={back} className="back-link">
          ← {t.terug}
        </Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{project.naam}</h1>
          <p className="muted">
            {[project.gemeente, project.locatie].filter(Boolean).join(' · ')}
            {project.planstatus && <span className="status-pill project-status">{waarde(project.planstatus)}</span>}
            <span className="status-pill project-status">{strings.monitor.hardheid[hardheid(project.planstatus)]}</span>
            {project.sleutelproject && <span className="status-pill project-status">{FIELD_LABELS.projecten.sleutelproject}</span>}
          </p>
        </div>
        <div className="button-row">
          <ProjectGeschiedenis projectId={project.id} projectNaam={project.naam} />
          <RemoveProject project={project} back={back} />
        </div>
      </div>

      <PlausibiliteitMelding project={project} />
      <div className="project-parts">
        {privaatEerst ? privaatDeel : publiekDeel}
        {privaatEerst ? publiekDeel : privaatDeel}
      </div>

      <PlanningVergelijking project={project} publiekNaam={publiekNaam} />
      <Eigenaren project={project} />
      <GekoppeldeKnelpunten projectId={project.id} />
    </div>
  );
}

/** Handing a project over takes the old owner's rights away: asked first (issue 16). */
function overdragenVraag(project: string, van: string | null, naar: string | null) {
  return { title: strings.eigenaarWissel.vraagTitel, message: strings.eigenaarWissel.vraag(project, van, naar), confirmLabel: strings.eigenaarWissel.bevestig };
}

function Eigenaren({ project }: { project: Project }) {
  const namen = useNamen();
  const partijen = [...namen.partijen.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  const overheden = partijen.filter((p) => p.bloedgroep === 'overheid').map((p) => ({ value: p.id, label: p.naam }));
  const ontwikkelaars = partijen.filter((p) => p.bloedgroep === 'corporatie' || p.bloedgroep === 'markt').map((p) => ({ value: p.id, label: p.naam }));
  const naamVan = (id: unknown): string | null => (typeof id === 'string' && id ? (namen.partijen.get(id)?.naam ?? strings.provenance.onbekendePartij) : null);
  return (
    <section className="card eigenaren" aria-labelledby="eigenaren-title">
      <h2 id="eigenaren-title">{t.eigenaren}</h2>
      <div className="fields-grid">
        <Field
          label={FIELD_LABELS.projecten.publiekEigenaar}
          root="projecten"
          entityId={project.id}
          fieldKey="publiekEigenaar"
          value={project.publiekEigenaar}
          provenance={project.provenance.publiekEigenaar}
          input={{ kind: 'select', options: overheden }}
          onSave={(doc, actor, v) => setPubliekEigenaar(doc, actor, project.id, String(v))}
          confirmChange={(v) => overdragenVraag(project.naam, naamVan(project.publiekEigenaar), naamVan(v))}
        />
        <Field
          label={FIELD_LABELS.projecten.privaatEigenaar}
          root="projecten"
          entityId={project.id}
          fieldKey="privaatEigenaar"
          value={project.privaatEigenaar}
          provenance={project.provenance.privaatEigenaar}
          input={{ kind: 'select', options: ontwikkelaars, nullable: true }}
          onSave={(doc, actor, v) => setPrivaatEigenaar(doc, actor, project.id, v === null ? null : String(v))}
          confirmChange={(v) => (project.privaatEigenaar === null ? null : overdragenVraag(project.naam, naamVan(project.privaatEigenaar), naamVan(v)))}
        />
      </div>
    </section>
  );
}

function RemoveProject({ project, back }: { project: Project; back: string }) {
  const mayRemove = useMayRemove('projecten', project.id);
  const write = useWrite();
  const navigate = useNavigate();
  if (!mayRemove.ok) return null;
  return (
    <div>
      <ConfirmedAction
        label={t.verwijderen}
        question={t.verwijderenVraag(project.naam)}
        variant="quiet"
        action={() => write((doc, actor) => removeProject(doc, actor, project.id))}
        done={() => navigate(back)}
      />
    </div>
  );
}

function GekoppeldeKnelpunten({ projectId }: { projectId: string }) {
  const { tafelId } = useTafel();
  const knelpunten = useRead((doc) => readKnelpuntenCached(doc).filter((k) => k.projecten.includes(projectId)), [projectId]);
  return (
    <section className="card" aria-labelledby="project-knelpunten">
      <h2 id="project-knelpunten">{t.knelpunten}</h2>
      {knelpunten.length === 0 ? (
        <p className="muted">{t.geenKnelpunten}</p>
      ) : (
        <ul className="plain-list">
          {knelpunten.map((k) => (
            <li key={k.id} className="row">
              <Link to={`/tafel/${encodeURIComponent(tafelId)}/knelpunten/${encodeURIComponent(k.id)}`}>{k.titel}</Link>
              <PartijBadge partijId={k.ingediendDoor} />
              <span className="status-pill">{waarde(k.status)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
