// The public fields schema version 2 added so the planmonitor speaks the monitors' language:
// projectfase, plantype, the plan's knelpunten (multi-select), its own realisatiekans, sleutelproject,
// vertrouwelijkheid, CBS gemeentecode; and, read-only, the ids in other systems, whether it has an
// outline and the original values a source file or the old app wrote.

import { useId, useState } from 'react';
import {
  PLANTYPES,
  PROJECT_KNELPUNTEN,
  PROJECTFASEN,
  projectKans,
  readTafel,
  VERTROUWELIJKHEDEN,
  type Project,
} from '../../../model';
import { problem } from '../../../model/values';
import { setProjectField, ValidationError, type ProjectVeld } from '../../../operations';
import { Field } from '../../components/Field';
import type { FieldInput } from '../../components/fieldFormat';
import { LockNote } from '../../components/LockNote';
import { lockText } from '../../components/ownerText';
import { ProvenanceLine } from '../../components/ProvenanceLine';
import { useFieldOwner, useMayEdit, useWrite } from '../../tafel/useMayEdit';
import { useNamen } from '../../tafel/useNamen';
import { useRead } from '../../tafel/useRead';
import { procent, strings, waarde } from '../../strings';
import { FIELD_LABELS, labelOfPath } from '../../fieldLabels';
import { FormError } from '../../components/FormProblem';

const t = strings.monitor;
const opties = (list: readonly string[]) => list.map((v) => ({ value: v, label: waarde(v) }));

const SELECTS: readonly { key: ProjectVeld; input: FieldInput; hint?: string }[] = [
  { key: 'projectfase', input: { kind: 'select', options: opties(PROJECTFASEN), nullable: true } },
  { key: 'plantype', input: { kind: 'select', options: opties(PLANTYPES), nullable: true } },
  { key: 'sleutelproject', input: { kind: 'bool' } },
  { key: 'vertrouwelijkheid', input: { kind: 'select', options: opties(VERTROUWELIJKHEDEN), nullable: true }, hint: t.vertrouwelijkheidUitleg },
];

/** "45", "45%", "45,5" -> 0.45 / 0.455; empty -> null (the tafel's default). */
export function parseKans(text: string): number | null | undefined {
  const s = text.trim().replace('%', '').replace(',', '.').trim();
  if (s === '') return null;
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 0 && n <= 100 ? n / 100 : undefined;
}

export function MonitorVelden({ project }: { project: Project }) {
  const kansen = useRead((doc) => readTafel(doc).realisatiekansen, []);
  const standaard = procent(projectKans({ planstatus: project.planstatus, realisatiekans: null }, kansen));
  const field = (spec: { key: ProjectVeld; input: FieldInput; hint?: string; onSave?: (v: unknown) => unknown }) => (
    <Field
      key={spec.key}
      label={FIELD_LABELS.projecten[spec.key]}
      root="projecten"
      entityId={project.id}
      fieldKey={spec.key}
      value={project[spec.key as keyof Project]}
      provenance={project.provenance[spec.key]}
      input={spec.input}
      hint={spec.hint}
      hideOwner
      onSave={(doc, actor, v) => setProjectField(doc, actor, project.id, spec.key, spec.onSave ? spec.onSave(v) : v)}
    />
  );
  return (
    <fieldset className="monitor-velden">
      <legend>{t.nationaal}</legend>
      <p className="field-hint">{t.nationaalUitleg}</p>
      {SELECTS.map(field)}
      <KnelpuntenVeld project={project} />
      <Field
        label={FIELD_LABELS.projecten.realisatiekans}
        root="projecten"
        entityId={project.id}
        fieldKey="realisatiekans"
        value={project.realisatiekans === null ? '' : String(Math.round(project.realisatiekans * 1000) / 10).replace('.', ',')}
        provenance={project.provenance.realisatiekans}
        input={{ kind: 'text' }}
        hint={t.realisatiekansUitleg(standaard)}
        hideOwner
        onSave={(doc, actor, v) => {
          const kans = parseKans(String(v));
          if (kans === undefined) throw new ValidationError(problem('not-probability', 'expected a percentage 0..100'), ['projecten', project.id, 'realisatiekans']);
          setProjectField(doc, actor, project.id, 'realisatiekans', kans);
        }}
      />
      <Field
        label={FIELD_LABELS.projecten.cbsGemeentecode}
        root="projecten"
        entityId={project.id}
        fieldKey="cbsGemeentecode"
        value={project.cbsGemeentecode ?? ''}
        provenance={project.provenance.cbsGemeentecode}
        input={{ kind: 'text' }}
        hint={t.geenCbsCode}
        hideOwner
        onSave={(doc, actor, v) => {
          const code = String(v).trim().toUpperCase();
          if (code !== '' && !/^GM\d{4}$/.test(code)) throw new ValidationError(problem('not-allowed', 'expected a CBS gemeentecode GMnnnn'), ['projecten', project.id, 'cbsGemeentecode']);
          setProjectField(doc, actor, project.id, 'cbsGemeentecode', code === '' ? null : code);
        }}
      />
      <dl className="monitor-info">
        <dt>{FIELD_LABELS.projecten.externeIds}</dt>
        <dd>{project.externeIds.length ? project.externeIds.map((e) => `${e.bron}: ${e.id}`).join(', ') : strings.common.leeg}</dd>
        <dt>{FIELD_LABELS.projecten.contour}</dt>
        <dd>{project.contour ? t.heeftContour : t.geenContour}</dd>
        {Object.keys(project.bronwaarden).length > 0 && (
          <>
            <dt>{FIELD_LABELS.projecten.bronwaarden}</dt>
            <dd>
              {Object.entries(project.bronwaarden)
                .map(([veld, w]) => t.bronwaarde(labelOfPath('projecten', veld), w))
                .join('; ')}
            </dd>
          </>
        )}
      </dl>
    </fieldset>
  );
}

/** The plan's knelpunten as checkboxes; locked for everyone but the public owner's leden. */
function KnelpuntenVeld({ project }: { project: Project }) {
  const id = useId();
  const mayEdit = useMayEdit('projecten', project.id, 'knelpunten');
  const owner = useFieldOwner('projecten', project.id, 'knelpunten');
  const namen = useNamen();
  const write = useWrite();
  const [error, setError] = useState<string | null>(null);
  const toggle = (k: string, on: boolean) => {
    const next = PROJECT_KNELPUNTEN.filter((x) => (x === k ? on : project.knelpunten.includes(x)));
    setError(write((doc, actor) => setProjectField(doc, actor, project.id, 'knelpunten', next)));
  };
  return (
    <fieldset className="field knelpunten-veld" aria-describedby={`${id}-hint ${id}-prov`}>
      <legend className="field-label">{FIELD_LABELS.projecten.knelpunten}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {t.knelpuntenUitleg}
      </p>
      {mayEdit.ok ? (
        <div className="checkbox-list">
          {PROJECT_KNELPUNTEN.map((k) => (
            <label key={k} className="checkbox-row">
              <input type="checkbox" className="checkbox" checked={project.knelpunten.includes(k)} onChange={(e) => toggle(k, e.target.checked)} />
              {waarde(k)}
            </label>
          ))}
        </div>
      ) : (
        <div className="field-locked">
          <span className="field-value">{project.knelpunten.length ? project.knelpunten.map(waarde).join(', ') : strings.common.leeg}</span>
          <LockNote inline>{lockText(mayEdit, owner, namen)}</LockNote>
        </div>
      )}
      <FormError message={error} />
      <ProvenanceLine provenance={project.provenance.knelpunten} id={`${id}-prov`} />
    </fieldset>
  );
}
