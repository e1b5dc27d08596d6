// The projects a printed knelpunt holds up. The print goes outside the tafel (the woondealtafel,
// the Expertteam), so it names a project only where its vertrouwelijkheid lets it out or the chair
// shared its public part with a request up the ladder; the others are counted, never named.

import { escalatiesVanKnelpunt, magBuitenDeTafel, readProjecten, type Knelpunt } from '../../../model';
import { CijferTabel } from '../../afdruk/AfdrukPagina';
import { FIELD_LABELS } from '../../fieldLabels';
import { strings, waarde } from '../../strings';
import { useRead } from '../../tafel';

const S = strings.afdruk;

export function KnelpuntProjectenAfdruk({ knelpunt: k }: { knelpunt: Knelpunt }) {
  const projecten = useRead(readProjecten);
  const gedeeld = useRead((doc) => new Set(escalatiesVanKnelpunt(doc, k.id).flatMap((e) => e.projecten)), [k.id]);
  const gekoppeld = projecten.filter((p) => k.projecten.includes(p.id));
  const genoemd = gekoppeld.filter((p) => magBuitenDeTafel(p) || gedeeld.has(p.id));
  const binnen = gekoppeld.length - genoemd.length;
  return (
    <section aria-labelledby="afdruk-projecten">
      <h2 id="afdruk-projecten">{S.projecten}</h2>
      {gekoppeld.length === 0 && <p>{S.geen}</p>}
      {genoemd.length > 0 && (
        <CijferTabel
          caption={S.projecten}
          captionVerborgen
          kolommen={[strings.rapportage.project, FIELD_LABELS.projecten.gemeente, FIELD_LABELS.projecten.planstatus]}
          rijen={genoemd.map((p) => [p.naam, p.gemeente || '–', waarde(p.planstatus)])}
        />
      )}
      {binnen > 0 && <p>{S.projectenBinnenDeTafel(binnen)}</p>}
    </section>
  );
}
