// The history of a project's fields (issue 16), and the project as it stood on a date: the field
// history dialog with the project's field labels (the same as on the project page and in the
// conflict inbox) and its values (owner partijen by name).

import type { Namen } from '../../tafel/useNamen';
import { strings } from '../../strings';
import { labelOfPath } from '../../fieldLabels';
import { conflictValueText } from '../inbox/inboxView';
import { VeldGeschiedenis } from '../geschiedenis/VeldGeschiedenis';

const veldNaam = (field: string) => labelOfPath('projecten', field);

function waardeTekst(field: string, v: unknown, namen: Namen): string {
  if ((field === 'publiekEigenaar' || field === 'privaatEigenaar') && typeof v === 'string') return namen.partijen.get(v)?.naam ?? strings.provenance.onbekendePartij;
  return conflictValueText(v);
}

export function ProjectGeschiedenis({ projectId, projectNaam }: { projectId: string; projectNaam: string }) {
  return <VeldGeschiedenis root="projecten" entityId={projectId} naam={projectNaam} veldNaam={veldNaam} waardeTekst={waardeTekst} />;
}
