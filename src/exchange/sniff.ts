// What a file really is, from its first bytes, so "monitor.xlsx" that is an HTML page saved by a
// browser (a common mistake with "Download as Excel" links) is refused with a clear reason.

import { ImportFileError } from './problems';
import type { Bronsoort } from './table';

export type Inhoud = Bronsoort | 'html' | 'xls' | 'pdf' | 'zip' | 'onbekend';

export function sniff(bytes: Uint8Array): Inhoud {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // An xlsx is a zip holding [Content_Types].xml and xl/…; other zips (docx) are not ours.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
    return head.includes('xl/') || head.includes('[Content_Types].xml') ? 'xlsx' : 'zip';
  }
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  if (bytes.length >= 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).replace(/^\uFEFF|^\u00ef\u00bb\u00bf/, '').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || text.startsWith('<?xml') || text.startsWith('<table')) return 'html';
  if (text.startsWith('{')) return 'geojson';
  if (bytes.includes(0)) return 'onbekend';
  return 'csv';
}

/** The kind of file by its name's extension, or null when the name says nothing we know. */
export function soortVanNaam(naam: string): Bronsoort | null {
  const ext = naam.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  return null;
}

/** The kind to read the file as: its content decides, and a name that says otherwise is an error. */
export function bepaalSoort(naam: string, bytes: Uint8Array): Bronsoort {
  const inhoud = sniff(bytes);
  const volgensNaam = soortVanNaam(naam);
  const ext = naam.toLowerCase().split('.').pop() ?? '';
  if (inhoud === 'xlsx' || inhoud === 'csv' || inhoud === 'geojson') {
    // A .csv that holds JSON or a .xlsx that holds text: the name lies.
    if (volgensNaam !== null && volgensNaam !== inhoud) throw new ImportFileError({ code: 'type-klopt-niet', params: { naam: ext, inhoud } });
    return inhoud;
  }
  if (volgensNaam !== null) throw new ImportFileError({ code: 'type-klopt-niet', params: { naam: ext, inhoud } });
  throw new ImportFileError({ code: 'onbekend-type' });
}
