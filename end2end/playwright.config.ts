import { defineConfig } from '@playwright/test';

// One real server over a fresh SQLite file, MailDev as its SMTP server, Debian's Chromium.
export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry; a test that needed it is listed as "flaky" in the summary. Not yet failing the run
  // (`failOnFlakyTests`): in 2 of 4 full runs, one page with JavaScript on never hydrated
  // within 20 s (seen on /home and /staff/patients/new; cause not found yet — `ready()` and
  // `reportBrowserErrors` now print what the browser fetched and any script error). Issue #16.
  retries: 1,
  failOnFlakyTests: false,
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:3000',
    viewport: { width: 390, height: 844 },
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
