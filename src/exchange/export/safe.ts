// Formula injection: a text cell that starts with =, +, -, @ (or a tab or carriage return) would
// be run as a formula by Excel or LibreOffice when the file is opened. Such text is written with a
// leading apostrophe, which spreadsheets show as text; the importer takes the apostrophe off again.

const GEVAARLIJK = /^[=+\-@\t\r]/;

export function veiligeTekst(s: string): string {
  return GEVAARLIJK.test(s) ? `'${s}` : s;
}

/** The importer's side: "'=SUM(A1)" as written by veiligeTekst reads back as "=SUM(A1)". */
export function zonderBeveiliging(s: string): string {
  return s.length > 1 && s[0] === "'" && GEVAARLIJK.test(s.slice(1)) ? s.slice(1) : s;
}
