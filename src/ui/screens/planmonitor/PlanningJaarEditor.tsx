// Editing the gemeente's planning grid for one jaartal: homes per prijscategorie (rows) and
// woningtype (columns), plus sloop. Saved as one value (one undo step, Ctrl+Z or the toast);
// every cell is checked before anything is written, and what is wrong is said per cell. While
// typing, the year's total is set against the developer's oplevering, so a difference shows
// before it is saved.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { GRID_WONINGTYPES, PLANNING_PREFIX, PRIJSCATEGORIEEN, type Project } from '../../../model';
import { setPlanningJaar } from '../../../operations';
import { Button } from '../../components/Button';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { parseCount } from '../../components/fieldFormat';
import { valueProblemText } from '../../codeText';
import { useRecordUndo } from '../../tafel/UndoProvider';
import { useWrite } from '../../tafel/useMayEdit';
import { strings } from '../../strings';
import { FormError } from '../../components/FormProblem';

const t = strings.monitor.planningBewerken;
const cat = strings.monitor.prijscategorieen;

const RIJEN: readonly { readonly label: string; readonly cellen: readonly (string | null)[] }[] = [
  ...PRIJSCATEGORIEEN.map((c) => ({ label: cat[c] ?? c, cellen: GRID_WONINGTYPES.map((w) => `${w}.${c}`) })),
  { label: cat.sloop ?? 'Sloop', cellen: ['sloop', null, null] },
];
const CELLEN = RIJEN.flatMap((r) => r.cellen.filter((c): c is string => c !== null));

function celNaam(cel: string): string {
  if (cel === 'sloop') return cat.sloop ?? cel;
  const [w, c] = cel.split('.') as [string, string];
  return t.cel(cat[c] ?? c, t.woningtypen[w] ?? w);
}

type Gelezen = { readonly ok: true; readonly cellen: Record<string, number> } | { readonly ok: false; readonly fouten: Record<string, string> };

/** The draft as counts, or what is wrong per cell (worded from the model's value codes). */
function lees(draft: Readonly<Record<string, string>>): Gelezen {
  const cellen: Record<string, number> = {};
  const fouten: Record<string, string> = {};
  for (const cel of CELLEN) {
    const n = parseCount(draft[cel] ?? '');
    if (n === null) fouten[cel] = valueProblemText({ code: 'not-count', message: `${cel} is not a count` });
    else if (n > 0) cellen[cel] = n;
  }
  return Object.keys(fouten).length > 0 ? { ok: false, fouten } : { ok: true, cellen };
}

const zelfde = (a: Readonly<Record<string, number>> | undefined, b: Readonly<Record<string, number>>) =>
  a !== undefined && Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, n]) => a[k] === n);

/** How the editor closed: the caller puts the focus back accordingly. */
export type EditorUitkomst = 'opgeslagen' | 'verwijderd' | 'geannuleerd';

export function PlanningJaarEditor({ project, jaar, onKlaar }: { project: Project; jaar: number; onKlaar: (uitkomst: EditorUitkomst) => void }) {
  const id = useId();
  const write = useWrite();
  const recordUndo = useRecordUndo();
  const huidig = project.planning[jaar];
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(CELLEN.map((c) => [c, huidig?.[c] ? String(huidig[c]) : ''])));
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [fout, setFout] = useState<string | null>(null);
  const eerste = useRef<HTMLInputElement>(null);
  const inputs = useRef(new Map<string, HTMLInputElement>());

  useEffect(() => eerste.current?.focus(), []);

  const totaal = CELLEN.filter((c) => c !== 'sloop').reduce((n, c) => n + (parseCount(draft[c] ?? '') ?? 0), 0);
  const ontwikkelaar = project.opleveringen[jaar];
  const key = `${PLANNING_PREFIX}${jaar}`;

  const opslaan = (e: FormEvent) => {
    e.preventDefault();
    const gelezen = lees(draft);
    if (!gelezen.ok) {
      setFouten(gelezen.fouten);
      inputs.current.get(CELLEN.find((c) => gelezen.fouten[c])!)?.focus();
      return;
    }
    setFouten({});
    if (zelfde(huidig, gelezen.cellen)) return onKlaar('geannuleerd');
    const failure = write((doc, actor) => setPlanningJaar(doc, actor, project.id, jaar, gelezen.cellen));
    if (failure) return setFout(failure);
    recordUndo({
      label: t.undoLabel(jaar),
      root: 'projecten',
      entityId: project.id,
      key,
      previous: huidig,
      save: (doc, actor, v) => setPlanningJaar(doc, actor, project.id, jaar, (v as Record<string, number> | undefined) ?? null),
    });
    onKlaar('opgeslagen');
  };

  const foutLijst = CELLEN.filter((c) => fouten[c]);
  return (
    <form
      className="planning-editor"
      aria-labelledby={`${id}-titel`}
      onSubmit={opslaan}
      onKeyDown={(e) => {
        // Escape in the remove question closes that question only.
        if (e.key === 'Escape' && !(e.target instanceof Element && e.target.closest('dialog'))) {
          e.preventDefault();
          onKlaar('geannuleerd');
        }
      }}
    >
      <h3 id={`${id}-titel`}>{t.titel(jaar)}</h3>
      <p className="field-hint">{t.uitleg}</p>
      <div className="table-scroll">
        <table className="table planning-grid">
          <thead>
            <tr>
              <th scope="col">{t.categorie}</th>
              {GRID_WONINGTYPES.map((w) => (
                <th key={w} scope="col" className="num">
                  {t.woningtypen[w]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {RIJEN.map((rij) => (
              <tr key={rij.label}>
                <th scope="row">{rij.label}</th>
                {rij.cellen.map((cel, i) =>
                  cel === null ? (
                    <td key={i} />
                  ) : (
                    <td key={cel} className="num">
                      <input
                        ref={(el) => {
                          if (el) inputs.current.set(cel, el);
                          else inputs.current.delete(cel);
                          if (cel === CELLEN[0]) eerste.current = el;
                        }}
                        className="planning-cel"
                        type="text"
                        inputMode="numeric"
                        aria-label={celNaam(cel)}
                        aria-invalid={fouten[cel] ? true : undefined}
                        aria-describedby={fouten[cel] ? `${id}-f-${cel}` : undefined}
                        value={draft[cel] ?? ''}
                        onChange={(e) => {
                          setDraft({ ...draft, [cel]: e.target.value });
                          // A corrected cell stops being reported; the others stay until the next save.
                          if (fouten[cel]) setFouten(Object.fromEntries(Object.entries(fouten).filter(([c]) => c !== cel)));
                        }}
                      />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {foutLijst.length > 0 && (
        <ul className="plain-list field-error" role="alert">
          {foutLijst.map((c) => (
            <li key={c} id={`${id}-f-${c}`}>
              {t.celFout(celNaam(c), fouten[c]!)}
            </li>
          ))}
        </ul>
      )}
      <p role="status" className={ontwikkelaar !== undefined && ontwikkelaar !== totaal ? 'planning-verschil wijkt-af' : 'planning-verschil'}>
        {t.totaal(totaal)} · {ontwikkelaar === undefined ? t.geenOntwikkelaar : t.tegenOntwikkelaar(totaal, ontwikkelaar)}
      </p>
      <FormError message={fout} />
      <div className="button-row">
        <Button type="submit" variant="primary">
          {t.opslaan}
        </Button>
        <Button onClick={() => onKlaar('geannuleerd')}>{strings.common.annuleren}</Button>
        {huidig !== undefined && (
          <ConfirmedAction
            label={t.verwijderen(jaar)}
            question={t.verwijderenVraag(jaar)}
            confirmLabel={t.jaVerwijderen}
            variant="danger"
            action={() => write((doc, actor) => setPlanningJaar(doc, actor, project.id, jaar, null))}
            done={() => onKlaar('verwijderd')}
          />
        )}
      </div>
    </form>
  );
}
