import { defineConfig } from '@playwright/test';
import { accessSync, constants } from 'node:fs';

// End-to-end tests run in Debian's Chromium (no browser download): the built site is
// served under a sub-path, as GitHub project pages are, so base-path bugs show up here.
export const E2E_BASE = '/notes/';
const PORT = Number(process.env.E2E_PORT ?? 4329);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without a browser every test would fail at launch, one identical error each, after the build:
// stop here, before the build, with the one thing to do.
try {
  accessSync(executablePath, constants.X_OK);
} catch {
  console.error(
    `e2e tests need Chromium, and there is no executable at ${executablePath}` +
      `${process.env.CHROMIUM_PATH ? ' (CHROMIUM_PATH)' : ''}.\n` +
      'Install it (Debian/Ubuntu):  apt-get install chromium fonts-noto-cjk\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable, e.g. CHROMIUM_PATH=/usr/bin/chromium npm test',
  );
  process.exit(1);
}
const commonArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${E2E_BASE}`,
    // The KD page registers a service worker for cross-origin isolation and reloads once on the
    // first visit; tests see the page as it loads unless they opt in (kd-threads.spec.ts does).
    serviceWorkers: 'block',
    trace: 'off',
  },
  projects: [
    {
      // What most readers have: no WebGPU adapter (requestAdapter() returns null).
      name: 'chromium-fallback',
      use: { browserName: 'chromium', launchOptions: { executablePath, args: commonArgs } },
    },
    {
      // Software WebGPU (SwiftShader) through --enable-unsafe-webgpu; only tests tagged @webgpu.
      name: 'chromium-webgpu',
      grep: /@webgpu/,
      use: { browserName: 'chromium', launchOptions: { executablePath, args: [...commonArgs, '--enable-unsafe-webgpu'] } },
    },
  ],
  webServer: {
    command: `node scripts/e2e-server.mjs ${PORT}`,
    url: `http://127.0.0.1:${PORT}${E2E_BASE}`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
  },
});
