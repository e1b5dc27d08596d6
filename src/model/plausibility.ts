// Plausibility of a project's numbers (issue 16): where numbers disagree the app warns, it never
// refuses: a gemeente may fill in the segments before the developer plans the opleveringen, and
// the numbers are the partijen's own. Pure: codes with parameters; the UI makes the Dutch text.

import { totaalWoningen, type Project } from './reads';

export type PlausibilityWarning =
  /** the opleveringen add up to a different number of homes than the segments */
  | { readonly code: 'opleveringen-niet-gelijk-aan-segmenten'; readonly opleveringen: number; readonly segmenten: number }
  /** one jaarschijf alone plans more homes than the whole project has */
  | { readonly code: 'jaar-groter-dan-project'; readonly jaar: number; readonly woningen: number; readonly project: number }
  /** homes planned before the year building starts */
  | { readonly code: 'oplevering-voor-start-bouw'; readonly jaar: number; readonly startBouw: string };

export function plausibilityWarnings(p: Project): PlausibilityWarning[] {
  const warnings: PlausibilityWarning[] = [];
  const segmenten = totaalWoningen(p);
  const jaren = Object.entries(p.opleveringen)
    .map(([jaar, n]) => ({ jaar: Number(jaar), woningen: n }))
    .filter((o) => o.woningen > 0)
    .sort((a, b) => a.jaar - b.jaar);
  const opleveringen = jaren.reduce((s, o) => s + o.woningen, 0);
  // Only when both are filled in: one of them still empty is work in progress, not a disagreement.
  if (segmenten > 0 && opleveringen > 0 && segmenten !== opleveringen) {
    warnings.push({ code: 'opleveringen-niet-gelijk-aan-segmenten', opleveringen, segmenten });
  }
  if (segmenten > 0) {
    for (const o of jaren) {
      if (o.woningen > segmenten) warnings.push({ code: 'jaar-groter-dan-project', jaar: o.jaar, woningen: o.woningen, project: segmenten });
    }
  }
  const startJaar = p.startBouw ? Number(p.startBouw.slice(0, 4)) : null;
  const eerste = jaren[0];
  if (startJaar !== null && eerste && eerste.jaar < startJaar) {
    warnings.push({ code: 'oplevering-voor-start-bouw', jaar: eerste.jaar, startBouw: p.startBouw! });
  }
  return warnings;
}
