import { test, expect, Page } from '@playwright/test';
import { checkPage, ready, signedInAdmin, mailWithSubject, linkIn, patientAccount, caregiverAccount, t } from './helpers';

/** Ticks `answer` for question `n` of `count` (its group is named by "Question n of count"). */
async function answer(page: Page, language: 'fr' | 'en', n: number, count: number, choice: string) {
  const group = page.getByRole('radiogroup', { name: new RegExp('^' + t(language, 'questionnaire-question-of', { n: String(n), count: String(count) })) });
  await group.getByLabel(choice, { exact: true }).check();
}

/** From the patient's file, the professional sends `title` with a due date and a note. */
async function send(staff: Page, javaScript: boolean, patientId: string, title: string) {
  await staff.goto(`/staff/patients/${patientId}`);
  await ready(staff, javaScript);
  const section = staff.locator('#file-questionnaires');
  await section.getByLabel(t('fr', 'questionnaire-choose'), { exact: true }).selectOption({ label: title });
  await section.getByLabel(t('fr', 'questionnaire-due-label')).fill('31/12/2099');
  await section.getByLabel(t('fr', 'questionnaire-note-label')).fill('Avant votre prochain rendez-vous');
  await section.getByRole('button', { name: t('fr', 'questionnaire-send') }).click();
  await expect(staff.getByRole('status').filter({ hasText: t('fr', 'questionnaire-sent') })).toBeVisible();
}

for (const javaScript of [true, false]) {
  test.describe(`questionnaires (JavaScript ${javaScript ? 'on' : 'off'})`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test('the team sends a PHQ-9, the patient fills it on her phone across a reload, the team reviews the score and the item-9 alert; a caregiver fills a GAD-7', async ({ page, browser }) => {
      await signedInAdmin(page, 'fr', 'Clinique des Érables');
      await page.goto('/staff/teams');
      await ready(page, javaScript);
      await page.getByLabel(t('fr', 'team-name')).fill('Psychiatrie');
      await page.getByRole('button', { name: t('fr', 'teams-create') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Psychiatrie');
      await ready(page, javaScript);
      await page.getByRole('button', { name: t('fr', 'team-member-add'), exact: true }).click();
      await expect(page.getByTestId('team-members')).toHaveCount(1);

      const { patient, email } = await patientAccount(page, browser, 'fr', javaScript);
      await page.goto('/staff/patients?q=' + encodeURIComponent(email));
      await ready(page, javaScript);
      await page.getByRole('link', { name: 'Léa Tremblay' }).click();
      await expect(page.locator('#file-questionnaires')).toContainText(t('fr', 'file-questionnaires-none'));
      const patientId = page.url().match(/\/staff\/patients\/(\d+)/)![1];
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await send(page, javaScript, patientId, 'Questionnaire sur la santé du patient (PHQ-9)');
      await expect(page.getByTestId('sent-questionnaires')).toContainText(t('fr', 'questionnaire-state-sent'));

      // The patient's mail names no questionnaire; its link lists what there is to fill.
      const mail = await mailWithSubject(patient, email, new RegExp(t('fr', 'mail-questionnaire-subject')));
      expect(mail.text).not.toContain('PHQ');
      await patient.goto(linkIn(mail.text));
      await ready(patient, javaScript);
      await expect(patient.getByRole('heading', { level: 1 })).toHaveText(t('fr', 'questionnaires-title'));
      await expect(patient.getByTestId('to-fill')).toContainText('Clinique des Érables');
      await checkPage(patient, javaScript);
      await patient.getByRole('link', { name: t('fr', 'questionnaire-fill') }).click();
      await expect(patient.getByRole('heading', { level: 1 })).toHaveText('Questionnaire sur la santé du patient (PHQ-9)');
      await ready(patient, javaScript);
      await expect(patient.getByText('Avant votre prochain rendez-vous')).toBeVisible();
      await checkPage(patient, javaScript);

      // Five answers, saved as a draft; a reload (another visit) finds them.
      for (let n = 1; n <= 5; n++) await answer(patient, 'fr', n, 10, 'Plusieurs jours');
      if (javaScript) {
        // Saved as she answers: "Saved at 14:32", and nothing to press before leaving.
        const savedAt = new RegExp('^' + t('fr', 'questionnaire-autosaved', { time: '\\d{2}:\\d{2}' }).replace('.', '\\.') + '$');
        await expect(patient.getByTestId('autosaved')).toHaveText(savedAt);
      } else {
        await patient.getByRole('button', { name: t('fr', 'questionnaire-save') }).click();
        await expect(patient.getByRole('status').filter({ hasText: t('fr', 'questionnaire-saved') })).toBeVisible();
      }
      await patient.reload();
      await ready(patient, javaScript);
      const q5 = patient.getByRole('radiogroup', { name: new RegExp('^' + t('fr', 'questionnaire-question-of', { n: '5', count: '10' })) });
      await expect(q5.getByLabel('Plusieurs jours', { exact: true })).toBeChecked();
      for (let n = 6; n <= 9; n++) await answer(patient, 'fr', n, 10, 'Plusieurs jours');
      await patient.getByRole('button', { name: t('fr', 'questionnaire-next') }).click();
      await expect(patient.getByText(t('fr', 'questionnaire-part-of', { n: '2', count: '2' }))).toBeVisible();
      await ready(patient, javaScript);
      await checkPage(patient, javaScript);
      await answer(patient, 'fr', 10, 10, 'Assez difficile');
      await patient.getByRole('button', { name: t('fr', 'questionnaire-submit') }).click();
      await expect(patient.getByTestId('answers')).toContainText('Assez difficile');
      await expect(patient.getByTestId('filled-by')).toHaveText(t('fr', 'questionnaire-filled-by-patient', { name: 'Léa Tremblay' }));
      await expect(patient.getByText(/Score/)).toHaveCount(0);
      await ready(patient, javaScript);
      await checkPage(patient, javaScript);

      // The team: flagged first in the list, the score, band and alert on the page; reviewed.
      await page.goto('/staff/questionnaires');
      await ready(page, javaScript);
      await expect(page.getByTestId('to-review').getByTestId('flag')).toHaveCount(1);
      await checkPage(page, javaScript);
      await page.getByRole('link', { name: /Léa Tremblay/ }).click();
      await expect(page.getByTestId('score')).toHaveText('9');
      await expect(page.getByTestId('band')).toHaveText('Dépression légère');
      await expect(page.getByRole('alert').filter({ hasText: 'question 9' })).toBeVisible();
      await expect(page.locator('tr[data-flagged]')).toHaveCount(1);
      await expect(page.getByTestId('score-table').locator('tbody tr')).toHaveCount(1);
      await expect(page.getByTestId('score-table')).toContainText('Dépression légère');
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await page.getByLabel(t('fr', 'questionnaire-comment')).fill('Appel prévu demain');
      await page.getByRole('button', { name: t('fr', 'questionnaire-mark-reviewed') }).click();
      await expect(page.getByTestId('reviewed')).toBeVisible();
      await expect(page.getByText('Appel prévu demain')).toBeVisible();

      // A caregiver with the questionnaires scope fills a GAD-7 in English, in her own name.
      const { caregiver, grant } = await caregiverAccount(page, browser, 'en', javaScript, patientId, ['questionnaires']);
      await send(page, javaScript, patientId, 'Questionnaire sur l’anxiété généralisée (GAD-7)');
      await caregiver.goto(`/for/${grant}/questionnaires`);
      await ready(caregiver, javaScript);
      await checkPage(caregiver, javaScript);
      await caregiver.getByRole('link', { name: t('en', 'questionnaire-fill') }).click();
      await expect(caregiver.getByRole('heading', { level: 1 })).toHaveText('Generalized Anxiety Disorder scale (GAD-7)');
      await ready(caregiver, javaScript);
      await checkPage(caregiver, javaScript);
      // Sent with one answer missing: the message is on that question, the others kept.
      for (let n = 1; n <= 6; n++) await answer(caregiver, 'en', n, 7, 'Several days');
      await caregiver.getByRole('button', { name: t('en', 'questionnaire-submit') }).click();
      await expect(caregiver.locator('#q-q7-error')).toHaveText(t('en', 'error-answer-required'));
      const q6 = caregiver.getByRole('radiogroup', { name: new RegExp('^' + t('en', 'questionnaire-question-of', { n: '6', count: '7' })) });
      await expect(q6.getByLabel('Several days', { exact: true })).toBeChecked();
      await answer(caregiver, 'en', 7, 7, 'Nearly every day');
      await caregiver.getByRole('button', { name: t('en', 'questionnaire-submit') }).click();
      await expect(caregiver.getByTestId('filled-by')).toHaveText(t('en', 'questionnaire-filled-by-caregiver', { name: 'Marie Gagnon', patient: 'Léa Tremblay' }));

      await page.goto(`/staff/patients/${patientId}`);
      await ready(page, javaScript);
      await expect(page.getByTestId('sent-questionnaires')).toContainText(t('fr', 'questionnaire-score', { score: '9' }));
      await page.getByRole('link', { name: 'Questionnaire sur l’anxiété généralisée (GAD-7)' }).click();
      await expect(page.getByTestId('score')).toHaveText('9');
      await expect(page.getByTestId('band')).toHaveText('Anxiété légère');
      await expect(page.getByTestId('filled-by')).toHaveText(t('fr', 'questionnaire-filled-by-caregiver', { name: 'Marie Gagnon', patient: 'Léa Tremblay' }));

      // The library: the answers as CSV, the PHQ-9 as FHIR, imported back changed as version 2.
      await page.goto('/staff/questionnaires');
      await ready(page, javaScript);
      await page.getByRole('link', { name: t('fr', 'library-link') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('fr', 'library-title'));
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      const phq9 = page.getByTestId('library').locator('li.card').filter({ hasText: 'PHQ-9' });
      const csvHref = await phq9.getByRole('link', { name: new RegExp(t('fr', 'library-download-csv').replace(/[()]/g, '\\$&')) }).getAttribute('href');
      const csv = await (await page.request.get(csvHref!)).text();
      expect(csv).toContain('"Léa Tremblay"');
      expect(csv).toContain('"Dépression légère"');
      const fhirHref = await phq9.getByRole('link', { name: new RegExp(t('fr', 'library-download-fhir')) }).getAttribute('href');
      const questionnaire = await (await page.request.get(fhirHref!)).json();
      expect(questionnaire.resourceType).toBe('Questionnaire');
      const field = page.getByLabel(t('fr', 'library-import-field'));
      const broken = JSON.stringify({ ...questionnaire, item: [{ ...questionnaire.item[0], enableWhen: [{ question: 'q77', operator: 'exists', answerBoolean: true }] }] });
      await field.fill(broken);
      await page.getByRole('button', { name: t('fr', 'library-import-submit') }).click();
      await expect(page.locator('#fhir-error')).toContainText('q77');
      await expect(page.getByLabel(t('fr', 'library-import-field'))).toHaveValue(broken);
      await checkPage(page, javaScript);
      await ready(page, javaScript);
      await page.getByLabel(t('fr', 'library-import-field')).fill(JSON.stringify({ ...questionnaire, title: 'PHQ-9 du service' }));
      await page.getByRole('button', { name: t('fr', 'library-import-submit') }).click();
      await expect(page.getByTestId('imported')).toHaveText(t('fr', 'library-imported', { title: 'PHQ-9 du service', version: '2' }));
      await expect(page.getByTestId('library')).toContainText('PHQ-9 du service');

      // To several patients of the team at once; alerts by email chosen on the review list.
      await page.goto('/staff/questionnaires');
      await ready(page, javaScript);
      await page.getByRole('link', { name: t('fr', 'team-send-title') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('fr', 'team-send-title'));
      await ready(page, javaScript);
      await page.getByRole('button', { name: t('fr', 'team-send-show') }).click();
      await expect(page.getByTestId('team-patients').getByLabel('Léa Tremblay')).toBeChecked();
      await ready(page, javaScript);
      await checkPage(page, javaScript);
      await page.getByTestId('team-patients').getByLabel('Léa Tremblay').uncheck();
      await page.getByRole('button', { name: t('fr', 'team-send-submit') }).click();
      await expect(page.locator('.field-error').filter({ hasText: t('fr', 'error-questionnaire-no-patient') })).toBeVisible();
      await ready(page, javaScript);
      await page.getByTestId('team-patients').getByLabel('Léa Tremblay').check();
      await page.getByLabel(t('fr', 'questionnaire-choose'), { exact: true }).selectOption({ label: 'Système d’évaluation des symptômes d’Edmonton – révisé (ESAS-r)' });
      await page.getByLabel(t('fr', 'questionnaire-show-score')).check();
      await page.getByRole('button', { name: t('fr', 'team-send-submit') }).click();
      await expect(page.getByTestId('team-sent')).toHaveText(t('fr', 'team-send-sent', { count: '1' }));

      await page.goto('/staff/questionnaires');
      await ready(page, javaScript);
      await page.getByLabel(t('fr', 'questionnaire-alerts-label')).check();
      await page.getByRole('button', { name: t('fr', 'questionnaire-alerts-save') }).click();
      await expect(page.getByTestId('alerts-saved')).toHaveText(t('fr', 'questionnaire-alerts-saved'));
      await expect(page.getByLabel(t('fr', 'questionnaire-alerts-label'))).toBeChecked();
      await checkPage(page, javaScript);
    });
  });
}
