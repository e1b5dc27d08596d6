// Warns on a project's page where its numbers disagree (issue 16); never blocks a save.

import { plausibilityWarnings, type PlausibilityWarning, type Project } from '../../../model';
import { Banner } from '../../components/Banner';
import { strings } from '../../strings';

const t = strings.plausibiliteit;

export function plausibilityText(w: PlausibilityWarning): string {
  switch (w.code) {
    case 'opleveringen-niet-gelijk-aan-segmenten':
      return t[w.code](w);
    case 'jaar-groter-dan-project':
      return t[w.code](w);
    case 'oplevering-voor-start-bouw':
      return t[w.code](w);
  }
}

export function PlausibiliteitMelding({ project }: { project: Project }) {
  const warnings = plausibilityWarnings(project);
  if (warnings.length === 0) return null;
  return (
    <Banner tone="warning" title={t.titel}>
      <ul className="plain-list">
        {warnings.map((w) => (
          <li key={`${w.code}:${'jaar' in w ? w.jaar : ''}`}>{plausibilityText(w)}</li>
        ))}
      </ul>
      <p className="muted">{t.uitleg}</p>
    </Banner>
  );
}
