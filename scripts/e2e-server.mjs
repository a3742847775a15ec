// Builds the site with base /notes/ (unless E2E_SKIP_BUILD=1) and serves dist/ under
// that sub-path on 127.0.0.1. Anything outside the sub-path is a 404, so an absolute
// link that forgot the base fails the link crawl.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const port = Number(process.argv[2] ?? 4329);
const base = '/notes/';
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

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain',
  '.bin': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
  '.dat': 'text/plain',
};

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  let path = decodeURIComponent(url.pathname);
  if (!path.startsWith(base)) {
    res.writeHead(404).end('outside base');
    return;
  }
  path = normalize(path.slice(base.length - 1));
  let file = join(root, path);
  try {
    const s = await stat(file);
    if (s.isDirectory()) file = join(file, 'index.html');
  } catch {
    try {
      await stat(`${file}.html`);
      file += '.html';
    } catch {
      /* 404 below */
    }
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));
