/**
 * `npm run bench:lighthouse [-- --json FILE] [--runs N] [--skip-build] [--pages a,b]` — Lighthouse
 * (mobile, performance category, default simulated throttling) on the heaviest pages, with the
 * site built under BASE_PATH=/notes and served WITH gzip as GitHub Pages serves it (issue #23:
 * ≥ 95 on the Korean and English Transformer pages). Prints score, LCP, TBT, CLS, transfer bytes
 * and DOM size per page (median of N runs). Not a test: the score moves with the machine's load,
 * so the load average is printed beside it.
 *
 * Chromium: CHROME_PATH, else Debian's /usr/bin/chromium. Build folder: LH_OUT_DIR (default
 * .work/dist-lighthouse); --skip-build reuses it as it is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { z } from 'zod';
import { createStaticServer } from '../scripts/static-server.mjs';
import { median } from './median';

const BASE = '/notes';
const DEFAULT_PAGES = ['study/transformer/', 'en/study/transformer/'];

const Args = z.object({
  json: z.string().optional(),
  runs: z.coerce.number().int().min(1).max(9).default(3),
  skipBuild: z.boolean().default(false),
  pages: z.string().optional(),
});

function parseArgs(argv: readonly string[]): z.infer<typeof Args> {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--skip-build') raw['skipBuild'] = true;
    else if (a === '--json' || a === '--runs' || a === '--pages') raw[a.slice(2)] = argv[++i] ?? '';
    else throw new Error(`unknown argument ${a}`);
  }
  return Args.parse(raw);
}

// What Lighthouse's result gives us: only the fields read below, checked at the boundary.
const Audit = z.object({ numericValue: z.number().optional() });
const Lhr = z.object({
  // Lighthouse's own CPU benchmark of this machine at that moment (a free desktop: ~1,000–2,500).
  environment: z.object({ benchmarkIndex: z.number() }),
  categories: z.object({ performance: z.object({ score: z.number().nullable() }) }),
  audits: z.object({
    'largest-contentful-paint': Audit,
    'first-contentful-paint': Audit,
    'total-blocking-time': Audit,
    'cumulative-layout-shift': Audit,
    'speed-index': Audit,
    'total-byte-weight': Audit,
    'dom-size-insight': Audit,
    'mainthread-work-breakdown': Audit,
  }),
});

interface Row {
  page: string;
  score: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  siMs: number;
  transferKiB: number;
  domElements: number;
  /** Main-thread work during the load (style, layout, script…), unthrottled: what TBT grows from. */
  mainThreadMs: number;
  benchmarkIndex: number;
}

const args = parseArgs(process.argv.slice(2));
const outDir = process.env['LH_OUT_DIR'] || '.work/dist-lighthouse';
if (!args.skipBuild || !existsSync(`${outDir}/index.html`)) {
  console.log(`building the site under ${BASE} into ${outDir} …`);
  execFileSync('npx', ['astro', 'build'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      BASE_PATH: BASE,
      ASTRO_OUT_DIR: outDir,
      ASTRO_CACHE_DIR: process.env['ASTRO_CACHE_DIR'] || '.work/cache-lighthouse',
    },
  });
}

const server = createStaticServer({ root: outDir, base: BASE, gzip: true });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const chrome = await chromeLauncher.launch({
  chromePath: process.env['CHROME_PATH'] || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const pages = args.pages ? args.pages.split(',') : DEFAULT_PAGES;
const rows: Row[] = [];
const load0 = loadavg()[0]!;
try {
  for (const page of pages) {
    const runs: Row[] = [];
    for (let i = 0; i < args.runs; i++) {
      const res = await lighthouse(`${origin}${BASE}/${page}`, {
        port: chrome.port,
        onlyCategories: ['performance'],
        output: 'json',
        logLevel: 'error',
      });
      if (!res) throw new Error(`lighthouse gave no result for ${page}`);
      const lhr = Lhr.parse(res.lhr);
      const n = (k: keyof typeof lhr.audits) => lhr.audits[k].numericValue ?? NaN;
      runs.push({
        page,
        score: Math.round((lhr.categories.performance.score ?? 0) * 100),
        lcpMs: n('largest-contentful-paint'),
        fcpMs: n('first-contentful-paint'),
        tbtMs: n('total-blocking-time'),
        cls: n('cumulative-layout-shift'),
        siMs: n('speed-index'),
        transferKiB: n('total-byte-weight') / 1024,
        domElements: n('dom-size-insight'),
        mainThreadMs: n('mainthread-work-breakdown'),
        benchmarkIndex: lhr.environment.benchmarkIndex,
      });
      console.log(`  ${page} run ${i + 1}: score ${runs.at(-1)!.score}, LCP ${Math.round(runs.at(-1)!.lcpMs)} ms`);
    }
    const m = (f: (r: Row) => number) => median(runs.map(f));
    rows.push({
      page,
      score: m((r) => r.score),
      lcpMs: m((r) => r.lcpMs),
      fcpMs: m((r) => r.fcpMs),
      tbtMs: m((r) => r.tbtMs),
      cls: m((r) => r.cls),
      siMs: m((r) => r.siMs),
      transferKiB: m((r) => r.transferKiB),
      domElements: m((r) => r.domElements),
      mainThreadMs: m((r) => r.mainThreadMs),
      benchmarkIndex: m((r) => r.benchmarkIndex),
    });
  }
} finally {
  chrome.kill();
  server.close();
}

const load1 = loadavg()[0]!;
console.log(`\nLighthouse mobile (performance), gzip, median of ${args.runs}; load average ${load0.toFixed(1)} → ${load1.toFixed(1)}`);
console.log('page\tscore\tLCP ms\tFCP ms\tTBT ms\tCLS\tSI ms\ttransfer KiB\tDOM elements\tmain thread ms\tbenchmarkIndex');
for (const r of rows) {
  console.log(
    [
      r.page,
      r.score,
      Math.round(r.lcpMs),
      Math.round(r.fcpMs),
      Math.round(r.tbtMs),
      r.cls.toFixed(3),
      Math.round(r.siMs),
      r.transferKiB.toFixed(1),
      r.domElements,
      Math.round(r.mainThreadMs),
      Math.round(r.benchmarkIndex),
    ].join('\t'),
  );
}
if (args.json) {
  writeFileSync(
    args.json,
    `${JSON.stringify({ date: new Date().toISOString(), base: BASE, runs: args.runs, loadAverage: [load0, load1], pages: rows }, null, 2)}\n`,
  );
  console.log(`wrote ${args.json}`);
}
