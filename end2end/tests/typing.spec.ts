import { test, expect, Page } from '@playwright/test';
import { ready, reportBrowserErrors, signedInAdmin, uniqueEmail, mailTo, linkIn, patientAccount, t } from './helpers';

/**
 * On a phone with a poor connection the app's code arrives seconds after the page: until then the
 * person uses the server-rendered form. Whatever they typed, ticked or chose there must still be
 * there, with the focus where it was, once the app takes over (hydration adopts, never resets).
 */

const HELD_BACK_MS = 4_000;

/** Holds the app's code back, as a slow connection does; the page and its style come at once. */
async function slowApp(page: Page) {
  await page.route(/\/pkg\/.*\.(js|wasm)(\?|$)/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, HELD_BACK_MS));
    await route.continue();
  });
}

/** Opens `path` without waiting for the app (its scripts are held back). */
async function openBeforeTheApp(page: Page, path: string) {
  await page.goto(path, { waitUntil: 'commit' });
  await page.locator('main form').first().waitFor();
}

async function notYetHydrated(page: Page) {
  expect(await page.evaluate(() => document.documentElement.dataset.hydrated ?? null), 'typed before the app arrived').toBeNull();
}

test.describe('typing before the app has arrived (slow connection)', () => {
  test('sign-in: the email and password typed are kept, the focus stays', async ({ page }) => {
    reportBrowserErrors(page);
    await slowApp(page);
    await openBeforeTheApp(page, '/sign-in');
    await page.locator('#email').pressSequentially('lea.tremblay@example.org');
    await page.locator('#password').pressSequentially('un mot de passe');
    await notYetHydrated(page);
    await ready(page, true);
    await expect(page.locator('#email')).toHaveValue('lea.tremblay@example.org');
    await expect(page.locator('#password')).toHaveValue('un mot de passe');
    await expect(page.locator('#password')).toBeFocused();
  });

  test('forgotten password: the email typed is kept', async ({ page }) => {
    reportBrowserErrors(page);
    await slowApp(page);
    await openBeforeTheApp(page, '/forgot-password');
    await page.locator('#email').pressSequentially('lea.tremblay@example.org');
    await notYetHydrated(page);
    await ready(page, true);
    await expect(page.locator('#email')).toHaveValue('lea.tremblay@example.org');
  });

  test('invitation code and adding a patient: text, choices and focus are kept', async ({ page, browser }) => {
    await signedInAdmin(page, 'fr', 'CLSC du Lac');

    // Adding a patient: text fields and a radio button chosen before the app arrived — in a
    // browser of its own, whose cache does not hold the app yet.
    const office = await browser.newContext({ storageState: await page.context().storageState(), viewport: { width: 390, height: 844 } });
    const staff = await office.newPage();
    reportBrowserErrors(staff);
    await slowApp(staff);
    await openBeforeTheApp(staff, '/staff/patients/new');
    await staff.locator('#given_name').pressSequentially('Éloïse');
    await staff.locator('#family_name').pressSequentially('Bélanger');
    await staff.locator('#language-en').check();
    await staff.locator('#email').pressSequentially('eloise');
    await notYetHydrated(staff);
    await ready(staff, true);
    await expect(staff.locator('#given_name')).toHaveValue('Éloïse');
    await expect(staff.locator('#family_name')).toHaveValue('Bélanger');
    await expect(staff.locator('#language-en')).toBeChecked();
    await expect(staff.locator('#email')).toHaveValue('eloise');
    await expect(staff.locator('#email')).toBeFocused();
    // The app goes on from there: the rest typed after it arrived, the form sent.
    const email = uniqueEmail('eloise');
    await staff.locator('#email').fill(email);
    await staff.getByLabel(t('fr', 'invite-birth-date')).fill('1990-04-12');
    await staff.getByRole('button', { name: t('fr', 'invite-submit') }).click();
    await expect(staff).toHaveURL(/\/staff\/patients\/code$/);
    await office.close();

    // The patient opens the link on a slow phone and types the code before the app arrives.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const patient = await phone.newPage();
    reportBrowserErrors(patient);
    const link = linkIn((await mailTo(patient, email)).text);
    await slowApp(patient);
    await openBeforeTheApp(patient, link.replace(/^https?:\/\/[^/]+/, ''));
    await patient.locator('#code').pressSequentially('A-1234');
    await notYetHydrated(patient);
    await ready(patient, true);
    await expect(patient.locator('#code')).toHaveValue('A-1234');
    await expect(patient.locator('#code')).toBeFocused();
    await phone.close();
  });

  test('a reply typed in a conversation before the app arrived is kept and sent', async ({ page, browser }) => {
    await signedInAdmin(page, 'fr', 'Clinique du Parc');
    await page.goto('/staff/teams');
    await ready(page, true);
    await page.getByLabel(t('fr', 'team-name')).fill('Pédiatrie');
    await page.getByLabel(t('fr', 'team-patients-may-start')).check();
    await page.getByRole('button', { name: t('fr', 'teams-create') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pédiatrie');
    await ready(page, true);
    await page.getByRole('button', { name: t('fr', 'team-member-add'), exact: true }).click();
    await expect(page.getByTestId('team-members')).toHaveCount(1);
    const { patient } = await patientAccount(page, browser, 'fr', true);
    await patient.goto('/messages/new');
    await ready(patient, true);
    await patient.getByLabel(t('fr', 'message-subject')).fill('Vaccins');
    await patient.getByLabel(t('fr', 'message-body'), { exact: true }).fill('Quand est le prochain rendez-vous?');
    await patient.getByRole('button', { name: t('fr', 'message-send') }).click();
    await expect(patient).toHaveURL(/\/messages\/\d+$/);
    const conversation = new URL(patient.url()).pathname;

    await slowApp(patient);
    await openBeforeTheApp(patient, conversation);
    await patient.locator('#body').pressSequentially('Merci, à mardi.');
    await notYetHydrated(patient);
    await ready(patient, true);
    await expect(patient.locator('#body')).toHaveValue('Merci, à mardi.');
    await expect(patient.locator('#body')).toBeFocused();
    await patient.getByRole('button', { name: t('fr', 'message-send') }).click();
    await expect(patient.getByTestId('thread')).toContainText('Merci, à mardi.');
    await expect(patient.locator('#body')).toHaveValue('');
  });
});
