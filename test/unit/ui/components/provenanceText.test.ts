import { describe, expect, it } from 'vitest';
import * as M from '../../../../src/model';
import * as O from '../../../../src/operations';
import { provenanceText } from '../../../../src/ui/components/provenanceText';
import { syncStatusText } from '../../../../src/ui/components/SyncStatusBadge';
import { initialen } from '../../../../src/ui/components/PresenceList';
import { readNamen } from '../../../../src/ui/tafel/useNamen';
import { makeUiTafel } from '../tafelFixture';

describe('provenance line', () => {
  it('names the lid, the partij and the date in Dutch', () => {
    const { doc, actor, project } = makeUiTafel();
    const at = new Date(2026, 10, 3, 14, 2).getTime();
    O.setProjectFields(doc, actor.gemeente, project, { locatie: 'Havenkwartier' });
    const p = { ...M.readProject(doc, project)!.provenance.locatie!, at };
    const namen = readNamen(doc);
    expect(provenanceText(p, namen)).toBe('gewijzigd door Gert Gemeente (Gemeente Zwolle) op 3 november 2026 om 14:02');
    expect(provenanceText(M.readTafel(doc).provenance.naam, namen)).toBe('aangemaakt bij de start van de tafel');
    expect(provenanceText(undefined, namen)).toBe('nog niet ingevuld');
    expect(provenanceText({ by: 'weg', p: 'ook-weg', at }, namen)).toBe('gewijzigd door onbekend lid (onbekende partij) op 3 november 2026 om 14:02');
  });

  it('keeps naming a lid who was removed from the tafel, as oud-lid', () => {
    const { doc, actor, project } = makeUiTafel();
    const at = new Date(2026, 10, 3, 14, 2).getTime();
    O.setProjectFields(doc, actor.gemeente, project, { locatie: 'Havenkwartier' });
    O.removeLid(doc, actor.chair, actor.gemeente.lidId);
    const p = { ...M.readProject(doc, project)!.provenance.locatie!, at };
    expect(provenanceText(p, readNamen(doc))).toBe('gewijzigd door oud-lid Gert Gemeente (Gemeente Zwolle) op 3 november 2026 om 14:02');
  });
});

describe('sync status text', () => {
  const base = { connection: 'online' as const, pending: 0, lastSyncedAt: 1000, recovering: false, loaded: true, notice: null, revoked: false };
  it('says online and shared, or how many changes wait', () => {
    expect(syncStatusText(base)).toEqual({ label: 'Online', detail: 'Alles is gedeeld', tone: 'online' });
    expect(syncStatusText({ ...base, pending: 3 }).detail).toBe('3 wijzigingen wachten op de server');
    expect(syncStatusText({ ...base, pending: 1 }).detail).toBe('1 wijziging wacht op de server');
  });
  it('says offline since when, or never synced, and recovering', () => {
    const gedeeld = new Date(2026, 11, 2, 14, 2).getTime();
    const offline = { ...base, connection: 'offline' as const, lastSyncedAt: gedeeld };
    expect(syncStatusText(offline, gedeeld + 5 * 60_000)).toEqual({ label: 'Offline', detail: 'Laatst gedeeld om 14:02', tone: 'offline' });
    // The next day the date is said too.
    expect(syncStatusText(offline, new Date(2026, 11, 3, 9, 0).getTime()).detail).toBe('Laatst gedeeld op 2 dec. om 14:02');
    expect(syncStatusText({ ...base, connection: 'connecting', lastSyncedAt: null }).detail).toBe('Nog niet gedeeld met de server');
    expect(syncStatusText({ ...base, recovering: true }).tone).toBe('connecting');
  });
});

describe('initials for presence', () => {
  it('takes first and last name', () => {
    expect(initialen('Vera van der Voorzitter')).toBe('VV');
    expect(initialen('gert')).toBe('G');
    expect(initialen('  ')).toBe('?');
  });
});
