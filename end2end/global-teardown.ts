import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { MAILDEV, PASSWORD } from './tests/helpers';

/**
 * After every flow has run: the server's log (JSON, one object per line, start-server.sh) holds
 * no secret the flows handled, no panic and no 5xx. The secrets are every code, token and link
 * in the mails MailDev received, the passwords typed, and what the tests noted (`remember`):
 * printed codes and authenticators' secrets.
 */
export default async function checkTheServerLog() {
  const dir = process.env.E2E_DIR ?? path.resolve(__dirname, '.tmp');
  const logFile = path.join(dir, 'server.log');
  if (!existsSync(logFile)) throw new Error(`no server log at ${logFile}`);

  const secrets = new Set<string>([PASSWORD, 'pas le bon mot de passe', 'not the right password']);
  const noted = path.join(dir, 'secrets.txt');
  if (existsSync(noted)) readFileSync(noted, 'utf8').split('\n').filter(Boolean).forEach((s) => secrets.add(s));
  const mails: { text?: string; html?: string }[] = await (await fetch(`${MAILDEV}/email`)).json();
  for (const mail of mails) {
    const body = `${mail.text ?? ''}\n${mail.html ?? ''}`;
    for (const [code] of body.matchAll(/\b(?:[A-Z]-)?\d{6}\b/g)) secrets.add(code);
    for (const [, address] of body.matchAll(/https?:\/\/localhost:3000(\/[^\s"'<>]+)/g)) {
      // The link's token: a path segment or query value as long as a token is.
      address.split(/[/?=&#]/).filter((part) => part.length >= 22).forEach((token) => secrets.add(token));
    }
  }

  // A code is found only as itself (not inside a longer number); anything else wherever it is.
  const found = [...secrets].map((secret) => {
    const code = /^(?:[A-Z]-)?\d{6}$/.test(secret) ? new RegExp(`\\b${secret}\\b`) : undefined;
    return { secret, in: (text: string) => (code ? code.test(text) : text.includes(secret)) };
  });

  const lines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
  const leaks: string[] = [];
  const faults: string[] = [];
  let requests = 0;
  for (const line of lines) {
    let text = line;
    try {
      const event = JSON.parse(line) as Record<string, unknown>;
      // Only the words: a timestamp's or a duration's digits can look like a 6-digit code.
      text = Object.entries(event)
        .filter(([key, value]) => key !== 'timestamp' && typeof value === 'string').map(([, v]) => v).join(' ');
      if (event.route !== undefined) requests++;
      if (typeof event.status === 'number' && event.status >= 500) faults.push(line);
    } catch {
      // Not JSON: something wrote beside the log (a panic's message goes to standard error).
    }
    if (/panicked/.test(line)) faults.push(line);
    for (const { secret, in: isIn } of found) {
      if (isIn(text)) leaks.push(`${secret.slice(0, 4)}… in: ${line.slice(0, 300)}`);
    }
  }
  console.log(`[server log] ${lines.length} lines, ${requests} requests, ${secrets.size} secrets from ${mails.length} mails and the tests: ${leaks.length} found, ${faults.length} panics or 5xx`);
  if (requests === 0) throw new Error('the server log names no request: is LOG_FORMAT=json set?');
  if (leaks.length > 0 || faults.length > 0) {
    throw new Error(`the server log holds secrets or faults:\n${[...leaks, ...faults].slice(0, 20).join('\n')}`);
  }
}
