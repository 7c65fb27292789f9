import { test, expect, Browser, Page } from '@playwright/test';
import { checkPage, ready, mailWithSubject, linkIn, signedInAdmin, patientAccount, uniqueEmail, PASSWORD } from './helpers';

type Lang = 'fr' | 'en';

const TEXT = {
  fr: {
    add: 'Ajouter un proche aidant', given: 'Prénom', family: 'Nom de famille', email: 'Courriel', helper: 'Proche aidant désigné par la personne',
    profile: 'profil', send: 'Envoyer l\'invitation', french: 'Français', code: 'Code d\'invitation', continue: 'Continuer',
    password: 'Mot de passe', confirm: 'Confirmez le mot de passe', create: 'Créer mon compte', subject: /^Invitation à accompagner Léa Tremblay/,
    actFor: 'Agir pour Léa Tremblay', banner: 'Vous agissez pour Léa Tremblay (proche aidant)', scope: 'Vos accès : profil',
    profilePage: 'Profil de la personne', edit: /^Modifier\s*:\s*Nom préféré$/, preferred: 'Nom préféré', save: 'Enregistrer',
    end: /^Retirer l'accès\s*–\s*Marie Gagnon$/, endSubmit: 'Oui, retirer l\'accès', ended: 'Accès terminé', myFile: 'Mon dossier',
    whoCanAct: 'Personnes qui peuvent agir pour moi', endedStatus: 'L\'accès de cette personne à votre dossier a pris fin.',
    addToAccount: 'Ajouter à mon compte', language: 'Français',
  },
  en: {
    add: 'Add a caregiver', given: 'Given name', family: 'Family name', email: 'Email', helper: 'Trusted helper named by the person',
    profile: 'profile', send: 'Send the invitation', french: 'Français', code: 'Invitation code', continue: 'Continue',
    password: 'Password', confirm: 'Confirm the password', create: 'Create my account', subject: /Invitation to assist Léa Tremblay/,
    actFor: 'Act for Léa Tremblay', banner: 'You are acting for Léa Tremblay (trusted helper)', scope: 'Your access: profile',
    profilePage: 'The person\'s profile', edit: /^Edit\s*:\s*Preferred name$/, preferred: 'Preferred name', save: 'Save',
    end: /^Remove access\s*–\s*Marie Gagnon$/, endSubmit: 'Yes, remove access', ended: 'Access ended', myFile: 'My file',
    whoCanAct: 'People who can act for me', endedStatus: 'This person\'s access to your file has ended.',
    addToAccount: 'Add to my account', language: 'English',
  },
};

/** From the patient list, the professional adds a caregiver with the profile scope; returns the code shown once. */
async function addCaregiver(staff: Page, t: typeof TEXT.fr, javaScript: boolean, email: string, patientEmail: string): Promise<string> {
  await staff.goto('/staff/patients?q=' + encodeURIComponent(patientEmail));
  await ready(staff, javaScript);
  await staff.getByRole('link', { name: 'Léa Tremblay' }).click();
  await staff.getByRole('link', { name: t.add }).click();
  await ready(staff, javaScript);
  await checkPage(staff, javaScript);
  await staff.getByLabel(t.given).fill('Marie');
  await staff.getByLabel(t.family).fill('Gagnon');
  await staff.getByLabel(t.email).fill(email);
  await staff.getByLabel(t.helper).check();
  await staff.getByLabel(t.language, { exact: true }).check();
  // Nothing ticked: the form says so and keeps what was typed.
  await staff.getByRole('button', { name: t.send }).click();
  await expect(staff.locator('.field-error').first()).toBeVisible();
  await expect(staff.getByLabel(t.given)).toHaveValue('Marie');
  await staff.getByLabel(t.profile, { exact: true }).check();
  await staff.getByRole('button', { name: t.send }).click();
  await expect(staff).toHaveURL(/\/staff\/patients\/code$/);
  return (await staff.getByTestId('issued-code').textContent())!.trim();
}

/** The caregiver opens the mailed link in a browser of their own, enters the code, creates their account. */
async function caregiverJoins(browser: Browser, t: typeof TEXT.fr, javaScript: boolean, email: string, code: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const mail = await mailWithSubject(page, email, t.subject);
  await page.goto(linkIn(mail.text));
  await ready(page, javaScript);
  await page.getByLabel(t.code).fill(code);
  await page.getByRole('button', { name: t.continue }).click();
  await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
  await page.getByLabel(t.confirm).fill(PASSWORD);
  await page.locator('#accept_terms').check();
  await page.getByRole('button', { name: t.create }).click();
  await expect(page).toHaveURL(/\/home$/);
  return page;
}

const runs: { language: Lang; javaScript: boolean }[] = [
  { language: 'fr', javaScript: true },
  { language: 'en', javaScript: true },
  { language: 'fr', javaScript: false },
];

for (const { language, javaScript } of runs) {
  test.describe(`caregivers (${language}, JavaScript ${javaScript ? 'on' : 'off'})`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test('added by the professional, acts within scope, stops when the patient ends it', async ({ page, browser }) => {
      const t = TEXT[language];
      await signedInAdmin(page, language, 'CLSC du Littoral');
      const { patient, email: patientEmail } = await patientAccount(page, browser, language, javaScript);
      const caregiverEmail = uniqueEmail('marie');
      const code = await addCaregiver(page, t, javaScript, caregiverEmail, patientEmail);

      const caregiver = await caregiverJoins(browser, t, javaScript, caregiverEmail, code);
      await caregiver.getByRole('link', { name: t.actFor }).click();
      await ready(caregiver, javaScript);
      await expect(caregiver.getByTestId('acting-for')).toHaveText(t.banner);
      await expect(caregiver.getByText(t.scope)).toBeVisible();
      await checkPage(caregiver, javaScript);
      await caregiver.getByRole('link', { name: t.profilePage }).click();
      await ready(caregiver, javaScript);
      await expect(caregiver.getByTestId('acting-for')).toHaveText(t.banner);
      await caregiver.getByRole('link', { name: t.edit }).click();
      await caregiver.getByLabel(t.preferred).fill('Lili');
      await caregiver.getByRole('button', { name: t.save }).click();
      await expect(caregiver.getByTestId('value-preferred_name')).toHaveText('Lili');
      await checkPage(caregiver, javaScript);

      // The patient sees who can act for her, and ends it after confirming.
      await patient.goto('/account');
      await ready(patient, javaScript);
      await expect(patient.getByRole('heading', { name: t.whoCanAct })).toBeVisible();
      await expect(patient.getByTestId('value-preferred_name')).toHaveText('Lili');
      await patient.getByRole('link', { name: t.end }).click();
      await ready(patient, javaScript);
      await checkPage(patient, javaScript);
      await patient.getByRole('button', { name: t.endSubmit }).click();
      await expect(patient.getByRole('status').filter({ hasText: t.endedStatus })).toBeVisible();

      // The caregiver's very next click, still on the patient's profile.
      await caregiver.getByRole('link', { name: t.edit }).click();
      await expect(caregiver.getByRole('heading', { level: 1 })).toHaveText(t.ended);
      await caregiver.getByRole('link', { name: t.myFile }).first().click();
      await expect(caregiver).toHaveURL(/\/home$/);
      await expect(caregiver.getByRole('link', { name: t.actFor })).toHaveCount(0);
      await checkPage(caregiver, javaScript);
    });
  });
}

test('a caregiver who already has an account adds a second patient to it', async ({ page, browser }) => {
  const t = TEXT.fr;
  await signedInAdmin(page, 'fr', 'CLSC des Îles');
  const first = await patientAccount(page, browser, 'fr', true);
  const caregiverEmail = uniqueEmail('marie');
  const caregiver = await caregiverJoins(browser, t, true, caregiverEmail, await addCaregiver(page, t, true, caregiverEmail, first.email));
  const firstLink = linkIn((await mailWithSubject(caregiver, caregiverEmail, t.subject)).text);
  const second = await patientAccount(page, browser, 'fr', true, uniqueEmail('lea2'));
  const code = await addCaregiver(page, t, true, caregiverEmail, second.email);
  let secondLink = firstLink;
  await expect.poll(async () => {
    secondLink = linkIn((await mailWithSubject(caregiver, caregiverEmail, t.subject)).text);
    return secondLink !== firstLink;
  }, { timeout: 20_000 }).toBe(true);
  await caregiver.goto(secondLink);
  await ready(caregiver, true);
  await caregiver.getByLabel(t.code).fill(code);
  await caregiver.getByRole('button', { name: t.continue }).click();
  await caregiver.getByRole('button', { name: t.addToAccount }).click();
  await expect(caregiver).toHaveURL(/\/home$/);
  await expect(caregiver.getByRole('link', { name: t.actFor })).toHaveCount(2);
  await checkPage(caregiver);

  // Acting for the first patient, then switching to the second from the banner (a navigation
  // inside the app): the pages under /for/:grant follow the new grant.
  await caregiver.getByRole('link', { name: t.actFor }).first().click();
  await expect(caregiver).toHaveURL(/\/for\/\d+$/);
  const firstGrant = new URL(caregiver.url()).pathname;
  await ready(caregiver, true);
  await caregiver.getByRole('link', { name: t.profilePage }).click();
  await ready(caregiver, true);
  await caregiver.getByRole('link', { name: t.edit }).click();
  await caregiver.getByLabel(t.preferred).fill('Lili');
  await caregiver.getByRole('button', { name: t.save }).click();
  await expect(caregiver.getByTestId('value-preferred_name')).toHaveText('Lili');
  await caregiver.locator('nav.acting-for').getByRole('link', { name: 'Léa Tremblay' }).click();
  await expect(caregiver).toHaveURL(/\/for\/\d+$/);
  expect(new URL(caregiver.url()).pathname).not.toBe(firstGrant);
  await ready(caregiver, true);
  await expect(caregiver.getByTestId('acting-for')).toHaveText(t.banner);
  await caregiver.getByRole('link', { name: t.profilePage }).click();
  await expect(caregiver).toHaveURL(/\/for\/\d+\/profile$/);
  await ready(caregiver, true);
  await expect(caregiver.getByTestId('value-preferred_name')).not.toHaveText('Lili');
  await checkPage(caregiver);
});

test('the administrator sets the age of consent', async ({ page }) => {
  await signedInAdmin(page, 'fr', 'CLSC de la Baie');
  await page.getByRole('link', { name: 'Paramètres de l\'organisation' }).click();
  await ready(page, true);
  await expect(page.getByLabel('Âge de consentement aux soins')).toHaveValue('14');
  await checkPage(page);
  await page.getByLabel('Âge de consentement aux soins').fill('30');
  await page.getByRole('button', { name: 'Enregistrer l\'âge de consentement' }).click();
  await expect(page.getByText('Entrez un âge entre 12 et 19.').first()).toBeVisible();
  await page.getByLabel('Âge de consentement aux soins').fill('16');
  await page.getByRole('button', { name: 'Enregistrer l\'âge de consentement' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Modification enregistrée.' })).toBeVisible();
  await expect(page.getByLabel('Âge de consentement aux soins')).toHaveValue('16');
  await checkPage(page);
});
