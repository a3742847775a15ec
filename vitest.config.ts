import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const at = (dir: string): string => fileURLToPath(new URL(`./${dir}/`, import.meta.url));

// Only unit tests: Playwright's *.spec.ts files under test/e2e must not be collected here.
// The path aliases are tsconfig.json's (Astro, tsx and Playwright read them from there).
export default defineConfig({
  resolve: { alias: { '@demos/': at('demos'), '@src/': at('src'), '@data/': at('data') } },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
