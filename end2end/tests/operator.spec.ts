import { test, expect, Page } from '@playwright/test';
import {
  bootstrapOperator, checkPage, emrExport, completeSetup, enterSetupCode, JSON_CALL, linkIn, mailTo, mailWithSubject,
  ready, reportBrowserErrors, t, uniqueEmail,
} from './helpers';

type Lang = 'fr' | 'en';

/** An organisation's request, filled by its legally responsible person and confirmed through the
 * public server functions (the screens are joining.spec.ts's); `admin`: the administrator they
 * designate, else themself. Returns the LRP's address. */
async function confirmedRequest(page: Page, legalName: string, admin?: string): Promise<string> {
  const requester = uniqueEmail('helene.gagnon');
  const designated = admin
    ? { admin_given_name: 'Luc', admin_family_name: 'Roy', admin_email: admin, admin_phone: '514 555 0102' }
    : { lrp_is_admin: 'on' };
  // From an address of its own (the server trusts this machine as its proxy): the requests of the
  // other specs do not use up this one's per-address limit.
  const headers = { ...JSON_CALL, 'X-Forwarded-For': `203.0.113.${1 + Math.floor(Math.random() * 250)}` };
  const asked = await page.request.post('/api/ask_to_join', {
    headers,
    form: {
      kind: 'clinic', requester: 'lrp', legal_name: legalName, address: '123, rue du Parc, Montréal',
      phone: '514 555 0100', lrp_given_name: 'Hélène', lrp_family_name: 'Gagnon', lrp_title: 'Directrice',
      lrp_email: requester, lrp_phone: '514 555 0101', 'services[messaging]': 'on', 'services[invitations]': 'on', attested: 'on',
      ...designated,
    },
  });
  expect(asked.ok()).toBe(true);
  const mail = await mailTo(page, requester);
  const token = new URL(linkIn(mail.text)).pathname.split('/').pop()!;
  const confirmed = await page.request.post('/api/confirm_organisation_request', { headers, form: { token } });
  expect(confirmed.ok()).toBe(true);
  return requester;
}

test('the platform operator: installed, asks a requester, approves; the agreement is signed, the credentials go to two people; a second operator refuses', async ({ page, browser }) => {
  test.setTimeout(180_000);
  reportBrowserErrors(page);
  const fr = (key: string, args: Record<string, string> = {}) => t('fr', key, args);
  const stamp = Date.now();
  const parc = `Clinique du Parc ${stamp}`;
  const fleuve = `GMF du Fleuve ${stamp}`;
  const parcAdmin = uniqueEmail('luc.roy');
  const parcRequester = await confirmedRequest(page, parc, parcAdmin);
  await confirmedRequest(page, fleuve);

  // French, without JavaScript, on a phone: the operator created at installation.
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const olivier = await noScript.newPage();
  const { email, code } = bootstrapOperator('fr');
  const setup = await mailTo(olivier, email);
  expect(setup.subject).toBe(fr('mail-operator-setup-subject'));
  expect(setup.text).not.toContain(code);
  await olivier.goto(linkIn(setup.text));
  await enterSetupCode(olivier, 'fr', code);
  await completeSetup(olivier);
  await expect(olivier).toHaveURL(/\/operator$/);
  await expect(olivier.getByRole('heading', { level: 1, name: fr('operator-requests-title') })).toBeVisible();
  // Oldest first (other specs' requests may wait too).
  const waiting = olivier.getByTestId('operator-requests');
  const rows = await waiting.getByRole('row').allTextContents();
  const at = (name: string) => rows.findIndex((row) => row.includes(name));
  expect(at(parc)).toBeGreaterThan(0);
  expect(at(parc)).toBeLessThan(at(fleuve));
  await checkPage(olivier, false);

  // A question: refused empty with its field's message, then sent.
  await waiting.getByRole('link', { name: parc }).click();
  await expect(olivier.getByRole('heading', { level: 1, name: fr('operator-request-title', { organisation: parc }) })).toBeVisible();
  await expect(olivier.getByText(parcRequester)).toBeVisible();
  await checkPage(olivier, false);
  await olivier.getByRole('button', { name: fr('operator-ask-submit') }).click();
  await expect(olivier.getByText(fr('error-question-required')).first()).toBeVisible();
  const question = 'Quel est votre numéro d\'établissement au ministère?';
  await olivier.getByLabel(fr('operator-ask-label'), { exact: true }).fill(question);
  await olivier.getByRole('button', { name: fr('operator-ask-submit') }).click();
  await expect(olivier.getByTestId('operator-done')).toHaveText(fr('operator-done-ask'));
  await expect(olivier.getByTestId('operator-request-state')).toContainText(fr('request-state-information-requested'));
  await checkPage(olivier, false);

  // The requester answers through the mailed link, without an account or JavaScript.
  const mail = await mailWithSubject(olivier, parcRequester, new RegExp(fr('mail-organisation-request-question-subject', { organisation: parc })));
  expect(mail.text).toContain(question);
  const requester = await noScript.newPage();
  await requester.goto(linkIn(mail.text));
  await expect(requester.getByTestId('join-question')).toHaveText(question);
  await checkPage(requester, false);
  await requester.getByLabel(fr('join-answer-label'), { exact: true }).fill('Le 1234-5678.');
  await requester.getByRole('button', { name: fr('join-answer-submit') }).click();
  await expect(requester.getByTestId('join-answered')).toHaveText(fr('join-answered', { organisation: parc }));
  await checkPage(requester, false);

  await olivier.reload();
  await expect(olivier.getByTestId('operator-request-notes')).toContainText('Le 1234-5678.');
  await olivier.getByRole('button', { name: fr('operator-approve-submit') }).click();
  await expect(olivier.getByTestId('operator-done')).toHaveText(fr('operator-done-approve'));
  await expect(olivier.getByTestId('operator-request-state')).toContainText(fr('request-state-agreement-pending'));
  await expect(olivier.getByRole('button', { name: fr('operator-approve-submit') })).toHaveCount(0);

  // The LRP signs the agreement: refused without their name as on the request, then signed.
  const agreementMail = await mailWithSubject(requester, parcRequester, new RegExp(fr('mail-organisation-agreement-subject', { organisation: parc })));
  await requester.goto(linkIn(agreementMail.text));
  await expect(requester.getByRole('heading', { level: 1, name: fr('join-agreement-title'), exact: true })).toBeVisible();
  await checkPage(requester, false);
  await requester.getByLabel(fr('join-agreement-name-label'), { exact: true }).fill('Quelqu\'un d\'autre');
  await requester.getByLabel(fr('join-agreement-accept'), { exact: true }).check();
  await requester.getByRole('button', { name: fr('join-agreement-submit') }).click();
  await expect(requester.getByText(fr('error-signature-name')).first()).toBeVisible();
  await expect(requester.getByLabel(fr('join-agreement-accept'), { exact: true })).toBeChecked();
  await requester.getByLabel(fr('join-agreement-name-label'), { exact: true }).fill('helene gagnon');
  await requester.getByRole('button', { name: fr('join-agreement-submit') }).click();
  await expect(requester.getByTestId('join-agreement-signed')).toHaveText(fr('join-agreement-signed', { organisation: parc }));
  await checkPage(requester, false);

  // Two mails to two people: the link to the administrator, the code to the LRP.
  const adminMail = await mailTo(requester, parcAdmin);
  expect(adminMail.subject).toBe(fr('mail-setup-subject'));
  const codeMail = await mailWithSubject(requester, parcRequester, new RegExp(fr('mail-administrator-code-subject', { organisation: parc })));
  const adminCode = /[A-Z]-\d{6}/.exec(codeMail.text.replace('A-123456', ''))![0];
  expect(adminMail.text).not.toContain(adminCode);
  // The administrator's own browser (a phone without JavaScript too).
  const adminPhone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const admin = await adminPhone.newPage();
  await admin.goto(linkIn(adminMail.text));
  await enterSetupCode(admin, 'fr', adminCode);
  await completeSetup(admin);
  await expect(admin).toHaveURL(/\/staff$/);
  await expect(admin.getByText(parc).first()).toBeVisible();
  await admin.goto('/staff/settings/agreement');
  await expect(admin.getByTestId('agreement-signed-by')).toContainText('helene gagnon');
  await checkPage(admin, false);
  await admin.emulateMedia({ media: 'print' });
  await expect(admin.getByRole('banner')).toBeHidden();
  await expect(admin.getByRole('contentinfo')).toBeHidden();
  await expect(admin.getByTestId('signed-agreement')).toBeVisible();
  for (const format of ['A4', 'Letter']) {
    const pdf = await admin.pdf({ format, preferCSSPageSize: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }
  await admin.emulateMedia({ media: 'screen' });

  // Landed on the first steps: none done yet. Confirming the details ticks the first.
  await admin.goto('/staff');
  const steps = admin.getByTestId('first-steps');
  await expect(steps).toContainText(fr('first-steps-progress', { done: '0', total: '5' }));
  await checkPage(admin, false);
  await steps.getByRole('link', { name: fr('first-steps-details') }).click();
  await expect(admin.getByLabel(fr('settings-organisation-name'), { exact: true })).toHaveValue(parc);
  await expect(admin.getByText(fr('details-services-hint'))).toBeVisible();
  await admin.getByLabel(fr('settings-organisation-phone'), { exact: true }).fill('');
  await admin.getByRole('button', { name: fr('settings-details-save') }).click();
  await expect(admin.getByText(fr('error-phone-required')).first()).toBeVisible();
  await expect(admin.getByLabel(fr('settings-organisation-name'), { exact: true })).toHaveValue(parc);
  await admin.getByLabel(fr('settings-organisation-phone'), { exact: true }).fill('514 555 0170');
  await admin.getByLabel(fr('settings-time-zone'), { exact: true }).selectOption('America/Halifax');
  await admin.getByRole('button', { name: fr('settings-details-save') }).click();
  await expect(admin.getByRole('status').filter({ hasText: fr('settings-details-saved') })).toBeVisible();
  await expect(admin.getByLabel(fr('settings-organisation-phone'), { exact: true })).toHaveValue('514-555-0170');
  await checkPage(admin, false);
  await admin.goto('/staff');
  await expect(admin.getByTestId('first-steps')).toContainText(fr('first-steps-progress', { done: '1', total: '5' }));

  // The last step from the list, without JavaScript: a CSV of 20 patients previewed, invited, mailed.
  await admin.getByTestId('first-steps').getByRole('link', { name: fr('first-steps-patients') }).click();
  await admin.getByRole('link', { name: fr('patients-import') }).click();
  const { csv, emails } = emrExport(20);
  await admin.getByLabel(fr('import-file-label'), { exact: true }).setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await admin.getByRole('button', { name: fr('import-submit') }).click();
  await expect(admin.getByTestId('import-summary')).toContainText('20 patients seront invités.');
  await admin.getByRole('button', { name: 'Inviter 20 patients' }).click();
  await expect(async () => {
    await admin.reload();
    await expect(admin.getByTestId('import-done')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await checkPage(admin, false);
  expect((await mailTo(admin, emails[0])).subject).toContain(fr('mail-invitation-subject'));
  await admin.goto('/staff');
  await expect(admin.getByTestId('first-steps')).toContainText(fr('first-steps-progress', { done: '2', total: '5' }));

  // The operator reads the same signed agreement from the request.
  await olivier.reload();
  await expect(olivier.getByTestId('operator-request-state')).toContainText(fr('request-state-active'));
  await olivier.getByRole('link', { name: fr('agreement-link') }).click();
  await expect(olivier.getByTestId('agreement-signed-by')).toContainText('helene gagnon');
  await checkPage(olivier, false);

  // The new organisation in the list; suspended (the reason asked first), then reactivated.
  await olivier.getByRole('navigation', { name: fr('operator-nav-label') }).getByRole('link', { name: fr('operator-nav-organisations'), exact: true }).click();
  const card = olivier.getByTestId('operator-organisation').filter({ hasText: parc });
  await expect(card).toContainText(parcAdmin);
  await checkPage(olivier, false);
  await card.getByRole('link', { name: fr('operator-suspend-submit') }).click();
  await card.getByRole('button', { name: fr('operator-suspend-submit') }).click();
  await expect(olivier.getByText(fr('error-suspension-reason-required')).first()).toBeVisible();
  await checkPage(olivier, false);
  await olivier.getByLabel(fr('operator-suspend-label'), { exact: true }).fill('Vérification en cours.');
  await olivier.getByRole('button', { name: fr('operator-suspend-submit') }).click();
  await expect(olivier.getByTestId('operator-done')).toHaveText(fr('operator-done-suspended'));
  await expect(card).toContainText('Vérification en cours.');
  await card.getByRole('button', { name: fr('operator-reactivate-submit') }).click();
  await expect(olivier.getByTestId('operator-done')).toHaveText(fr('operator-done-reactivated'));

  // The services it offers are those asked for; the operator adds questionnaires (no JavaScript).
  await expect(card).toContainText(fr('service-messaging'));
  await expect(card).not.toContainText(fr('service-questionnaires'));
  await card.getByRole('link', { name: fr('operator-services-change') }).click();
  const offering = olivier.getByTestId('offering-form');
  await expect(offering.getByLabel(fr('service-messaging'), { exact: true })).toBeChecked();
  await expect(offering.getByLabel(fr('service-questionnaires'), { exact: true })).not.toBeChecked();
  await checkPage(olivier, false);
  await offering.getByLabel(fr('service-questionnaires'), { exact: true }).check();
  await offering.getByRole('button', { name: fr('operator-services-submit') }).click();
  await expect(olivier.getByTestId('operator-done')).toHaveText(fr('operator-done-services'));
  await expect(card).toContainText(fr('service-questionnaires'));

  // The administrator reads the operator's actions in the organisation's audit trail.
  await admin.goto('/staff/audit?who=operators');
  const trail = admin.getByTestId('audit-trail');
  await expect(trail.getByRole('row').filter({ hasText: fr('audit-organisation-suspended') })).toContainText(fr('role-operator'));
  await expect(trail).toContainText(fr('audit-organisation-reactivated'));
  await expect(trail).toContainText(fr('audit-organisation-services-changed'));
  await checkPage(admin, false);
  await admin.getByLabel(fr('audit-trail-since'), { exact: true }).fill('2026-12-31');
  await admin.getByLabel(fr('audit-trail-until'), { exact: true }).fill('2026-01-01');
  await admin.getByRole('button', { name: fr('audit-trail-show') }).click();
  await expect(admin.getByText(fr('error-date-range'))).toBeVisible();
  await expect(admin.getByLabel(fr('audit-trail-since'), { exact: true })).toHaveValue('2026-12-31');
  await checkPage(admin, false);
  await adminPhone.close();

  // The platform's documents: the terms in force to edit; an empty language is refused, nothing published.
  await olivier.getByRole('navigation', { name: fr('operator-nav-label') }).getByRole('link', { name: fr('operator-nav-documents'), exact: true }).click();
  await expect(olivier.getByRole('heading', { level: 1 })).toHaveText(fr('operator-documents-title'));
  await expect(olivier.getByLabel(fr('operator-document-french'))).toHaveValue(/^# /);
  await checkPage(olivier, false);
  await olivier.getByLabel(fr('operator-document-french')).fill('');
  await olivier.getByRole('button', { name: fr('operator-document-publish', { version: '2' }) }).click();
  await expect(olivier.getByText(fr('error-document-text-required')).first()).toBeVisible();
  await expect(olivier.getByTestId('document-versions').getByRole('row')).toHaveCount(3);

  // Olivier adds Inès, who reads her emails in English: her code is shown once.
  await olivier.getByRole('navigation', { name: fr('operator-nav-label') }).getByRole('link', { name: fr('operator-nav-operators'), exact: true }).click();
  await checkPage(olivier, false);
  const ines = uniqueEmail('ines.haddad');
  await olivier.getByLabel(fr('invite-given-name'), { exact: true }).fill('Inès');
  await olivier.getByLabel(fr('invite-family-name'), { exact: true }).fill('Haddad');
  await olivier.getByLabel(fr('invite-email'), { exact: true }).fill(ines);
  await olivier.getByLabel('English', { exact: true }).check();
  await olivier.getByRole('button', { name: fr('operator-add-submit') }).click();
  await expect(olivier.getByRole('heading', { level: 1, name: fr('operator-code-title') })).toBeVisible();
  const inesCode = (await olivier.getByTestId('secret-code').textContent())!.trim();
  await checkPage(olivier, false);
  await noScript.close();

  // English, with JavaScript, on a laptop: Inès activates and refuses the other request.
  const en = (key: string, args: Record<string, string> = {}) => t('en', key, args);
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const inesPage = await laptop.newPage();
  reportBrowserErrors(inesPage);
  const inesSetup = await mailTo(inesPage, ines);
  expect(inesSetup.subject).toBe(en('mail-operator-setup-subject'));
  await inesPage.goto(linkIn(inesSetup.text));
  await ready(inesPage, true);
  await enterSetupCode(inesPage, 'en', inesCode);
  await completeSetup(inesPage);
  await expect(inesPage).toHaveURL(/\/operator$/);
  await ready(inesPage, true);
  await inesPage.getByRole('link', { name: fleuve }).click();
  await expect(inesPage.getByRole('heading', { level: 1, name: en('operator-request-title', { organisation: fleuve }) })).toBeVisible();
  await inesPage.getByRole('button', { name: en('operator-refuse-submit') }).click();
  await expect(inesPage.getByText(en('error-reason-required')).first()).toBeVisible();
  await checkPage(inesPage, true);
  await inesPage.getByLabel(en('operator-refuse-label'), { exact: true }).fill('A family medicine group joins through its regional health centre.');
  await inesPage.getByRole('button', { name: en('operator-refuse-submit') }).click();
  await expect(inesPage.getByTestId('operator-request-state')).toContainText(en('request-state-refused'));
  await inesPage.getByRole('link', { name: en('operator-request-back') }).click();
  await expect(inesPage.getByRole('heading', { level: 2, name: en('request-state-submitted') })).toBeVisible();
  await expect(inesPage.getByRole('main')).not.toContainText(fleuve);
  await inesPage.getByRole('link', { name: new RegExp(en('request-state-refused')) }).click();
  await expect(inesPage.getByTestId('operator-requests')).toContainText(fleuve);
  await checkPage(inesPage, true);
  await laptop.close();
});
