// "Ook bezig in deze tekst: Anna (Gemeente Zwolle)": the remote carets in words, announced
// politely to screen readers, who cannot see the coloured carets.

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { strings } from '../strings';
import { useNamen, type AwarenessUser } from '../tafel';
import { schrijversInTekst } from './caretUser';

export function SchrijversInTekst({ awareness, fragment }: { awareness: Awareness; fragment: Y.XmlFragment }) {
  const [schrijvers, setSchrijvers] = useState<AwarenessUser[]>([]);
  const namen = useNamen();
  useEffect(() => {
    const update = () => {
      const next = schrijversInTekst(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID, fragment);
      setSchrijvers((prev) => (prev.map((u) => u.lidId).join() === next.map((u) => u.lidId).join() ? prev : next));
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness, fragment]);
  const wie = schrijvers.map((u) => {
    const partij = namen.partijen.get(u.partijId)?.naam;
    return partij ? `${u.naam} (${partij})` : u.naam;
  });
  return (
    <p className="shared-text__writers" aria-live="polite">
      {wie.length > 0 ? strings.editor.ookBezig(wie) : ''}
    </p>
  );
}
