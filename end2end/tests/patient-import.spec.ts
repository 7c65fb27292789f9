import { test, expect, Page } from '@playwright/test';
import { checkPage, ready, mailTo, signedInAdmin, joinWithCode, emrExport, uniqueEmail, t } from './helpers';

async function sendFile(page: Page, javaScript: boolean, name: string, content: string, mimeType: string) {
  await page.goto('/staff/patients/import');
  await ready(page, javaScript);
  await page.getByLabel(t(lang(page), 'import-file-label'), { exact: true }).setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
  await page.getByRole('button', { name: t(lang(page), 'import-submit') }).click();
}

const languages = new WeakMap<Page, 'fr' | 'en'>();
const lang = (page: Page) => languages.get(page) ?? 'fr';

test('a CSV of 20 patients: previewed, confirmed, invited through the outbox, the codes printed and one used', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const fr = (key: string, args: Record<string, string> = {}) => t('fr', key, args);
  await signedInAdmin(page, 'fr', 'Clinique des Vingt');
  languages.set(page, 'fr');

  // From the patients page to the upload form.
  await page.goto('/staff/patients');
  await ready(page, true);
  await page.getByRole('link', { name: fr('patients-import') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr('import-title'));
  await ready(page, true);
  await checkPage(page);

  const { csv, emails } = emrExport(20);
  await sendFile(page, true, 'export-dme.csv', csv, 'text/csv');
  await expect(page).toHaveURL(/\/staff\/patients\/import\/\d+$/);
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('20 patients seront invités.');
  await expect(summary).toContainText('1 ligne a une erreur et ne sera pas invitée.');
  await expect(page.getByTestId('import-rows').getByRole('row')).toHaveCount(22);
  await ready(page, true);
  await checkPage(page);
  await page.getByRole('link', { name: fr('import-show-problems') }).click();
  await expect(page.getByTestId('import-rows').getByRole('row')).toHaveCount(2);
  await expect(page.getByTestId('import-rows')).toContainText(fr('error-birth-date-invalid'));

  // Confirmed: the worker invites, the outbox mails, the page follows by itself.
  await page.getByRole('button', { name: 'Inviter 20 patients' }).click();
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-mails')).toContainText(fr('import-mails', { sent: '20', waiting: '0', failed: '0' }), { timeout: 40_000 });
  await checkPage(page);
  const english = await mailTo(page, emails[1]);
  expect(english.subject).toBe(`${t('en', 'mail-invitation-subject')} / ${fr('mail-invitation-subject')}`);

  // The codes, to print: one line a patient, the header and footer gone on paper.
  await page.getByRole('link', { name: fr('import-print-codes') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr('import-codes-title'));
  const codes = page.getByTestId('import-codes');
  await expect(codes.getByRole('row')).toHaveCount(21);
  await ready(page, true);
  await checkPage(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(codes).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  const first = codes.getByRole('row').filter({ hasText: 'Patient1 Gagnon' }).first();
  const code = (await first.locator('.code-cell').textContent())!.match(/[A-Z]-\d{6}/)![0];

  // The same list as a spreadsheet.
  const id = page.url().split('/import/')[1].split('/')[0];
  const download = await page.request.get(`/staff/patients/import/${id}/codes.csv`);
  expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(await download.text()).toContain(code);

  // The patient opens their link, enters the handed-over code: their account exists.
  const patient = await joinWithCode(browser, 'fr', true, emails[0], code);
  await patient.goto('/home');
  await expect(patient.getByRole('heading', { level: 1 })).toContainText('Patient1');
  await patient.context().close();
});

test('without JavaScript, in English: a file that is not a list is refused on its field; a FHIR Bundle set aside', async ({ browser }) => {
  const en = (key: string, args: Record<string, string> = {}) => t('en', key, args);
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await noScript.newPage();
  await signedInAdmin(page, 'en', 'Northern Clinic');
  languages.set(page, 'en');

  await sendFile(page, false, 'contacts.csv', 'Name;Phone\r\nRoy;514\r\n', 'text/csv');
  await expect(page.getByText(en('error-import-columns')).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en('import-title'));
  await checkPage(page, false);

  const bundle = { resourceType: 'Bundle', type: 'collection', entry: [
    { resource: { resourceType: 'Patient', name: [{ family: 'Roy', given: ['Anne'] }], birthDate: '1970-05-06', telecom: [{ system: 'email', value: uniqueEmail('anne') }] } },
    { resource: { resourceType: 'Patient', name: [{ family: 'Roy', given: ['Paul'] }], birthDate: '1972-08-09', telecom: [{ system: 'email', value: uniqueEmail('paul') }], communication: [{ language: { coding: [{ code: 'en' }] } }] } },
  ] };
  await sendFile(page, false, 'patients.fhir.json', JSON.stringify(bundle), 'application/fhir+json');
  await expect(page).toHaveURL(/\/staff\/patients\/import\/\d+$/);
  await expect(page.getByTestId('import-summary')).toContainText('2 patients will be invited.');
  await expect(page.getByTestId('import-rows')).toContainText('Paul Roy');
  await checkPage(page, false);
  await page.getByRole('button', { name: en('import-discard') }).click();
  await expect(page).toHaveURL(/\/staff\/patients\/import$/);
  await expect(page.getByTestId('recent-imports')).toHaveCount(0);
  await noScript.close();
});
