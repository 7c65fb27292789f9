import { test, expect, Page, Browser } from '@playwright/test';
import { checkPage, ready, signedInAdmin, mailWithSubject, linkIn, patientAccount, t } from './helpers';

type Lang = 'fr' | 'en';

const runs: { language: Lang; javaScript: boolean; width: number }[] = [
  { language: 'fr', javaScript: false, width: 390 },
  { language: 'en', javaScript: true, width: 1280 },
];

const JSON_CALL = { Accept: 'application/json', Origin: 'http://localhost:3000' };

/** The signed-in staff page calls a server function as the app does; its JSON answer. */
async function call(page: Page, fn: string, form: Record<string, string>) {
  const response = await page.request.post(`/api/${fn}`, { headers: JSON_CALL, form });
  expect(response.ok(), `${fn}: ${await response.text()}`).toBe(true);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** A care team `name` with `accountId` in it, in the organisation `page` works in; its id. */
async function teamWith(page: Page, name: string, accountId: string): Promise<string> {
  await call(page, 'create_team', { name, phone: '', replies_by_default: 'on' });
  const teams = await call(page, 'list_teams', {});
  const team = teams.find((x: { name: string }) => x.name === name);
  await call(page, 'team_member', { id: String(team.id), account_id: accountId, add: 'on' });
  return String(team.id);
}

/** A patient of the organisation `staff` works in, followed by `team`; the patient's id. */
async function patientFollowedBy(staff: Page, browser: Browser, language: Lang, javaScript: boolean, team: string) {
  const { email } = await patientAccount(staff, browser, language, javaScript);
  const found = await call(staff, 'list_patients', { search: email });
  const id = String(found.lines[0].id);
  await call(staff, 'set_patient_team', { patient_id: id, team_id: team, follows: 'on' });
  return id;
}

/** Writes a first message to a patient from the patient file, through the page. */
async function writeTo(page: Page, language: Lang, javaScript: boolean, patientId: string, subject: string) {
  await page.goto(`/staff/patients/${patientId}`);
  await ready(page, javaScript);
  await page.getByRole('link', { name: t(language, 'conversation-new-title') }).click();
  await ready(page, javaScript);
  await page.getByLabel(t(language, 'message-subject')).fill(subject);
  await page.getByLabel(t(language, 'message-body'), { exact: true }).fill('Bonjour, voici un message de votre équipe.');
  await page.getByRole('button', { name: t(language, 'message-send') }).click();
  await expect(page).toHaveURL(/\/staff\/conversations\/\d+$/);
  await expect(page.getByTestId('thread')).toContainText('voici un message');
}

for (const { language, javaScript, width } of runs) {
  test.describe(`a physician in two clinics (${language}, JavaScript ${javaScript ? 'on' : 'off'}, ${width} px)`, () => {
    test.use({ javaScriptEnabled: javaScript, viewport: { width, height: 900 } });

    test('accepts the second clinic\'s request, switches between them, writes in each, and keeps one when the other suspends her', async ({ page, browser }) => {
      const alpha = `Clinique Alpha ${language}`;
      const beta = `Clinique Bêta ${language}`;
      // Page: Alpha's administrator. Physician: administrator of Bêta, who also works for Alpha.
      await signedInAdmin(page, language, alpha);
      const physicianContext = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width, height: 900 } });
      const physician = await physicianContext.newPage();
      const { email } = await signedInAdmin(physician, language, beta);

      // Alpha asks her to join: the answer says nothing about whether she has an account.
      await page.goto('/staff/team?existing=yes');
      await ready(page, javaScript);
      await page.getByLabel(t(language, 'invite-email'), { exact: true }).fill(email);
      await page.getByRole('button', { name: t(language, 'team-existing-submit') }).click();
      await expect(page.getByTestId('team-done')).toHaveText(t(language, 'team-existing-asked'));
      await expect(page.getByTestId('team-waiting')).toContainText(email);
      await checkPage(page, javaScript);

      // She follows the mailed link, signed in, and accepts.
      const mail = await mailWithSubject(physician, email, new RegExp(t(language, 'mail-join-asked-subject')));
      await physician.goto(linkIn(mail.text));
      await ready(physician, javaScript);
      await expect(physician.getByTestId('join-requests')).toContainText(alpha);
      await checkPage(physician, javaScript);
      await physician.getByRole('button', { name: t(language, 'organisations-accept') }).click();
      await expect(physician.getByTestId('organisations-done')).toHaveText(t(language, 'organisations-done-accepted'));
      await expect(physician.getByTestId('workplaces')).toContainText(alpha);
      await expect(physician.getByTestId('workplaces')).toContainText(beta);
      await physician.screenshot({ path: test.info().outputPath('my-organisations.png'), fullPage: true });

      // Two clinics, none chosen yet: the staff home asks which one.
      await physician.goto('/staff');
      await ready(physician, javaScript);
      await expect(physician.getByTestId('choose-workplace')).toBeVisible();
      await checkPage(physician, javaScript);
      await physician.screenshot({ path: test.info().outputPath('staff-home-choose.png'), fullPage: true });
      await physician.getByRole('button', { name: t(language, 'workplace-work-in', { organisation: beta }) }).first().click();
      await expect(physician).toHaveURL(/\/staff$/);
      await ready(physician, javaScript);
      await expect(physician.getByTestId('workplace-switch')).toContainText(beta);

      // In Bêta she writes to a patient of Bêta.
      const me = await call(physician, 'list_staff', { q: email });
      const physicianId = String(me.lines[0].id);
      const betaTeam = await teamWith(physician, 'Cardiologie Bêta', physicianId);
      const betaPatient = await patientFollowedBy(physician, browser, language, javaScript, betaTeam);
      await writeTo(physician, language, javaScript, betaPatient, 'Suivi Bêta');
      await checkPage(physician, javaScript);

      // Alpha's administrator puts her in a team with a patient of Alpha.
      const alphaTeam = await teamWith(page, 'Cardiologie Alpha', physicianId);
      const alphaPatient = await patientFollowedBy(page, browser, language, javaScript, alphaTeam);
      // Bêta's patient is not reachable from Alpha, and Alpha's not from Bêta.
      expect((await physician.request.post('/api/patient_file', { headers: JSON_CALL, form: { patient_id: alphaPatient } })).status()).toBe(404);

      // She switches to Alpha from the menu on every staff page, and writes there.
      await physician.goto('/staff/inbox');
      await ready(physician, javaScript);
      await physician.getByTestId('workplace-switch').locator('summary').click();
      await physician.screenshot({ path: test.info().outputPath('workplace-switch.png') });
      await physician.getByTestId('workplace-switch').getByRole('button', { name: t(language, 'workplace-work-in', { organisation: alpha }) }).click();
      await expect(physician).toHaveURL(/\/staff$/);
      await ready(physician, javaScript);
      await expect(physician.getByTestId('workplace-switch')).toContainText(alpha);
      await writeTo(physician, language, javaScript, alphaPatient, 'Suivi Alpha');
      await physician.goto('/staff/inbox');
      await ready(physician, javaScript);
      await expect(physician.getByTestId('conversations')).toContainText('Suivi Alpha');
      await expect(physician.getByTestId('conversations')).not.toContainText('Suivi Bêta');

      // Alpha's administrator suspends her there: Alpha's pages are closed to her, Bêta's open.
      await page.goto(`/staff/team/${physicianId}`);
      await ready(page, javaScript);
      await expect(page.getByTestId('shared-account')).toHaveText(t(language, 'person-account-shared'));
      await expect(page.getByRole('link', { name: t(language, 'person-reset') })).toHaveCount(0);
      await checkPage(page, javaScript);
      await page.getByRole('link', { name: t(language, 'person-suspend') }).click();
      await ready(page, javaScript);
      await page.getByRole('button', { name: t(language, 'person-suspend') }).click();
      await expect(page.getByTestId('person-state')).toHaveText(t(language, 'person-state-suspended'));

      await physician.goto('/staff/inbox');
      await ready(physician, javaScript);
      await expect(physician.getByTestId('conversations')).toContainText('Suivi Bêta');
      await expect(physician.getByTestId('conversations')).not.toContainText('Suivi Alpha');
      await expect(physician.getByTestId('workplace-switch')).toHaveCount(0);
      await physicianContext.close();
    });
  });
}
