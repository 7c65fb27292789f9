import { Browser, BrowserContext, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import * as OTPAuth from 'otpauth';
import * as path from 'node:path';

export const MAILDEV = 'http://127.0.0.1:1080';

const locales: Record<string, Map<string, string>> = {};

/**
 * A one-line text of the locale files, `{ $name }` placeholders filled from `args`: tests follow
 * the wording instead of copying it.
 */
export function t(language: 'fr' | 'en', key: string, args: Record<string, string> = {}): string {
  if (!locales[language]) {
    const file = readFileSync(path.resolve(__dirname, `../../locales/${language}/main.ftl`), 'utf8');
    locales[language] = new Map(
      file.split('\n').filter((line) => /^[a-z][a-z0-9-]* = /.test(line))
        .map((line) => [line.slice(0, line.indexOf(' = ')), line.slice(line.indexOf(' = ') + 3)]),
    );
  }
  const text = locales[language].get(key);
  if (text === undefined) throw new Error(`no one-line text ${key} in locales/${language}`);
  return text.replace(/\{ \$([a-z_]+) \}/g, (_, name: string) => args[name] ?? `{ $${name} }`);
}
export const PASSWORD = 'une phrase de passe assez longue';

/**
 * Notes a secret a test handled outside the mails (a printed code, an authenticator's secret):
 * the run's teardown (global-teardown.ts) checks that none reached the server's log.
 */
export function remember(secret: string) {
  appendFileSync(path.resolve(__dirname, '../.tmp/secrets.txt'), `${secret}\n`);
}

/** Runs `portail bootstrap` against the server's database; returns the secret code it printed. */
function runBootstrap(args: string[]): string {
  const printed = execFileSync(path.resolve(__dirname, '../../target/release/portail'), ['bootstrap', ...args], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${path.resolve(__dirname, '../.tmp/portail.db')}`,
      PUBLIC_URL: 'http://localhost:3000',
    },
  }).toString();
  const code = /secret code[^\n]*: ([A-Z]-\d{6})/.exec(printed)?.[1];
  if (!code) throw new Error(`no secret code in the bootstrap output:\n${printed}`);
  remember(code);
  return code;
}

/** An organisation and its first administrator; returns the admin's email and secret code. */
export function bootstrapAdmin(language: 'fr' | 'en', organisation: string): { email: string; code: string } {
  const email = `admin-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
  const code = runBootstrap([
    '--email', email, '--organisation', organisation,
    '--given-name', language === 'fr' ? 'Camille' : 'Jordan', '--family-name', 'Gagnon', '--language', language,
  ]);
  return { email, code };
}

/** The platform's first operator (once per database); returns their email and secret code. */
export function bootstrapOperator(language: 'fr' | 'en'): { email: string; code: string } {
  const email = uniqueEmail('operateur');
  const code = runBootstrap(['--email', email, '--given-name', 'Olivier', '--family-name', 'Côté', '--language', language]);
  return { email, code };
}

/** On a setup link's page after its code: password and authenticator; returns the app's secret. */
export async function completeSetup(page: Page): Promise<string> {
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  remember(secret);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#password_confirmation').fill(PASSWORD);
  await page.locator('#code').fill(totp(secret));
  await page.locator('#accept_terms').check();
  await page.locator('main form button[type=submit]').click();
  return secret;
}

/** On a setup link's first page: enters the secret code, which opens the rest of the page. */
export async function enterSetupCode(page: Page, language: 'fr' | 'en', code: string) {
  await expect(page.getByTestId('totp-secret')).toHaveCount(0);
  // Typed before the app took over, the code can be emptied by hydration (#32's known loss,
  // typing.spec.ts): the form then answers "format" and the code is entered again.
  for (let attempt = 1; ; attempt++) {
    await page.getByLabel(t(language, 'setup-code-label')).fill(code);
    await page.getByRole('button', { name: t(language, 'invitation-code-submit') }).click();
    const secret = page.getByTestId('totp-secret');
    const format = page.getByText(t(language, 'error-code-format')).first();
    await expect(secret.or(format)).toBeVisible();
    if (await secret.isVisible()) return;
    if (attempt === 3) break;
  }
  await expect(page.getByTestId('totp-secret')).toBeVisible();
}

type MailDevMail = { subject: string; text: string; to: { address: string }[] };

/** Waits for the mail MailDev received for `to`, as the server's worker delivered it over SMTP. */
export async function mailTo(page: Page, to: string): Promise<MailDevMail> {
  let found: MailDevMail | undefined;
  await expect.poll(async () => {
    const response = await page.request.get(`${MAILDEV}/email`);
    const mails: MailDevMail[] = await response.json();
    found = mails.reverse().find((m) => m.to.some((r) => r.address === to));
    return found !== undefined;
  }, { timeout: 20_000 }).toBe(true);
  return found!;
}

/** Waits for a mail to `to` whose subject matches. */
export async function mailWithSubject(page: Page, to: string, subject: RegExp): Promise<MailDevMail> {
  let found: MailDevMail | undefined;
  await expect.poll(async () => {
    const mails: MailDevMail[] = await (await page.request.get(`${MAILDEV}/email`)).json();
    found = mails.reverse().find((m) => m.to.some((r) => r.address === to) && subject.test(m.subject));
    return found !== undefined;
  }, { timeout: 20_000 }).toBe(true);
  return found!;
}

export function linkIn(text: string): string {
  const match = text.match(/http:\/\/localhost:3000\/\S+/);
  if (!match) throw new Error(`no link in mail: ${text}`);
  return match[0];
}

/** The code an authenticator app shows `offsetSteps` × 30 s from now. */
export function totp(secret: string, offsetSteps = 0): string {
  const generator = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return generator.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/**
 * No axe-core violation, and nothing wider than the 390 px screen. axe runs inside the page; a page
 * opened with JavaScript off is audited as that browser shows it: its DOM is served to a twin tab
 * that may run axe, with the page's scripts removed and `<noscript>` content shown.
 */
export async function checkPage(page: Page, javaScript = true) {
  let target = page;
  let twin: BrowserContext | undefined;
  if (!javaScript) {
    const url = page.url();
    const html = (await page.content())
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
      .replace(/<\/?noscript>/gi, '');
    twin = await page.context().browser()!.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
    target = await twin.newPage();
    await target.route('**/*', (route) => {
      const request = route.request();
      if (request.isNavigationRequest()) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      return /\.(js|wasm)(\?|$)/.test(request.url()) ? route.abort() : route.continue();
    });
    await target.goto(url);
    expect(await target.locator('html[data-hydrated]').count(), 'the audited copy never hydrates').toBe(0);
  }
  try {
    const results = await new AxeBuilder({ page: target }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    const overflow = await target.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  } finally {
    await twin?.close();
  }
}

/** Prints the page's script errors into the test's output, so a failed hydration says why. */
export function reportBrowserErrors(page: Page) {
  page.on('pageerror', (error) => console.error(`[page error] ${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    // A refused form (4xx) is logged by the browser too; it is expected, not an error of the page.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) {
      console.error(`[console error] ${page.url()}: ${message.text()}`);
    }
  });
}

/** With JavaScript on, waits until the WebAssembly app has taken over the page. */
export async function ready(page: Page, javaScript: boolean) {
  if (!javaScript) return;
  try {
    // Each page marks itself with its path (PageTitle) once hydrated: a lazily loaded page comes
    // after the shell. Compared with the address as it is now: a link just followed may still be
    // on its way.
    await expect.poll(
      () => page.evaluate(() => document.documentElement.dataset.hydrated === location.pathname),
      { timeout: 20_000 },
    ).toBe(true);
  } catch (error) {
    // Say what the browser fetched of the app, to tell a failed download from a failed start.
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('/pkg/'))
      .map((e) => { const r = e as PerformanceResourceTiming; return `${r.name} ${Math.round(r.duration)} ms ${r.transferSize} B status ${r.responseStatus}`; }));
    console.error(`[not hydrated] ${page.url()}: ${JSON.stringify(fetched)}`);
    throw error;
  }
}

/** A new organisation whose administrator has completed the setup; the page is signed in. */
export async function signedInAdmin(page: Page, language: 'fr' | 'en', organisation: string) {
  reportBrowserErrors(page);
  const { email, code } = bootstrapAdmin(language, organisation);
  const mail = await mailTo(page, email);
  await page.goto(linkIn(mail.text));
  await enterSetupCode(page, language, code);
  const secret = await completeSetup(page);
  await expect(page).toHaveURL(/\/staff$/);
  return { email, secret };
}

export function uniqueEmail(name: string): string {
  return `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
}

export const JSON_CALL = { Accept: 'application/json', Origin: 'http://localhost:3000' };

/**
 * A patient invited by the signed-in `staff` page who has created the account, signed in in a
 * browser context of their own. The screens of this onboarding are covered by its own spec; here
 * it goes through the same server functions.
 */
export async function patientAccount(
  staff: Page, browser: Browser, language: 'fr' | 'en', javaScript: boolean, email = uniqueEmail('lea'),
): Promise<{ patient: Page; email: string }> {
  const issued = await staff.request.post('/api/invite_patient', {
    headers: JSON_CALL,
    form: { given_name: 'Léa', family_name: 'Tremblay', birth_date: '1990-04-12', email, language, mobile: '' },
  });
  expect(issued.ok()).toBe(true);
  const code = (await issued.json()).code as string;
  const patient = await joinWithCode(browser, language, javaScript, email, code);
  return { patient, email };
}

/**
 * A caregiver of the patient `patientId` with `scope` (the messages by default), added by the
 * signed-in `staff` page, who has created the account, signed in in a browser context of their
 * own; with the grant.
 */
export async function caregiverAccount(
  staff: Page, browser: Browser, language: 'fr' | 'en', javaScript: boolean, patientId: string,
  scope: string[] = ['messages'],
): Promise<{ caregiver: Page; grant: string }> {
  const email = uniqueEmail('marie');
  const issued = await staff.request.post('/api/add_caregiver', {
    headers: JSON_CALL,
    form: {
      patient_id: patientId, given_name: 'Marie', family_name: 'Gagnon', email, language,
      relationship: 'helper', ends_on: '', note: '', ...Object.fromEntries(scope.map((area) => [area, 'on'])),
    },
  });
  expect(issued.ok(), await issued.text()).toBe(true);
  const caregiver = await joinWithCode(browser, language, javaScript, email, (await issued.json()).code as string);
  await caregiver.goto('/home');
  const acting = await caregiver.locator('a[href^="/for/"]').first().getAttribute('href');
  return { caregiver, grant: acting!.split('/')[2] };
}

/** Someone invited to `email` (the last invitation mailed there) enters `code` and creates their account, in a browser of their own at 390 px. */
export async function joinWithCode(browser: Browser, language: 'fr' | 'en', javaScript: boolean, email: string, code: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  reportBrowserErrors(page);
  // The invitation link opens in the invitation's language, which the browser then remembers.
  await page.goto(`/?lang=${language}`);
  const token = linkIn((await mailTo(page, email)).text).split('/invitation/')[1].split(/[?\s]/)[0];
  expect((await page.request.post('/api/check_invitation_code', { headers: JSON_CALL, form: { token, code } })).ok()).toBe(true);
  const created = await page.request.post('/api/create_patient_account', { headers: JSON_CALL, form: { token, password: PASSWORD, password_confirmation: PASSWORD, accept_terms: 'on' } });
  expect(created.ok()).toBe(true);
  return page;
}

/** An EMR export of `count` patients (and one row without a date of birth), as Excel writes it: semicolons. */
export function emrExport(count: number): { csv: string; emails: string[] } {
  const emails = Array.from({ length: count }, (_, i) => uniqueEmail(`patient${i + 1}`));
  const rows = emails.map((email, i) => `${1000 + i};Patient${i + 1};Gagnon;1980-01-${String((i % 28) + 1).padStart(2, '0')};${email};;${i % 2 ? 'en' : 'fr'}`);
  const csv = ['No dossier;Prénom;Nom;Date de naissance;Courriel;Cellulaire;Langue', ...rows, '2000;Sans;Date;;sans.date@example.org;;fr'].join('\r\n');
  return { csv, emails };
}
