import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './scripts/chromium.mjs';

// The browser scripts/chromium.mjs finds (CHROMIUM_PATH, Playwright's, the system's), with the flags CI needs.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  workers: 2,
  fullyParallel: true,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM, args: chromiumArgs },
  },
});
