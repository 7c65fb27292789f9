import { defineConfig } from '@playwright/test';

// Two workers share the one server. Each speaks from an address of its own (the server trusts
// 127.0.0.1 as its proxy, start-server.sh), so the per-address limits count each worker's flows
// apart, as they did when one worker ran them all. The slot, not the worker: a retry starts a new
// worker in the same slot.
const slot = Number(process.env.TEST_PARALLEL_INDEX ?? 0);

// One real server over a fresh SQLite file, MailDev as its SMTP server, Debian's Chromium.
export default defineConfig({
  testDir: './tests',
  // The longest flows (four people over a dozen pages, each checked with axe) take 25 to 48 s on
  // this 2-core machine depending on its load (CI, 2026-12-07): a test is a failure when it
  // stalls, not when the machine is slow. Each step still waits 10 s at most (`expect`).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // One retry, so that a test which passes only on its second try is reported as "flaky" — and
  // the run fails on it (`failOnFlakyTests`): a flaky test is a defect to fix, not to pass.
  // The intermittent "page never hydrates" stalls had two causes, both fixed: waiting on the app
  // shell instead of the page (`ready()` waits for the page's own mark), and a page served now and
  // then without its script policy (the server sets it now, `middleware::page_policy`; the hand-run
  // `stress.config.ts` opens the staff pages hundreds of times on a busy machine to check).
  retries: 1,
  failOnFlakyTests: true,
  reporter: [['list']],
  // The server's log, once every flow has run: no secret, no panic, no 5xx.
  globalTeardown: './global-teardown.ts',
  use: {
    // A name, not an address: passkeys are bound to a domain (the server listens on 127.0.0.1).
    baseURL: 'http://localhost:3000',
    viewport: { width: 390, height: 844 },
    extraHTTPHeaders: { 'X-Forwarded-For': `198.51.100.${slot + 1}` },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'npx maildev --smtp 1025 --web 1080 --ip 127.0.0.1 --silent',
      url: 'http://127.0.0.1:1080/email',
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: 'bash ./start-server.sh',
      url: 'http://127.0.0.1:3000/readyz',
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
