// Peildata fall on the first day of a quarter (01-01, 01-04, 01-07, 01-10). When the chair
// freezes the monitor, the form proposes the latest such day: the one the snapshot describes.

/** The first day of the quarter that `vandaag` ("YYYY-MM-DD") falls in. */
export function kwartaalPeildatum(vandaag: string): string {
  const jaar = vandaag.slice(0, 4);
  const maand = Number(vandaag.slice(5, 7));
  const eerste = Math.floor((maand - 1) / 3) * 3 + 1;
  return `${jaar}-${String(eerste).padStart(2, '0')}-01`;
}
