import { test, expect } from '@playwright/test';
import { checkPage, ready, reportBrowserErrors, mailWithSubject, linkIn, t, uniqueEmail } from './helpers';

type Lang = 'fr' | 'en';

/** A long date as the locale writes it ("6 décembre 2026", "December 6, 2026"). */
function longDate(language: Lang, date: Date): string {
  const day = date.getDate() === 1 && language === 'fr' ? '1er' : String(date.getDate());
  return t(language, 'date-long', { day, month: t(language, `month-${date.getMonth() + 1}`), year: String(date.getFullYear()) });
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The public form is used without JavaScript on a phone in French, with it on a laptop in English.
const runs: { language: Lang; javaScript: boolean; width: number }[] = [
  { language: 'fr', javaScript: false, width: 390 },
  { language: 'en', javaScript: true, width: 1280 },
];

for (const { language, javaScript, width } of runs) {
  test.describe(`joining (${language}, JavaScript ${javaScript ? 'on' : 'off'}, ${width} px)`, () => {
    test.use({ javaScriptEnabled: javaScript, viewport: { width, height: 900 } });

    test('the privacy policy, from the footer and from the request form', async ({ page }) => {
      reportBrowserErrors(page);
      const tr = (key: string) => t(language, key);
      await page.goto(`/join/request?custodian=yes&kind=clinic&requester=lrp&lang=${language}`);
      await ready(page, javaScript);
      await expect(page.getByText(tr('privacy-notice'))).toBeVisible();
      await page.getByRole('main').getByRole('link', { name: tr('privacy-notice-link') }).click();
      await expect(page.getByRole('heading', { level: 1, name: tr('privacy-title') })).toBeVisible();
      await ready(page, javaScript);
      await expect(page.getByRole('heading', { level: 2, name: tr('privacy-who-title') })).toBeVisible();
      await expect(page.getByText(tr('privacy-who-operator'))).toBeVisible();
      await checkPage(page, javaScript);
      await page.goto('/help');
      await ready(page, javaScript);
      await page.getByRole('contentinfo').getByRole('link', { name: tr('footer-privacy') }).click();
      await expect(page.getByRole('heading', { level: 1, name: tr('privacy-title') })).toBeVisible();
    });

    test('from the Join page to a confirmed request, with the questions and a refused field on the way', async ({ page }) => {
      reportBrowserErrors(page);
      const tr = (key: string, args: Record<string, string> = {}) => t(language, key, args);
      await page.goto(`/?lang=${language}`);
      await ready(page, javaScript);
      await page.getByRole('link', { name: tr('footer-join') }).click();
      await expect(page.getByRole('heading', { level: 1, name: tr('join-title') })).toBeVisible();
      await ready(page, javaScript);
      // Nothing waits yet: today, in Montréal (a day behind UTC late at night).
      const days = [0, 1].map((back) => tr('join-processing', { date: longDate(language, new Date(Date.now() - back * 86_400_000)) }));
      await expect(page.getByTestId('join-processing')).toHaveText(new RegExp(days.map(escaped).join('|')));
      await checkPage(page, javaScript);

      // Not a custodian: a plain explanation, and the way back keeps the answers.
      await page.getByLabel(tr('join-no'), { exact: true }).check();
      await page.getByLabel(tr('join-kind'), { exact: true }).selectOption('family_medicine_group');
      await page.getByLabel(tr('join-requester-lrp'), { exact: true }).check();
      await page.getByRole('button', { name: tr('join-continue') }).click();
      await expect(page.getByTestId('join-not-eligible')).toHaveText(tr('join-not-custodian-body'));
      await checkPage(page, javaScript);
      await page.getByRole('link', { name: tr('join-change-answers') }).click();
      await ready(page, javaScript);
      await expect(page.getByLabel(tr('join-requester-lrp'), { exact: true })).toBeChecked();
      await expect(page.getByLabel(tr('join-kind'), { exact: true })).toHaveValue('family_medicine_group');

      // A delegate of the LRP asks.
      await page.getByLabel(tr('join-yes'), { exact: true }).check();
      await page.getByLabel(tr('join-requester-delegate'), { exact: true }).check();
      await page.getByRole('button', { name: tr('join-continue') }).click();
      await expect(page.getByRole('heading', { level: 1, name: tr('join-request-title') })).toBeVisible();
      await ready(page, javaScript);
      const delegate = uniqueEmail('ana.lima');
      const legalName = `Clinique du Parc ${Date.now()}`;
      await page.getByLabel(tr('join-legal-name'), { exact: true }).fill(legalName);
      await page.getByLabel(tr('join-address'), { exact: true }).fill('123, rue du Parc, Montréal (Québec) H2X 1Y4');
      await page.getByLabel(tr('join-phone'), { exact: true }).fill('514 555 0100');
      await page.getByLabel(tr('join-delegate-name'), { exact: true }).fill('Ana Lima');
      await page.getByLabel(tr('join-delegate-email'), { exact: true }).fill(delegate);
      const lrp = page.getByRole('group', { name: tr('join-lrp') });
      await lrp.getByLabel(tr('join-given-name'), { exact: true }).fill('Hélène');
      await lrp.getByLabel(tr('join-family-name'), { exact: true }).fill('Gagnon');
      await lrp.getByLabel(tr('join-lrp-title'), { exact: true }).fill('Directrice médicale');
      await lrp.getByLabel(tr('join-email'), { exact: true }).fill(uniqueEmail('helene.gagnon'));
      await lrp.getByLabel(tr('join-phone-person'), { exact: true }).fill('514 555 0101');
      await page.getByLabel(tr('join-lrp-is-admin'), { exact: true }).check();
      await page.getByLabel(t(language, 'service-messaging'), { exact: true }).check();
      // The attestation is left unticked: refused on its field, everything typed kept.
      await page.getByRole('button', { name: tr('join-submit') }).click();
      await expect(page.getByText(tr('error-join-attestation-required')).first()).toBeVisible();
      await expect(page.getByLabel(tr('join-legal-name'), { exact: true })).toHaveValue(legalName);
      await expect(page.getByLabel(t(language, 'service-messaging'), { exact: true })).toBeChecked();
      await expect(page.getByLabel(tr('join-lrp-is-admin'), { exact: true })).toBeChecked();
      await checkPage(page, javaScript);
      await page.getByLabel(tr('join-attestation'), { exact: true }).check();
      await page.getByRole('button', { name: tr('join-submit') }).click();
      await expect(page.getByRole('heading', { level: 1, name: tr('join-sent-title') })).toBeVisible();
      await checkPage(page, javaScript);

      const mail = await mailWithSubject(page, delegate, new RegExp(tr('mail-organisation-request-subject')));
      expect(mail.text).toContain(legalName);
      await page.goto(linkIn(mail.text));
      await ready(page, javaScript);
      await expect(page.getByText(tr('join-confirm-body', { organisation: legalName }))).toBeVisible();
      await checkPage(page, javaScript);
      await page.getByRole('button', { name: tr('join-confirm-submit') }).click();
      await expect(page.getByTestId('join-confirmed')).toHaveText(tr('join-confirmed', { organisation: legalName }));
      await expect(page.getByTestId('join-processing')).toBeVisible();
      await checkPage(page, javaScript);
    });
  });
}
