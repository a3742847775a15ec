// npm run bench:weight [-- --no-build] [-- --dist DIR] [-- --budget-kb 50]
// Builds the site (into .work/dist-weight unless --dist/--no-build) and prints, per built page,
// the gzipped bytes of all JavaScript the page ships on load: <script src>, <link rel=modulepreload>,
// inline <script>s, and every chunk those load through static imports (import/export … from).
// Chunks reached only through dynamic import() or worker URLs (the tfjs demos, loaded when visible) are shown
// in a separate column and not counted. Exits non-zero if a text-only note page exceeds the budget.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const dist = opt('--dist', process.env.ASTRO_OUT_DIR || '.work/dist-weight');
const budget = Number(opt('--budget-kb', '50')) * 1024;
// Pages that are prose + math + static figures only: no demo island.
const TEXT_ONLY = [
  'index.html',
  'study/llm-vs-vlm/index.html',
  'study/vlm-components/index.html',
  'study/vlm-training/index.html',
  'study/vlm-uses-limits/index.html',
  'study/what-matters-vlm/index.html',
  'research/2025-05-02/index.html',
];

if (!flag('--no-build')) {
  console.log(`building into ${dist} …`);
  const r = spawnSync('npx', ['astro', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_OUT_DIR: dist, ASTRO_CACHE_DIR: process.env.ASTRO_CACHE_DIR || '.work/cache-weight' },
  });
  if (r.status !== 0) {
    console.error('astro build failed');
    process.exit(r.status ?? 1);
  }
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`no built site in ${dist} (run without --no-build, or pass --dist DIR)`);
  process.exit(2);
}

const base = (() => {
  // the site's base path, read from the first stylesheet/script URL of the home page
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const m = /(?:src|href)="(\/[^"]*?)_astro\//.exec(html);
  return m ? m[1] : '/';
})();

const gz = new Map();
const gzipBytes = (buf) => gzipSync(buf, { level: 9 }).length;
function fileGz(path) {
  if (!gz.has(path)) gz.set(path, gzipBytes(readFileSync(path)));
  return gz.get(path);
}
/** A JS URL on the page -> its file in dist (null for external URLs). */
function urlToFile(url, fromFile) {
  if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//')) return null;
  const p = url.startsWith('/') ? url.slice(base.length) : posix.join(posix.dirname(fromFile), url);
  return join(dist, p.split('?')[0]);
}
const STATIC_RE = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'`]([^"'`]+\.m?js)["'`]/g;
// import("./x.js") and workers: new URL("./x.js", import.meta.url)
const DYNAMIC_RE = /\b(?:import\(|new URL\()\s*["'`]([^"'`]+\.m?js)["'`]\s*(?:\)|,[^)]*?import\.meta\.url)/g;

function closure(entries) {
  const stat = new Set();
  const dyn = new Set();
  const visit = (file, into) => {
    if (!file || into.has(file) || stat.has(file) || !existsSync(file)) return;
    into.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_RE)) visit(urlToFile(m[1], relative(dist, file)), into);
    for (const m of code.matchAll(DYNAMIC_RE)) visit(urlToFile(m[1], relative(dist, file)), dyn);
  };
  for (const e of entries) visit(e, stat);
  for (const f of stat) dyn.delete(f);
  return { stat, dyn };
}

function pages(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === '_astro' || n === 'pagefind' ? [] : pages(p);
    return n.endsWith('.html') ? [p] : [];
  });
}

const rows = [];
for (const file of pages(dist)) {
  const rel = relative(dist, file).split('\\').join('/');
  const { document } = parseHTML(readFileSync(file, 'utf8'));
  const entries = [];
  let inline = 0;
  for (const s of document.querySelectorAll('script')) {
    const type = (s.getAttribute('type') || '').toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue; // JSON data etc.
    const src = s.getAttribute('src');
    if (src) entries.push(urlToFile(src, rel));
    else if (s.textContent.trim()) inline += gzipBytes(Buffer.from(s.textContent));
  }
  for (const l of document.querySelectorAll('link[rel="modulepreload"]')) entries.push(urlToFile(l.getAttribute('href'), rel));
  const { stat, dyn } = closure(entries.filter(Boolean));
  const ext = [...stat].reduce((a, f) => a + fileGz(f), 0);
  const lazy = [...dyn].reduce((a, f) => a + fileGz(f), 0);
  rows.push({ page: rel, files: stat.size, inline, total: ext + inline, lazy, textOnly: TEXT_ONLY.includes(rel) });
}
rows.sort((a, b) => a.page.localeCompare(b.page));

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const baseline = Math.min(...rows.filter((r) => r.textOnly).map((r) => r.total));
console.log(
  `\nJS shipped on load, gzip -9 (base ${base}; budget for text-only notes ${kb(budget).trim()} KB; baseline = lightest text-only page ${kb(baseline).trim()} KB)\n`,
);
console.log(
  `${'page'.padEnd(42)} ${'files'.padStart(5)} ${'inline KB'.padStart(9)} ${'total KB'.padStart(8)} ${'×base'.padStart(6)} ${'×budget'.padStart(7)} ${'lazy KB'.padStart(8)}  kind`,
);
let fail = false;
for (const r of rows) {
  const over = r.textOnly && r.total > budget;
  if (over) fail = true;
  console.log(
    `${r.page.padEnd(42)} ${String(r.files).padStart(5)} ${kb(r.inline).padStart(9)} ${kb(r.total).padStart(8)} ${(r.total / baseline).toFixed(2).padStart(6)} ${(r.total / budget).toFixed(2).padStart(7)} ${kb(r.lazy).padStart(8)}  ${r.textOnly ? 'text-only' : ''}${over ? '  OVER BUDGET' : ''}`,
  );
}
const missing = TEXT_ONLY.filter((p) => !rows.some((r) => r.page === p));
if (missing.length) {
  console.error(`text-only pages not found in ${dist}: ${missing.join(', ')}`);
  fail = true;
}
const worst = Math.max(...rows.filter((r) => r.textOnly).map((r) => r.total));
console.log(`\ntext-only note pages: max ${kb(worst).trim()} KB of ${kb(budget).trim()} KB budget → ${fail ? 'FAIL' : 'OK'}`);
process.exit(fail ? 1 : 0);
