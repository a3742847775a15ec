import { defineConfig } from 'vitest/config';

// Only unit tests: Playwright's *.spec.ts files under test/e2e must not be collected here.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
