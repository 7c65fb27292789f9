import { test, expect } from '@playwright/test';
import { checkPage, ready, signedInAdmin, t } from './helpers';

type Lang = 'fr' | 'en';

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const runs: { language: Lang; javaScript: boolean; width: number }[] = [
  { language: 'fr', javaScript: false, width: 390 },
  { language: 'en', javaScript: true, width: 1280 },
];

for (const { language, javaScript, width } of runs) {
  test.describe(`organisation settings (${language}, JavaScript ${javaScript ? 'on' : 'off'}, ${width} px)`, () => {
    test.use({ javaScriptEnabled: javaScript, viewport: { width, height: 900 } });

    test('the administrator publishes the support desk\'s phone and hours, a mistake keeps the week typed, and the Contact page shows them', async ({ page }) => {
      const organisation = language === 'fr' ? 'Clinique des Érables' : 'Maple Clinic';
      await signedInAdmin(page, language, organisation);
      await page.goto('/staff/settings');
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await expect(page.getByRole('heading', { name: t(language, 'settings-support-title') })).toBeVisible();

      // Tuesday has an opening time and no closing time: refused on Tuesday's closing time.
      await page.getByLabel(t(language, 'settings-support-phone')).fill('514 555 0142 poste 200');
      for (const day of ['monday', 'tuesday', 'wednesday', 'thursday']) {
        await page.locator(`#${day}_opens`).fill('08:00');
      }
      for (const day of ['monday', 'wednesday', 'thursday']) {
        await page.locator(`#${day}_closes`).fill('17:00');
      }
      await page.locator('#friday_opens').fill('08:00');
      await page.locator('#friday_closes').fill('12:00');
      await page.getByRole('button', { name: t(language, 'settings-support-save') }).click();
      await expect(page.locator('#tuesday_closes-error')).toHaveText(t(language, 'error-hours-both'));
      await expect(page.locator('#tuesday_closes')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel(t(language, 'settings-support-phone'))).toHaveValue('514 555 0142 poste 200');
      await expect(page.locator('#friday_closes')).toHaveValue('12:00');
      await ready(page, javaScript);
      await checkPage(page, javaScript);

      await page.getByLabel(t(language, 'settings-support-email'), { exact: true }).fill('soutien@erables.example');
      await page.locator('#tuesday_closes').fill('17:00');
      await page.getByRole('button', { name: t(language, 'settings-support-save') }).click();
      await expect(page.getByRole('status').filter({ hasText: t(language, 'settings-support-saved') })).toBeVisible();
      await expect(page.locator('#monday_opens')).toHaveValue('08:00');
      await expect(page.getByLabel(t(language, 'settings-support-phone'))).toHaveValue('514-555-0142 x200');

      // The Contact page: the portal's support, then this organisation's desk.
      await page.goto('/contact');
      await ready(page, javaScript);
      await expect(page.getByRole('heading', { name: t(language, 'contact-organisations-yours') })).toBeVisible();
      const desk = page.getByTestId('organisation-support');
      await expect(desk.getByRole('heading', { name: organisation })).toBeVisible();
      await expect(desk.getByRole('link', { name: '514-555-0142 x200' })).toHaveAttribute('href', 'tel:+15145550142,200');
      await expect(desk.getByRole('link', { name: 'soutien@erables.example' })).toHaveAttribute('href', 'mailto:soutien@erables.example');
      await expect(desk).toContainText(language === 'fr' ? 'Du lundi au jeudi, de 8 h à 17 h' : 'Monday to Thursday, 8 AM to 5 PM');
      await expect(desk).toContainText(language === 'fr' ? 'Le vendredi, de 8 h à 12 h' : 'Friday, 8 AM to 12 PM');
      await expect(desk).toContainText(t(language, 'contact-closed-days'));
      await checkPage(page, javaScript);

      // The privacy officer: a name without a way to reach them is refused, then saved and named
      // on the privacy policy to the organisation's people.
      await page.goto('/staff/settings');
      await ready(page, javaScript);
      await page.getByLabel(t(language, 'settings-privacy-name'), { exact: true }).fill('Rita Morin');
      await page.getByRole('button', { name: t(language, 'settings-privacy-save') }).click();
      await expect(page.locator('#privacy_email-error')).toHaveText(t(language, 'error-privacy-officer-reach-required'));
      await expect(page.getByLabel(t(language, 'settings-privacy-name'), { exact: true })).toHaveValue('Rita Morin');
      await ready(page, javaScript);
      await page.getByLabel(t(language, 'settings-privacy-phone'), { exact: true }).fill('514 555 0143');
      await page.getByRole('button', { name: t(language, 'settings-privacy-save') }).click();
      await expect(page.getByRole('status').filter({ hasText: t(language, 'settings-privacy-saved') })).toBeVisible();
      await page.goto('/privacy');
      await ready(page, javaScript);
      const officers = page.getByTestId('privacy-officers');
      await expect(officers).toContainText(`${organisation} — Rita Morin`);
      await expect(officers.getByRole('link', { name: '514-555-0143' })).toHaveAttribute('href', 'tel:+15145550143');
      await checkPage(page, javaScript);

      // The team list filtered by a service keeps its choice.
      await page.goto('/staff/team');
      await ready(page, javaScript);
      await page.getByLabel(t(language, 'team-service-label')).selectOption('support_desk');
      await page.getByRole('button', { name: t(language, 'patients-search-submit') }).click();
      await expect(page).toHaveURL(/service=support_desk/);
      await ready(page, javaScript);
      await expect(page.getByLabel(t(language, 'team-service-label'))).toHaveValue('support_desk');
      await expect(page.getByTestId('team-list')).toContainText(t(language, 'team-role-admin'));
      await checkPage(page, javaScript);
    });

    test('the organisation\'s logo: a file that is not a PNG or JPEG refused on its field, a PNG shown beside the name, then removed', async ({ page }) => {
      const organisation = language === 'fr' ? 'Clinique du Logo' : 'Logo Clinic';
      await signedInAdmin(page, language, organisation);
      await page.goto('/staff/settings');
      await ready(page, javaScript);
      await expect(page.getByTestId('logo-none')).toBeVisible();
      const file = page.getByLabel(t(language, 'settings-logo-label'), { exact: true });
      await file.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
      await page.getByRole('button', { name: t(language, 'settings-logo-submit') }).click();
      await expect(page.locator('#logo-error')).toHaveText(t(language, 'error-logo-format'));
      await ready(page, javaScript);
      await checkPage(page, javaScript);

      await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
      await page.getByRole('button', { name: t(language, 'settings-logo-submit') }).click();
      await expect(page.getByRole('status').filter({ hasText: t(language, 'settings-logo-saved') })).toBeVisible();
      await expect(page.getByTestId('logo-preview')).toHaveJSProperty('naturalWidth', 1);
      await expect(page.getByTestId('logo-preview')).toHaveAttribute('alt', t(language, 'settings-logo-alt', { organisation }));
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await page.goto('/staff');
      await expect(page.getByTestId('organisation-logo')).toHaveJSProperty('naturalWidth', 1);
      await ready(page, javaScript);
      await checkPage(page, javaScript);

      await page.goto('/staff/settings');
      await ready(page, javaScript);
      await page.getByRole('button', { name: t(language, 'settings-logo-remove') }).click();
      await expect(page.getByRole('status').filter({ hasText: t(language, 'settings-logo-removed') })).toBeVisible();
      await expect(page.getByTestId('logo-none')).toBeVisible();
    });
  });
}
