// The history of a project's fields (issue 16), and the project as it stood on a date: the field
// history dialog with the planmonitor's field names and values (owner partijen by name).

import { OPLEVERING_PREFIX } from '../../../model';
import type { Namen } from '../../tafel/useNamen';
import { strings } from '../../strings';
import { conflictValueText } from '../inbox/inboxView';
import { VeldGeschiedenis } from '../geschiedenis/VeldGeschiedenis';

function veldNaam(field: string): string {
  if (field.startsWith(OPLEVERING_PREFIX)) return strings.herstel.oplevering(field.slice(OPLEVERING_PREFIX.length));
  return strings.project.velden[field] ?? strings.herstel.velden[field] ?? field;
}

function waardeTekst(field: string, v: unknown, namen: Namen): string {
  if ((field === 'publiekEigenaar' || field === 'privaatEigenaar') && typeof v === 'string') return namen.partijen.get(v)?.naam ?? strings.provenance.onbekendePartij;
  return conflictValueText(v);
}

export function ProjectGeschiedenis({ projectId, projectNaam }: { projectId: string; projectNaam: string }) {
  return <VeldGeschiedenis root="projecten" entityId={projectId} naam={projectNaam} veldNaam={veldNaam} waardeTekst={waardeTekst} />;
}
