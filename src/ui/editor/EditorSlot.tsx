// Under a text this lid may not edit: whose text it is, so the lock explains itself.

import type { RootName } from '../../model';
import type { Decision } from '../../ownership/rulebook';
import { ownerText } from '../components/ownerText';
import { strings } from '../strings';
import { useFieldOwner, useNamen } from '../tafel';
import { LockIcon } from '../components/LockIcon';

export function EditorSlot({ root, entityId, veld, decision }: { root: RootName; entityId: string; veld: string; decision: Decision }) {
  const owner = useFieldOwner(root, entityId, veld);
  const namen = useNamen();
  const tekst = !decision.ok && decision.code === 'read-only' ? strings.owner.alleenLezen : strings.owner.slotVan(ownerText(owner, namen));
  return (
    <p className="shared-text__lock">
      <LockIcon />
      {tekst}
    </p>
  );
}
