import { describe, expect, it } from 'vitest';
import * as M from '../../../../src/model';
import * as O from '../../../../src/operations';
import {
  aantalFilters,
  buildRijen,
  filterRijen,
  filtersFromParams,
  gemeenten,
  GEEN_FILTERS,
  hasFilters,
  paramsFromFilters,
  sortRijen,
} from '../../../../src/ui/screens/planmonitor/planmonitorView';
import { makeUiTafel } from '../tafelFixture';

function tafelWithProjects() {
  const t = makeUiTafel();
  const { doc, actor, partij } = t;
  const b = O.createProject(doc, actor.gemeente, {
    naam: 'Bloemenbuurt',
    publiekEigenaar: partij.gemeente,
    privaatEigenaar: partij.corporatie,
    publiek: { gemeente: 'Kampen', planstatus: '4A visie', woningenMiddenhuur: 10, woningenVrijeSectorHuur: 5, locatie: 'Noord' },
  });
  O.setOplevering(doc, actor.corporatie, b, 2030, 15);
  const c = O.createProject(doc, actor.gemeente, { naam: 'akkerweg', publiekEigenaar: partij.gemeente, publiek: { gemeente: 'Zwolle' } });
  O.raiseKnelpunt(doc, actor.markt, { titel: 'Netcongestie', thema: 'energietransitie', projecten: [t.project] });
  const opgelost = O.raiseKnelpunt(doc, actor.markt, { titel: 'Oud', thema: 'geluid', projecten: [b] });
  O.setKnelpuntStatus(doc, actor.markt, opgelost, 'opgelost');
  return { ...t, b, c, rijen: buildRijen(M.readProjecten(doc), M.readKnelpunten(doc)) };
}

describe('planmonitor rows', () => {
  it('sums homes, betaalbare homes, the oplevering range and open knelpunten per project', () => {
    const { rijen, project, b, c } = tafelWithProjects();
    const kade = rijen.find((r) => r.id === project)!;
    expect(kade).toMatchObject({ naam: 'De Kade', woningen: 100, betaalbaar: 40, opleveringVan: 2027, opleveringTot: 2028, openKnelpunten: 1 });
    const bloem = rijen.find((r) => r.id === b)!;
    // Middenhuur counts as betaalbaar, vrije sector huur does not; a solved knelpunt is not open.
    expect(bloem).toMatchObject({ woningen: 15, betaalbaar: 10, opleveringVan: 2030, opleveringTot: 2030, openKnelpunten: 0 });
    expect(rijen.find((r) => r.id === c)).toMatchObject({ woningen: 0, opleveringVan: null, privaatEigenaar: null });
  });

  it('filters on search text, gemeente, planstatus, segment, owner partij and knelpunt', () => {
    const { rijen, project, b, c, partij } = tafelWithProjects();
    const ids = (f: Partial<typeof GEEN_FILTERS>) => filterRijen(rijen, { ...GEEN_FILTERS, ...f }).map((r) => r.id).sort();
    expect(ids({})).toHaveLength(3);
    expect(ids({ zoek: 'NOORD' })).toEqual([b]);
    expect(ids({ zoek: 'kade' })).toEqual([project]);
    expect(ids({ gemeente: 'Zwolle' })).toEqual([project, c].sort());
    expect(ids({ planstatus: '2A vastgesteld' })).toEqual([project]);
    expect(ids({ planstatus: 'onbekend' })).toEqual([c]);
    expect(ids({ segment: 'middenhuur' })).toEqual([b]);
    expect(ids({ segment: 'sociale huur' })).toEqual([project]);
    expect(ids({ eigenaar: partij.corporatie })).toEqual([b]);
    expect(ids({ eigenaar: partij.gemeente })).toHaveLength(3);
    expect(ids({ knelpunt: 'ja' })).toEqual([project]);
    expect(ids({ knelpunt: 'nee' })).toEqual([b, c].sort());
    expect(ids({ gemeente: 'Zwolle', knelpunt: 'nee' })).toEqual([c]);
  });

  it('sorts by name the Dutch way, by numbers and by planstatus order, both directions', () => {
    const { rijen } = tafelWithProjects();
    const names = (key: Parameters<typeof sortRijen>[1]['key'], dir: 'asc' | 'desc' = 'asc') => sortRijen(rijen, { key, dir }).map((r) => r.naam);
    expect(names('naam')).toEqual(['akkerweg', 'Bloemenbuurt', 'De Kade']);
    expect(names('naam', 'desc')).toEqual(['De Kade', 'Bloemenbuurt', 'akkerweg']);
    expect(names('woningen', 'desc')).toEqual(['De Kade', 'Bloemenbuurt', 'akkerweg']);
    expect(names('planstatus')).toEqual(['akkerweg', 'Bloemenbuurt', 'De Kade']);
    // Projects without planned opleveringen come last when sorting on oplevering.
    expect(names('oplevering')).toEqual(['De Kade', 'Bloemenbuurt', 'akkerweg']);
    expect(names('knelpunten', 'desc')[0]).toBe('De Kade');
  });

  it('lists distinct gemeenten alphabetically', () => {
    expect(gemeenten(tafelWithProjects().rijen)).toEqual(['Kampen', 'Zwolle']);
  });

  it('keeps filters and sort in the URL and reads them back; ignores junk', () => {
    const filters = { ...GEEN_FILTERS, zoek: 'kade', knelpunt: 'ja' as const, planstatus: '2A vastgesteld' };
    const sort = { key: 'woningen' as const, dir: 'desc' as const };
    const p = paramsFromFilters(filters, sort);
    expect(p.toString()).toBe('zoek=kade&planstatus=2A+vastgesteld&knelpunt=ja&sort=woningen&dir=desc');
    expect(filtersFromParams(p)).toEqual({ filters, sort });
    expect(hasFilters(filters)).toBe(true);
    expect(filtersFromParams(new URLSearchParams('sort=evil&dir=sideways&knelpunt=misschien'))).toEqual({
      filters: GEEN_FILTERS,
      sort: { key: 'naam', dir: 'asc' },
    });
    expect(hasFilters(GEEN_FILTERS)).toBe(false);
  });

  it('counts the filters that are on, the search box aside (it stays in view)', () => {
    expect(aantalFilters(GEEN_FILTERS)).toBe(0);
    expect(aantalFilters({ ...GEEN_FILTERS, zoek: 'kade' })).toBe(0);
    expect(aantalFilters({ ...GEEN_FILTERS, zoek: 'kade', planstatus: 'hard', knelpunt: 'ja' })).toBe(2);
    expect(aantalFilters({ zoek: '', gemeente: 'Westerveld', planstatus: 'onbekend', segment: 'sociale huur', eigenaar: 'p1', knelpunt: 'nee' })).toBe(5);
  });

  it('handles 2,000 projects: every project becomes a row and filters narrow them correctly', () => {
    const t = makeUiTafel();
    for (let i = 0; i < 2000; i++) {
      O.createProject(t.doc, t.actor.gemeente, {
        naam: `Project ${i}`,
        publiekEigenaar: t.partij.gemeente,
        publiek: { gemeente: i % 2 ? 'Zwolle' : 'Kampen', woningenSocialeHuur: i % 7 },
      });
    }
    const rijen = buildRijen(M.readProjecten(t.doc), M.readKnelpunten(t.doc));
    expect(rijen).toHaveLength(2001);
    expect(filterRijen(rijen, { ...GEEN_FILTERS, gemeente: 'Kampen' })).toHaveLength(1000);
    // i % 7 === 0 has no sociale huur: 286 of 2,000 (plus De Kade, which has some).
    expect(filterRijen(rijen, { ...GEEN_FILTERS, segment: 'sociale huur' })).toHaveLength(2000 - 286 + 1);
    const sorted = sortRijen(rijen, { key: 'naam', dir: 'asc' });
    // "De Kade" first, then numbers in numeric order: Project 0, 1, ..., 9, 10.
    expect(sorted.slice(0, 3).map((r) => r.naam)).toEqual(['De Kade', 'Project 0', 'Project 1']);
    expect(sorted[11]!.naam).toBe('Project 10');
  });
});
