// Checking a create form before it is written: each required field that is empty and each text
// over its limit gets its own message, shown at that field (issue 16: one vague line at the bottom
// did not say which field, and titles were cut at 200 characters without a word).

import { strings } from '../strings';

export interface FormRule {
  /** the input's id; the message goes to `${id}-err` */
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly required?: boolean;
  /** maximum number of characters (the model's limit) */
  readonly max?: number;
}

/** Messages by input id; empty when the form may be written. */
export function formProblems(rules: readonly FormRule[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const r of rules) {
    const v = r.value.trim();
    if (r.required && v === '') problems[r.id] = strings.formulier.verplicht(r.label);
    else if (r.max !== undefined && v.length > r.max) problems[r.id] = strings.formulier.teLang(r.label, v.length, r.max);
  }
  return problems;
}

/** The summary under the form: which fields still need attention, by name. */
export function problemSummary(rules: readonly FormRule[], problems: Record<string, string>): string | null {
  const velden = rules.filter((r) => problems[r.id]).map((r) => r.label);
  return velden.length ? strings.formulier.samenvatting(velden) : null;
}

/** "180 van 200 tekens", shown once a text nears its limit; counted as the check counts (trimmed). */
export function lengthHint(value: string, max: number): string | null {
  const n = value.trim().length;
  return n >= max * 0.8 ? strings.formulier.teller(n, max) : null;
}
