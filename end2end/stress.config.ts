import base from './playwright.config';
import { defineConfig } from '@playwright/test';

// The suite's server and browser, for the hand-run stress tests in ./stress; the server's log
// goes to $SERVER_LOG (default /tmp/portail-stress.log).
const log = process.env.SERVER_LOG ?? '/tmp/portail-stress.log';
const webServer = (base.webServer as { command: string }[]).map((server) =>
  server.command.includes('start-server') ? { ...server, command: `bash ./start-server.sh > ${log} 2>&1` } : server);
export default defineConfig({ ...base, testDir: './stress', retries: 0, failOnFlakyTests: false, webServer });
