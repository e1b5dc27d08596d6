// Normalising free text from other systems so it can be compared on its words: lower case, accents
// off, underscores, dots and dashes as spaces ("_4B_NIET_OPGENOMEN_IN_VISIE" -> "4b niet opgenomen in visie").

export function woorden(s: unknown): string {
  return String(s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_.\-/()\\:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
