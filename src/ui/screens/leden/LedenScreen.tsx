// /tafel/:tafelId/leden — partijen with their bloedgroep and leden with their role. The chair
// adds and edits them, invites leden (QR code or link), revokes access and removes leden; others
// only read.

import { useState, type FormEvent } from 'react';
import {
  BLOEDGROEPEN,
  readLeden,
  readPartijen,
  ROLLEN,
  type Bloedgroep,
  type Lid,
  type Partij,
  type Rol,
} from '../../../model';
import { addLid, addPartij, editLid, editPartij } from '../../../operations';
import { docRuleState } from '../../../ownership/ruleState';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { useMayCreate, useMayEdit, useWrite } from '../../tafel/useMayEdit';
import { usePlek } from '../../tafel/usePresence';
import { useRead } from '../../tafel/useRead';
import { useTafel } from '../../tafel/useTafel';
import { strings } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { InviteDialog } from './InviteDialog';
import { LedenApiError, revokeLid } from '../../../sync';
import type { LidStatus } from '../../../protocol/ledenStatus';
import { lidStatusText } from './lidStatusText';
import { useLedenStatus } from './useLedenStatus';
import { mayOfferRemove, sortPartijen } from './ledenView';
import { RemoveLidDialog } from './RemoveLidDialog';
import './leden.css';
import { FormError } from '../../components/FormProblem';

const t = strings.leden;
const bloedgroepOpties = BLOEDGROEPEN.map((b) => ({ value: b, label: strings.owner.bloedgroepen[b] ?? b }));
const rolOpties = ROLLEN.map((r) => ({ value: r, label: t.rollen[r] ?? r }));

export default function LedenScreen() {
  usePlek('leden');
  const partijen = useRead(readPartijen);
  const leden = useRead(readLeden);
  const mayAddPartij = useMayCreate('partijen');
  const [inviting, setInviting] = useState<Lid | null>(null);
  const [editing, setEditing] = useState<Lid | null>(null);
  const [revoking, setRevoking] = useState<Lid | null>(null);
  const [removing, setRemoving] = useState<Lid | null>(null);
  const sorted = sortPartijen(partijen);
  const { status, refresh } = useLedenStatus();

  return (
    <div className="page leden">
      <div className="page-head">
        <div>
          <h1>{t.titel}</h1>
          <p className="muted">{t.intro}</p>
        </div>
      </div>
      {!mayAddPartij.ok && <Banner tone="info">{t.alleenVoorzitter}</Banner>}
      {mayAddPartij.ok && <PartijToevoegen />}

      <h2>{t.partijen}</h2>
      {sorted.length === 0 ? (
        <EmptyState title={t.geenPartijen} />
      ) : (
        <div className="stack">
          {sorted.map((p) => (
            <PartijKaart
              key={p.id}
              partij={p}
              leden={leden.filter((l) => l.partijId === p.id).sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))}
              onInvite={setInviting}
              onEdit={setEditing}
              onRevoke={setRevoking}
              onRemove={setRemoving}
              status={status}
            />
          ))}
        </div>
      )}
      <InviteDialog
        lid={inviting}
        onClose={() => {
          setInviting(null);
          refresh();
        }}
      />
      <LidDialog lid={editing} onClose={() => setEditing(null)} />
      <RevokeDialog lid={revoking} onClose={() => setRevoking(null)} />
      <RemoveLidDialog lid={removing} onClose={() => setRemoving(null)} />
    </div>
  );
}

interface LidHandlers {
  onInvite: (l: Lid) => void;
  onEdit: (l: Lid) => void;
  onRevoke: (l: Lid) => void;
  onRemove: (l: Lid) => void;
}

function PartijKaart(props: { partij: Partij; leden: Lid[]; status: ReadonlyMap<string, LidStatus> | null } & LidHandlers) {
  const { partij, leden, status, ...handlers } = props;
  const mayEditLeden = useMayCreate('leden');
  const headingId = `partij-${partij.id}`;
  return (
    <section className={`card partij-kaart partij-${partij.bloedgroep}`} aria-labelledby={headingId}>
      <div className="spread">
        <h3 id={headingId}>{partij.naam}</h3>
        <span className={`badge bg-${partij.bloedgroep}`}>{strings.owner.bloedgroepen[partij.bloedgroep]}</span>
      </div>
      {mayEditLeden.ok && (
        <details className="partij-edit">
          <summary className="btn btn-quiet">{t.partijBewerken}</summary>
          <div className="fields-grid">
            <Field
              label={FIELD_LABELS.partijen.naam}
              root="partijen"
              entityId={partij.id}
              fieldKey="naam"
              value={partij.naam}
              provenance={partij.provenance.naam}
              input={{ kind: 'text', required: true }}
              hideOwner
              onSave={(doc, actor, v) => editPartij(doc, actor, partij.id, { naam: String(v) })}
            />
            <Field
              label={FIELD_LABELS.partijen.bloedgroep}
              root="partijen"
              entityId={partij.id}
              fieldKey="bloedgroep"
              value={partij.bloedgroep}
              provenance={partij.provenance.bloedgroep}
              input={{ kind: 'select', options: bloedgroepOpties }}
              hideOwner
              onSave={(doc, actor, v) => editPartij(doc, actor, partij.id, { bloedgroep: v as Bloedgroep })}
            />
          </div>
        </details>
      )}
      {leden.length === 0 ? (
        <p className="muted">{t.geenLeden}</p>
      ) : (
        <table className="table leden-table">
          <thead>
            <tr>
              <th scope="col">{FIELD_LABELS.leden.naam}</th>
              <th scope="col">{FIELD_LABELS.leden.rol}</th>
              <th scope="col" className="col-functie">
                {FIELD_LABELS.leden.functie}
              </th>
              {status && <th scope="col">{strings.ledenStatus.kolom}</th>}
              {mayEditLeden.ok && (
                <th scope="col">
                  <span className="visually-hidden">{strings.common.meer}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {leden.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.naam}</th>
                <td>{t.rollen[l.rol]}</td>
                <td className="col-functie">{l.functie || strings.common.leeg}</td>
                {status && <td className="lid-status">{lidStatusText(status.get(l.id), Date.now())}</td>}
                {mayEditLeden.ok && (
                  <td>
                    <LidActies lid={l} {...handlers} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayEditLeden.ok && <LidToevoegen partij={partij} />}
    </section>
  );
}

function LidActies({ lid, onInvite, onEdit, onRevoke, onRemove }: { lid: Lid } & LidHandlers) {
  const { actor } = useTafel();
  const mayRemove = useRead((doc) => mayOfferRemove(docRuleState(doc), actor, lid.id), [actor, lid.id]);
  return (
    <div className="button-row lid-acties">
      <Button variant="primary" onClick={() => onInvite(lid)} aria-label={`${t.uitnodigen}: ${lid.naam}`}>
        {t.uitnodigen}
      </Button>
      <Button onClick={() => onEdit(lid)} aria-label={`${strings.common.bewerken}: ${lid.naam}`}>
        {strings.common.bewerken}
      </Button>
      <Button variant="quiet" onClick={() => onRevoke(lid)} aria-label={`${t.intrekken}: ${lid.naam}`}>
        {t.intrekken}
      </Button>
      {mayRemove && (
        <Button variant="quiet" onClick={() => onRemove(lid)} aria-label={`${t.verwijderen}: ${lid.naam}`}>
          {t.verwijderen}
        </Button>
      )}
    </div>
  );
}

function PartijToevoegen() {
  const write = useWrite();
  const [naam, setNaam] = useState('');
  const [bloedgroep, setBloedgroep] = useState<Bloedgroep>('overheid');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!naam.trim()) return setError(strings.errors.waarde.leeg);
    const failure = write((doc, actor) => void addPartij(doc, actor, { naam: naam.trim(), bloedgroep }));
    setError(failure);
    if (!failure) setNaam('');
  };
  return (
    <form className="card inline-form" onSubmit={submit} aria-labelledby="partij-add">
      <h2 id="partij-add">{t.partijToevoegen}</h2>
      <div className="inline-fields">
        <div className="form-row">
          <label htmlFor="pa-naam">{FIELD_LABELS.partijen.naam}</label>
          <input id="pa-naam" type="text" value={naam} onChange={(e) => setNaam(e.target.value)} />
        </div>
        <div className="form-row">
          <label htmlFor="pa-bloedgroep">{FIELD_LABELS.partijen.bloedgroep}</label>
          <select id="pa-bloedgroep" value={bloedgroep} onChange={(e) => setBloedgroep(e.target.value as Bloedgroep)}>
            {bloedgroepOpties.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="primary">
          {t.partijToevoegen}
        </Button>
      </div>
      <FormError message={error} />
    </form>
  );
}

function LidToevoegen({ partij }: { partij: Partij }) {
  const write = useWrite();
  const toast = useToast();
  const [naam, setNaam] = useState('');
  const [rol, setRol] = useState<Rol>('lid');
  const [functie, setFunctie] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `lid-add-${partij.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!naam.trim()) return setError(strings.errors.waarde.leeg);
    const failure = write((doc, actor) => void addLid(doc, actor, { naam: naam.trim(), partijId: partij.id, rol, functie: functie.trim() }));
    setError(failure);
    if (!failure) {
      toast(strings.ledenStatus.lidToegevoegd(naam.trim()));
      setNaam('');
      setFunctie('');
    }
  };
  return (
    <details className="lid-add">
      <summary className="btn btn-secondary">{t.lidToevoegen}</summary>
      <form onSubmit={submit} aria-label={`${t.lidToevoegen}: ${partij.naam}`}>
        <div className="inline-fields">
          <div className="form-row">
            <label htmlFor={`${id}-naam`}>{FIELD_LABELS.leden.naam}</label>
            <input id={`${id}-naam`} type="text" value={naam} onChange={(e) => setNaam(e.target.value)} />
          </div>
          <div className="form-row">
            <label htmlFor={`${id}-rol`}>{FIELD_LABELS.leden.rol}</label>
            <select id={`${id}-rol`} value={rol} onChange={(e) => setRol(e.target.value as Rol)}>
              {rolOpties.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="form-row">
            <label htmlFor={`${id}-functie`}>{FIELD_LABELS.leden.functie}</label>
            <input id={`${id}-functie`} type="text" value={functie} onChange={(e) => setFunctie(e.target.value)} />
          </div>
          <Button type="submit" variant="primary">
            {strings.common.toevoegen}
          </Button>
        </div>
        <FormError message={error} />
      </form>
    </details>
  );
}

function LidDialog({ lid, onClose }: { lid: Lid | null; onClose: () => void }) {
  return (
    <Dialog open={lid !== null} title={lid?.naam ?? ''} onClose={onClose}>
      {lid && <LidFields lidId={lid.id} />}
    </Dialog>
  );
}

function LidFields({ lidId }: { lidId: string }) {
  const leden = useRead(readLeden);
  const partijen = useRead(readPartijen);
  const mayEdit = useMayEdit('leden', lidId, 'naam');
  const lid = leden.find((l) => l.id === lidId);
  if (!lid) return <p>{strings.errors.nietGevonden}</p>;
  const partijOpties = sortPartijen(partijen).map((p) => ({ value: p.id, label: p.naam }));
  const common = { root: 'leden' as const, entityId: lid.id, hideOwner: mayEdit.ok };
  return (
    <div>
      <Field {...common} label={FIELD_LABELS.leden.naam} fieldKey="naam" value={lid.naam} provenance={lid.provenance.naam} input={{ kind: 'text', required: true }} onSave={(doc, actor, v) => editLid(doc, actor, lid.id, { naam: String(v) })} />
      <Field {...common} label={FIELD_LABELS.leden.partijId} fieldKey="partijId" value={lid.partijId} provenance={lid.provenance.partijId} input={{ kind: 'select', options: partijOpties }} onSave={(doc, actor, v) => editLid(doc, actor, lid.id, { partijId: String(v) })} />
      <Field {...common} label={FIELD_LABELS.leden.rol} fieldKey="rol" value={lid.rol} provenance={lid.provenance.rol} input={{ kind: 'select', options: rolOpties }} onSave={(doc, actor, v) => editLid(doc, actor, lid.id, { rol: v as Rol })} />
      <Field {...common} label={FIELD_LABELS.leden.functie} fieldKey="functie" value={lid.functie} provenance={lid.provenance.functie} input={{ kind: 'text' }} onSave={(doc, actor, v) => editLid(doc, actor, lid.id, { functie: String(v) })} />
    </div>
  );
}

function RevokeDialog({ lid, onClose }: { lid: Lid | null; onClose: () => void }) {
  const { joined } = useTafel();
  const toast = useToast();
  return (
    <ConfirmDialog
      open={lid !== null}
      title={t.intrekken}
      message={lid ? t.intrekkenVraag(lid.naam) : ''}
      confirmLabel={t.intrekken}
      onClose={onClose}
      onConfirm={() => {
        if (!lid) return;
        onClose();
        revokeLid(joined, lid.id).then(
          () => toast(t.ingetrokken(lid.naam)),
          (e: unknown) => toast(e instanceof LedenApiError && e.kind === 'offline' ? t.uitnodigingOffline : t.intrekkenFout, 'error'),
        );
      }}
    />
  );
}
