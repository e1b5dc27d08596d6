// The app shell and the planmonitor side on real tablets: the chair brings a new partij to the
// tafel (lid, invite as QR code and link, redeemed on another tablet while the dialog says the link
// is used from then on), the new gemeente creates a
// project and names its developer, the planmonitor filters it, the chair revokes access; and the
// shell's screens pass axe and fit portrait and landscape tablets.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/ui/strings';
import { FIELD_LABELS } from '../../src/ui/fieldLabels';
import { joinByLink } from './helpers/app';
import { screenshot } from './helpers/artifacts';
import { DEMO, openNav, openProject, syncStatus, typeField, waitOnline } from './helpers/screens';
import { tabletProblems, violationProblems } from './helpers/tablets';
import { setupLeden } from './helpers/leden-at-tafel';

const FLOW = 'shell';
const NIEUWE_GEMEENTE = 'Gemeente Nieuwdorp';
const NIEUW_LID = 'Nina Nieuwdorp';

const tafel = setupLeden('Vera Voorzitter', 'Dirk Ontwikkelaar');
const [vera, dirk] = tafel.leden;
let nina: Page;

/** Waits until the relay confirmed every local change, so the server knows about them. */
const waitShared = (page: Page) => syncStatus(page).getByText(strings.sync.allesOpgeslagen).waitFor({ timeout: 20_000 });

describe('the app shell and the planmonitor side', () => {
  it('lets the chair add a partij and a lid and invite them with a QR code that works on another tablet', async () => {
    const p = vera.page;
    await openNav(p, strings.nav.leden, strings.leden.titel);
    const form = p.getByRole('form', { name: strings.leden.partijToevoegen });
    await form.getByLabel(FIELD_LABELS.partijen.naam).fill(NIEUWE_GEMEENTE);
    await form.getByLabel(FIELD_LABELS.partijen.bloedgroep).selectOption('overheid');
    await form.getByRole('button', { name: strings.leden.partijToevoegen }).click();
    const kaart = p.getByRole('region', { name: NIEUWE_GEMEENTE });
    await kaart.getByText(strings.leden.lidToevoegen, { exact: true }).click();
    await kaart.getByLabel(FIELD_LABELS.leden.naam, { exact: true }).fill(NIEUW_LID);
    await kaart.getByRole('button', { name: strings.common.toevoegen }).click();
    // Said as done ("is toegevoegd"), not as the button's action.
    await p.getByRole('status').filter({ hasText: strings.ledenStatus.lidToegevoegd(NIEUW_LID) }).waitFor();
    await waitShared(p);

    await kaart.getByRole('button', { name: `${strings.leden.uitnodigen}: ${NIEUW_LID}` }).click();
    const dialog = p.getByRole('dialog', { name: strings.leden.uitnodigingTitel(NIEUW_LID) });
    await dialog.getByRole('img', { name: strings.leden.qrLabel(NIEUW_LID) }).waitFor();
    const link = await dialog.getByLabel(strings.leden.linkLabel).inputValue();
    expect(link).toMatch(/\/join\/[A-Za-z0-9_-]+$/);
    await screenshot(p, FLOW, '01-uitnodiging-qr');

    // The tablet across the table opens the link while the dialog is still open.
    nina = (await joinByLink(tafel.browser, tafel.app, link)).page;
    await waitOnline(nina);
    await nina.getByText(strings.home.mijnPartij(NIEUWE_GEMEENTE)).waitFor({ timeout: 20_000 });
    await screenshot(nina, FLOW, '02-nieuw-lid-aan-tafel');
    // The dialog no longer offers the used link.
    await dialog.getByText(strings.ledenStatus.uitnodigingGebruikt(NIEUW_LID)).waitFor({ timeout: 20_000 });
    expect(await dialog.getByLabel(strings.leden.linkLabel).count()).toBe(0);
    expect(await dialog.getByRole('img', { name: strings.leden.qrLabel(NIEUW_LID) }).count()).toBe(0);
    await dialog.getByRole('button', { name: strings.common.sluiten }).click();
  });

  it('lets the new gemeente create a project, name its developer, and the developer fill in the private part', async () => {
    await openNav(nina, strings.nav.planmonitor);
    await nina.getByRole('button', { name: strings.planmonitor.nieuwProject }).click();
    const dialog = nina.getByRole('dialog', { name: strings.nieuwProject.titel });
    await dialog.getByLabel(new RegExp(`^${strings.nieuwProject.naam}`)).fill('Dorpshart Nieuwdorp');
    await dialog.getByLabel(strings.nieuwProject.gemeente).fill('Nieuwdorp');
    await dialog.getByLabel(strings.nieuwProject.privaatEigenaar).selectOption({ label: DEMO.markt });
    await dialog.getByRole('button', { name: strings.nieuwProject.aanmaken }).click();
    await nina.getByRole('heading', { level: 1, name: 'Dorpshart Nieuwdorp' }).waitFor();

    // The developer finds it with the planmonitor's filters and fills in the private part.
    await openNav(dirk.page, strings.nav.planmonitor);
    // On a tablet the filters are folded away behind one button.
    await dirk.page.getByRole('button', { name: strings.planmonitor.filtersKnop(0), exact: true }).click();
    await dirk.page.getByLabel(FIELD_LABELS.projecten.gemeente).selectOption('Nieuwdorp');
    await expect.poll(() => dirk.page.getByRole('status').filter({ hasText: 'projecten' }).first().textContent()).toMatch(/^1 van \d+ projecten$/);
    await dirk.page.getByRole('link', { name: 'Dorpshart Nieuwdorp' }).click();
    await dirk.page.getByRole('heading', { level: 1, name: 'Dorpshart Nieuwdorp' }).waitFor();
    expect(await dirk.page.getByRole('group', { name: FIELD_LABELS.projecten.naam, exact: true }).textContent()).toContain(strings.owner.slotVan(NIEUWE_GEMEENTE));
    await dirk.page.getByLabel(strings.project.nieuwJaar).fill('2029');
    await dirk.page.getByLabel(strings.project.woningen, { exact: true }).last().fill('48');
    await dirk.page.getByRole('button', { name: strings.project.jaarToevoegen }).click();
    // The gemeente sees the developer's oplevering appear.
    // (In the opleveringen table, and again beside the gemeente's planning where the two differ.)
    await nina.getByRole('row').filter({ hasText: '2029' }).getByText('48', { exact: true }).first().waitFor({ timeout: 10_000 });
    await screenshot(nina, FLOW, '03-gemeente-ziet-oplevering-ontwikkelaar');
  });

  it('keeps what was typed and says why when a value is not allowed', async () => {
    await openProject(nina, 'Dorpshart Nieuwdorp');
    const veld = await typeField(nina, FIELD_LABELS.projecten.woningenMiddenhuur, 'heel veel');
    await nina.getByText(strings.errors.waarde.geenGetal).waitFor();
    expect(await veld.inputValue()).toBe('heel veel');
  });

  it('lets the chair revoke access, which ends the new lid’s connection', async () => {
    await openNav(vera.page, strings.nav.leden, strings.leden.titel);
    await vera.page.getByRole('button', { name: `${strings.leden.intrekken}: ${NIEUW_LID}` }).click();
    await vera.page.getByRole('dialog', { name: strings.leden.intrekken }).getByRole('button', { name: strings.leden.intrekken }).click();
    await vera.page.getByText(strings.leden.ingetrokken(NIEUW_LID)).waitFor();
    await nina.getByText(strings.herstel.toegangIngetrokken).waitFor({ timeout: 20_000 });
    // Nothing the relay would now reject is offered any more.
    await expect.poll(() => nina.getByRole('textbox', { name: FIELD_LABELS.projecten.naam, exact: true }).count()).toBe(0);
    await screenshot(nina, FLOW, '04-toegang-ingetrokken');
  });

  it('has no serious accessibility problems and fits portrait and landscape tablets', async () => {
    const p = vera.page;
    const schermen = ['', '/planmonitor', '/leden', '/instellingen', '/inbox'];
    const problemen = await tabletProblems(p, FLOW, [
      ...schermen.map((scherm) => ({
        name: scherm || 'home',
        open: async () => {
          await p.goto(`${tafel.app.tafelUrl}${scherm}`);
          await p.getByRole('heading', { level: 1 }).waitFor();
        },
      })),
      { name: 'project', open: () => openProject(p) },
    ]);
    await p.goto(tafel.app.baseUrl);
    problemen.push(...(await violationProblems(p, '/')));
    expect(problemen).toEqual([]);
    // Twelve screens through axe: near a minute alone on a busy 2-core machine.
  }, 180_000);
});
