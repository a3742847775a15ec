// Builds the site (unless E2E_SKIP_BUILD=1) with BASE_PATH=/notes — written exactly as the Pages
// workflow passes it (actions/configure-pages: no trailing slash) — and serves it under /notes/
// on 127.0.0.1 (scripts/static-server.mjs). Anything outside the sub-path is a 404, so an
// absolute link that forgot the base fails the link crawl.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createStaticServer, servedPrefix } from './static-server.mjs';

const port = Number(process.argv[2] ?? 4329);
const base = '/notes';
const root = join(process.cwd(), process.env.ASTRO_OUT_DIR || 'dist');

if (process.env.E2E_SKIP_BUILD !== '1') {
  // The smoke sweep runs end to end first (finished runs are skipped on
  // re-runs); the build loads its artifacts from RESULTS_EXTRA_DIR, so content/ stays clean.
  const extra = process.env.RESULTS_EXTRA_DIR || '.work/e2e-results';
  if (process.env.E2E_SKIP_SWEEP !== '1') {
    const s = spawnSync('npm', ['run', 'sweep', '--', '--config', 'smoke', '--out', extra], { stdio: 'inherit' });
    if (s.status !== 0) process.exit(s.status ?? 1);
  }
  const r = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit', env: { ...process.env, BASE_PATH: base, RESULTS_EXTRA_DIR: extra } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

createStaticServer({ root, base }).listen(port, '127.0.0.1', () =>
  console.log(`serving ${root} at http://127.0.0.1:${port}${servedPrefix(base)}`),
);
