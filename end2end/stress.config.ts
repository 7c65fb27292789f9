import base from './playwright.config';
import { defineConfig } from '@playwright/test';

// The suite's server and browser, for the hand-run stress tests in ./stress.
export default defineConfig({ ...base, testDir: './stress', retries: 0, failOnFlakyTests: false });
