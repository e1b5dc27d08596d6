// Dates as the meeting room reads them: "dinsdag 15 december 2026", and today as "YYYY-MM-DD"
// in the device's own time zone (the tablet's calendar day, not UTC's).

import { format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';
import { isIsoDate } from '../../../model/values';

export function vandaagIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

export function datumLang(iso: string): string {
  return isIsoDate(iso) ? format(parseISO(iso), 'EEEE d MMMM yyyy', { locale: nl }) : iso;
}

export function datumKort(iso: string): string {
  return isIsoDate(iso) ? format(parseISO(iso), 'd MMM yyyy', { locale: nl }) : iso;
}
