// Export of the planmonitor: xlsx, csv or GeoJSON (WGS84 or RD New), for inside the tafel or for
// an audience outside it (then vertrouwelijkheid decides which projects go, and the private part
// and names stay inside). The file is made on the device: nothing goes through the relay.

import { useState } from 'react';
// The file writers (SheetJS, papaparse, proj4) load on the first export, not with the planmonitor.
import { exportProjecten, type ExportOpties } from '../../../exchange/export/rows';
import { readTafel } from '../../../model';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useTafel } from '../../tafel/useTafel';
import { strings } from '../../strings';

const t = strings.monitor.export;
type Formaat = 'xlsx' | 'csv' | 'geojson' | 'geojson-rd';
const MIME: Record<Formaat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  geojson: 'application/geo+json',
  'geojson-rd': 'application/geo+json',
};

function download(bytes: Uint8Array, naam: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = naam;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportKnop() {
  const { doc } = useTafel();
  const [open, setOpen] = useState(false);
  const [formaat, setFormaat] = useState<Formaat>('xlsx');
  const [buiten, setBuiten] = useState<ExportOpties['buiten']>(null);
  const [herkomst, setHerkomst] = useState(false);
  const opties: ExportOpties = { buiten, herkomst };
  const aantalProjecten = open ? exportProjecten(doc, opties).length : 0;
  const maak = async () => {
    const { exportCsv, exportGeojson, exportXlsx } = await import('../../../exchange/export/formats');
    const bytes = formaat === 'xlsx' ? exportXlsx(doc, opties) : formaat === 'csv' ? exportCsv(doc, opties) : exportGeojson(doc, opties, formaat === 'geojson-rd' ? 'rd' : 'wgs84');
    const naam = (readTafel(doc).naam || 'planmonitor').replace(/[^\p{L}\p{N} _-]+/gu, '').trim();
    const ext = formaat === 'xlsx' ? 'xlsx' : formaat === 'csv' ? 'csv' : 'geojson';
    download(bytes, `${naam} planmonitor ${new Date().toISOString().slice(0, 10)}${buiten ? ` ${buiten}` : ''}.${ext}`, MIME[formaat]);
    setOpen(false);
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{strings.monitor.exporteren}</Button>
      <Dialog
        open={open}
        title={t.titel}
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>{strings.common.annuleren}</Button>
            <Button variant="primary" onClick={() => void maak()} disabled={aantalProjecten === 0}>
              {t.downloaden}
            </Button>
          </>
        }
      >
        <fieldset className="export-keuze">
          <legend>{t.formaat}</legend>
          {(Object.keys(t.formaten) as Formaat[]).map((f) => (
            <label key={f} className="checkbox-row">
              <input type="radio" className="checkbox" name="export-formaat" checked={formaat === f} onChange={() => setFormaat(f)} />
              {t.formaten[f]}
            </label>
          ))}
        </fieldset>
        <fieldset className="export-keuze">
          <legend>{t.voorWie}</legend>
          <label className="checkbox-row">
            <input type="radio" className="checkbox" name="export-buiten" checked={buiten === null} onChange={() => setBuiten(null)} />
            {t.binnen}
          </label>
          {(['regio', 'provincie', 'openbaar'] as const).map((b) => (
            <label key={b} className="checkbox-row">
              <input type="radio" className="checkbox" name="export-buiten" checked={buiten === b} onChange={() => setBuiten(b)} />
              {t.buiten[b]}
            </label>
          ))}
          <p className="field-hint">{t.buitenUitleg}</p>
        </fieldset>
        {buiten === null && formaat !== 'geojson' && formaat !== 'geojson-rd' && (
          <label className="checkbox-row">
            <input type="checkbox" className="checkbox" checked={herkomst} onChange={(e) => setHerkomst(e.target.checked)} />
            {t.herkomst}
          </label>
        )}
        <p role="status">{t.aantal(aantalProjecten)}</p>
      </Dialog>
    </>
  );
}
