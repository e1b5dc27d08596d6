// The relay's note at the source of what it carried up the ladder (an escalation, a vastgestelde
// rapportage): arrived where and when, or not sent for lack of a link. Each screen brings its own
// words; before the relay has noted anything it says `onderweg`, or nothing.

import type { Bezorging } from '../../model';
import { formatDatumTijd } from './provenanceText';

export interface BezorgingTeksten {
  readonly onderweg?: string;
  readonly bezorgd: (tafel: string, datum: string) => string;
  readonly geenKoppeling: string;
}

export function BezorgingMelding({ bezorging: b, teksten: t }: { bezorging: Bezorging | null; teksten: BezorgingTeksten }) {
  if (!b && t.onderweg === undefined) return null;
  return (
    <p className={b?.status === 'geen koppeling' ? 'field-error' : 'muted'} role="status">
      {!b ? t.onderweg : b.status === 'bezorgd' ? t.bezorgd(b.tafel, formatDatumTijd(b.op)) : t.geenKoppeling}
    </p>
  );
}
