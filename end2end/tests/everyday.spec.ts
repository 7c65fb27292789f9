import { test, expect, Page } from '@playwright/test';
import { checkPage, ready, signedInAdmin, patientAccount, uniqueEmail, t } from './helpers';

type Lang = 'fr' | 'en';
const JSON_CALL = { Accept: 'application/json', Origin: 'http://localhost:3000' };

/** The staff navigation is there, names the page it is on, and offers only what this person may use. */
async function staffNavMarks(page: Page, language: Lang, wide: boolean, current: string) {
  const nav = page.getByRole('navigation', { name: t(language, 'nav-label') });
  await expect(nav).toHaveCount(1);
  if (!wide) {
    // On a phone the links are folded behind the menu button until it is opened.
    await expect(nav.getByRole('link', { name: t(language, 'patients-title') })).toBeHidden();
    await nav.getByText(t(language, 'nav-menu'), { exact: true }).click();
  }
  for (const key of ['nav-home', 'patients-title', 'team-title', 'nav-settings']) {
    await expect(nav.getByRole('link', { name: t(language, key), exact: true })).toBeVisible();
  }
  await expect(nav.locator('a[aria-current="page"]:visible')).toHaveText(t(language, current));
}

/** Today and 5 days from now in long form, as the page writes them (Montréal time). */
function longDate(language: Lang, date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Montreal', year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const day = part('day');
  const month = t(language, `month-${part('month')}`);
  return language === 'fr' ? `${day === 1 ? '1er' : day} ${month} ${part('year')}` : `${month} ${day}, ${part('year')}`;
}

for (const language of ['fr', 'en'] as Lang[]) {
  for (const width of [390, 1280]) {
    const wide = width > 390;
    test.describe(`everyday staff work (${language}, ${width} px)`, () => {
      test.use({ viewport: { width, height: 900 } });

      test('navigation on every staff page, the patient file in sections, long dates, an emptied form', async ({ page, browser }, testInfo) => {
        await signedInAdmin(page, language, 'Clinique des Érables');
        await ready(page, true);
        await staffNavMarks(page, language, wide, 'nav-home');
        // Whom to ask about access: the organisation's administrators, on the workspace's home.
        await expect(page.getByTestId('administrators')).toContainText(language === 'fr' ? 'Camille Gagnon' : 'Jordan Gagnon');
        await checkPage(page);

        // A patient typed with a day-first date of birth, as a browser without a date picker sends it.
        const email = uniqueEmail('eloise');
        const invited = await page.request.post('/api/invite_patient', {
          headers: JSON_CALL,
          form: { given_name: 'Éloïse', family_name: "D'Amours-Côté", birth_date: '29/02/1988', email, language, mobile: '' },
        });
        expect(invited.ok()).toBe(true);

        await page.goto(`/staff/patients?q=${encodeURIComponent(email)}`);
        await ready(page, true);
        await staffNavMarks(page, language, wide, 'patients-title');
        const born = language === 'fr' ? '29 février 1988' : 'February 29, 1988';
        const list = page.getByTestId('patient-list');
        await expect(list).toContainText(born);
        // Pending until five days from now, in words: never an ISO date.
        await expect(list).toContainText(longDate(language, new Date(Date.now() + 5 * 86_400_000)));
        await expect(list).not.toContainText(/\d{4}-\d{2}-\d{2}/);
        await checkPage(page);

        // The list sorts by a column heading's link; the heading says how it is sorted.
        await page.getByRole('link', { name: t(language, 'invite-birth-date') }).click();
        await expect(page).toHaveURL(/sort=born/);
        await expect(page.getByRole('columnheader', { name: t(language, 'invite-birth-date') })).toHaveAttribute('aria-sort', 'ascending');

        await page.getByRole('link', { name: `Éloïse D'Amours-Côté` }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Éloïse D'Amours-Côté`);
        await ready(page, true);
        await staffNavMarks(page, language, wide, 'patients-title');
        for (const key of ['file-contact', 'file-invitations', 'caregivers-title', 'file-activity']) {
          await expect(page.getByRole('region', { name: t(language, key) })).toBeVisible();
        }
        await expect(page.getByTestId('file-birth-date')).toHaveText(born);
        await expect(page.getByTestId('file-account')).toHaveText(t(language, 'file-account-none'));
        const contact = page.getByRole('region', { name: t(language, 'file-contact') });
        await expect(contact.getByText(t(language, 'account-not-set')).first()).toBeVisible();
        const today = longDate(language, new Date());
        const sender = language === 'fr' ? 'Camille Gagnon' : 'Jordan Gagnon';
        // "Sent on <today> at <time> by <the administrator>", the time being whatever it was.
        const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
        const sent = escape(t(language, 'file-invitation-sent', { date: '\u0000', name: sender })).replace('\u0000', `${escape(today)}[^\n]*?`);
        await expect(page.getByTestId('file-invitations')).toContainText(new RegExp(sent));
        await expect(page.getByTestId('file-activity')).toContainText(t(language, 'audit-invitation-created'));
        await expect(page.getByRole('button', { name: t(language, 'patients-reissue') })).toBeVisible();
        await checkPage(page);
        await page.screenshot({ path: testInfo.outputPath(`patient-file-${language}-${width}.png`), fullPage: true });

        // "Send a new invitation" from the file shows the new code; the history then has two.
        const file = page.url();
        await page.getByRole('button', { name: t(language, 'patients-reissue') }).click();
        await expect(page.getByTestId('issued-code')).toHaveText(/^[A-Z]-\d{6}$/);
        await expect(page.getByText(longDate(language, new Date(Date.now() + 5 * 86_400_000)), { exact: false })).toBeVisible();
        // Printed, the code page is the code and what to do with it: no header, navigation, footer or buttons.
        await page.emulateMedia({ media: 'print' });
        await expect(page.getByTestId('issued-code')).toBeVisible();
        for (const chrome of ['.site-header', '.staff-nav', '.site-footer']) {
          await expect(page.locator(chrome)).toBeHidden();
        }
        await page.emulateMedia({ media: 'screen' });
        await expect(page.locator('.site-header')).toBeVisible();
        await page.goto(file);
        await expect(page.getByTestId('file-invitations').locator('li')).toHaveCount(2);
        await expect(page.getByTestId('file-invitations')).toContainText(t(language, 'file-invitation-replaced'));

        await page.goto('/staff/team');
        await ready(page, true);
        await staffNavMarks(page, language, wide, 'team-title');
        await checkPage(page);
        // Adding a person leads to their secret code, shown once; the team list then has them.
        const colleague = uniqueEmail('colleague');
        await page.getByLabel(t(language, 'team-existing-no')).check();
        await page.getByRole('button', { name: t(language, 'invitation-code-submit') }).click();
        await expect(page).toHaveURL(/existing=no/);
        await ready(page, true);
        await page.getByLabel(t(language, 'invite-given-name')).fill('Marc');
        await page.getByLabel(t(language, 'invite-family-name')).fill('Côté');
        await page.getByLabel(t(language, 'invite-email'), { exact: true }).fill(colleague);
        await page.getByRole('button', { name: t(language, 'team-add-submit') }).click();
        await expect(page).toHaveURL(/\/staff\/team\/code$/);
        await expect(page.getByTestId('secret-code')).toHaveText(/^[A-Z]-\d{6}$/);
        await ready(page, true);
        await checkPage(page);
        await page.goto('/staff/team');
        await ready(page, true);
        await expect(page.getByTestId('team-list')).toContainText(colleague);

        await page.goto('/staff/settings');
        await ready(page, true);
        await staffNavMarks(page, language, wide, 'nav-settings');
        await checkPage(page);
        await page.goto('/staff/patients/new');
        await ready(page, true);
        await staffNavMarks(page, language, wide, 'patients-title');
        await checkPage(page);
      });

      test('the header switch and the interface language setting agree; the home page has no loading text', async ({ page, browser }, testInfo) => {
        await signedInAdmin(page, language, 'Clinique des Pins');
        const { patient } = await patientAccount(page, browser, language, true);
        await patient.setViewportSize({ width, height: 900 });
        await patient.goto('/home');
        await ready(patient, true);
        await expect(patient.getByRole('heading', { level: 1 })).toHaveText(t(language, 'patient-greeting', { name: 'Léa' }));
        await expect(patient.locator('main')).not.toContainText(t(language, 'loading'));
        await checkPage(patient);
        await patient.screenshot({ path: testInfo.outputPath(`patient-home-${language}-${width}.png`), fullPage: true });

        const other: Lang = language === 'fr' ? 'en' : 'fr';
        await patient.goto('/account');
        await ready(patient, true);
        await expect(patient.getByTestId('value-interface_language')).toHaveText(language === 'fr' ? 'Français' : 'English');
        // Never created: says so and offers to create them (not "none left").
        await expect(patient.getByText(t(language, 'account-recovery-none'))).toBeVisible();
        await patient.getByRole('button', { name: other === 'fr' ? 'Français' : 'English' }).click();
        await expect(patient.locator('html')).toHaveAttribute('lang', other);
        await expect(patient.getByRole('heading', { level: 1 })).toHaveText(t(other, 'account-title'));
        await expect(patient.getByTestId('value-interface_language')).toHaveText(other === 'fr' ? 'Français' : 'English');
      });

      test('installable: the manifest of the language on screen and its icons', async ({ page }) => {
        await page.goto(`/?lang=${language}`);
        const href = await page.locator('link[rel="manifest"]').getAttribute('href');
        expect(href).toBe(`/manifest-${language}.webmanifest`);
        const response = await page.request.get(href!);
        expect(response.headers()['content-type']).toBe('application/manifest+json');
        const manifest = await response.json();
        expect(manifest.name).toBe(t(language, 'portal-name'));
        expect(manifest.short_name).toBe(t(language, 'manifest-short-name'));
        expect(manifest.lang).toBe(language);
        expect(manifest.start_url).toBe('/');
        expect(manifest.display).toBe('standalone');
        expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
        const sizes: string[] = [];
        for (const icon of manifest.icons) {
          const image = await page.request.get(icon.src);
          expect(image.ok()).toBe(true);
          expect(image.headers()['content-type']).toBe('image/png');
          const bytes = await image.body();
          // The PNG header's width and height match the size the manifest declares.
          const size = `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
          expect(size).toBe(icon.sizes);
          sizes.push(size);
        }
        expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
      });
    });
  }
}

test.describe('staff navigation without JavaScript (390 px)', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test('the phone menu opens and leads to every staff page', async ({ page }) => {
    await signedInAdmin(page, 'fr', 'Clinique du Fleuve');
    for (const [key, path] of [['patients-title', '/staff/patients'], ['team-title', '/staff/team'], ['nav-settings', '/staff/settings'], ['nav-home', '/staff']]) {
      const nav = page.getByRole('navigation', { name: t('fr', 'nav-label') });
      await nav.getByText(t('fr', 'nav-menu'), { exact: true }).click();
      await nav.getByRole('link', { name: t('fr', key), exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole('navigation', { name: t('fr', 'nav-label') }).locator('a[aria-current="page"]').first()).toHaveText(t('fr', key));
      await checkPage(page, false);
    }
  });
});
