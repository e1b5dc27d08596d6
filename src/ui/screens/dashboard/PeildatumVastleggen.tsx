// The chair freezes the planmonitor at a peildatum: a snapshot nobody changes afterwards, which
// slippage and the rapportage compare with. A mis-tap must not spoil it: the date defaults to today
// and may not lie ahead, a confirmation shows what will be frozen, one date has one snapshot, and
// the chair can withdraw a snapshot within 24 hours (the relay decides by its own clock).

import { useId, useState, type FormEvent } from 'react';
import { readPeildata, type Peildatum } from '../../../model';
import { freezePeildatum, intrekbaarTot, mayWithdrawPeildatum, peildatumVoorbeeld, vandaag, withdrawPeildatum } from '../../../operations';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toast';
import { aantal, strings } from '../../strings';
import { useMayCreate, useRead, useTafel, useWrite } from '../../tafel';
import { datumLang } from '../vergaderingen/datum';
import { FormError } from '../../components/FormProblem';

const S = strings.peildata;

export function PeildatumVastleggen() {
  const id = useId();
  const mag = useMayCreate('peildata');
  const write = useWrite();
  const toast = useToast();
  const { doc } = useTafel();
  const [datum, setDatum] = useState(() => vandaag());
  const [fout, setFout] = useState<string | null>(null);
  const [bevestigen, setBevestigen] = useState(false);
  if (!mag.ok) return null;
  const vandaagIso = vandaag();
  const voorbeeld = bevestigen ? peildatumVoorbeeld(doc, datum) : null;

  const vraag = (e: FormEvent) => {
    e.preventDefault();
    if (datum > vandaagIso) return setFout(S.inToekomst);
    if (peildatumVoorbeeld(doc, datum).bestaatAl) return setFout(S.bestaatAl(datumLang(datum)));
    setFout(null);
    setBevestigen(true);
  };
  const vastleggen = () => {
    setBevestigen(false);
    const f = write((d, actor) => freezePeildatum(d, actor, datum));
    setFout(f);
    if (!f) toast(S.vastgelegd(datumLang(datum)));
  };

  return (
    <div className="peildata">
      <form className="peildatum-form" onSubmit={vraag} noValidate>
        <div className="form-row">
          <label htmlFor={id}>{S.datumLabel}</label>
          <input id={id} type="date" value={datum} max={vandaagIso} aria-describedby={`${id}-hulp`} onChange={(e) => setDatum(e.target.value)} />
          <p className="muted" id={`${id}-hulp`}>
            {S.datumHulp}
          </p>
        </div>
        <button type="submit" className="btn btn-secondary">
          {S.vastleggen}
        </button>
        <FormError message={fout} />
      </form>
      <Dialog
        open={bevestigen}
        title={S.bevestigTitel(datumLang(datum))}
        onClose={() => setBevestigen(false)}
        footer={
          <>
            <button type="button" className="btn btn-secondary" onClick={() => setBevestigen(false)}>
              {strings.common.annuleren}
            </button>
            <button type="button" className="btn btn-primary" onClick={vastleggen}>
              {S.bevestigen}
            </button>
          </>
        }
      >
        {voorbeeld && (
          <>
            <p>{S.bevestigUitleg}</p>
            <ul>
              <li>{S.projecten(voorbeeld.projecten)}</li>
              <li>{S.woningen(voorbeeld.woningen)}</li>
            </ul>
            {voorbeeld.opleveringen.length === 0 ? (
              <p className="muted">{S.geenOpleveringen}</p>
            ) : (
              <table className="peildata-voorbeeld">
                <caption>{S.opleveringenKop}</caption>
                <thead>
                  <tr>
                    <th scope="col">{S.jaarschijf}</th>
                    <th scope="col" className="num">
                      {S.aantalWoningen}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {voorbeeld.opleveringen.map((o) => (
                    <tr key={o.jaarschijf}>
                      <th scope="row">{o.jaarschijf}</th>
                      <td className="num">{aantal(o.woningen)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="peildata__let-op">{S.intrekUitleg}</p>
          </>
        )}
      </Dialog>
      <PeildataLijst />
    </div>
  );
}

const tijdFormaat = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

/** The latest peildata, each with its withdrawal button while the chair may still withdraw it. */
function PeildataLijst() {
  const peildata = useRead(readPeildata);
  const recent = peildata.slice(-4).reverse();
  if (recent.length === 0) return null;
  return (
    <section className="peildata-lijst" aria-label={S.lijstKop}>
      <h3>{S.lijstKop}</h3>
      <ul>
        {recent.map((p) => (
          <PeildatumRegel key={p.id} peildatum={p} />
        ))}
      </ul>
    </section>
  );
}

function PeildatumRegel({ peildatum: p }: { peildatum: Peildatum }) {
  const { actor } = useTafel();
  const write = useWrite();
  const toast = useToast();
  const mag = useRead((doc) => (actor ? mayWithdrawPeildatum(doc, actor, p.id) : false), [actor, p.id]);
  const tot = useRead((doc) => intrekbaarTot(doc, p.id), [p.id]);
  return (
    <li className="peildata-lijst__regel">
      <span>{datumLang(p.datum)}</span>
      {mag && tot !== null ? (
        <>
          <span className="muted">{S.intrekbaarTot(tijdFormaat.format(new Date(tot)))}</span>
          <ConfirmedAction
            label={S.intrekken(datumLang(p.datum))}
            question={S.intrekVraag(datumLang(p.datum))}
            variant="quiet"
            action={() => write((doc, a) => withdrawPeildatum(doc, a, p.id))}
            done={() => toast(S.ingetrokken(datumLang(p.datum)))}
          />
        </>
      ) : (
        <span className="muted">{S.vast}</span>
      )}
    </li>
  );
}
