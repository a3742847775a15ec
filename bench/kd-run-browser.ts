/**
 * Browser half of bench:kd-run: serves a built site (base /notes/) on 127.0.0.1, opens the
 * KD page in Debian's Chromium with ?backend=<b> for each browser backend, runs the default
 * config in the page's worker and reads each phase's duration from the result table
 * (data-ms, measured in the worker). WebGPU runs with --enable-unsafe-webgpu (SwiftShader).
 * A backend the runtime cannot start here is reported as skipped (the badge says why).
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { PHASES, type Phase } from '../demos/kd/experiment/phases';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/**
 * The built site under /notes/ on a free port. With `shareDir`, /notes/data/pamap2/* is answered
 * from that folder instead (the memory load test's full-size share); `served` lists those files.
 */
export function serve(root: string, shareDir?: string): Promise<{ url: string; close: () => void; served: Set<string> }> {
  const served = new Set<string>();
  const server = createServer((req, res) => {
    void (async () => {
      const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (!p.startsWith('/notes/')) {
        res.writeHead(404).end();
        return;
      }
      const share = shareDir ? /^\/notes\/data\/pamap2\/([\w.-]+)$/.exec(p) : null;
      let file = share && shareDir ? join(shareDir, share[1]!) : join(root, normalize(p.slice('/notes'.length)));
      if (share) served.add(share[1]!);
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      } catch {
        /* 404 below */
      }
      try {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/notes/`, close: () => server.close(), served });
    }),
  );
}

export async function browserPhaseTimes(dist: string): Promise<{ where: string; t: Record<Phase, number> & { total: number } }[]> {
  const { url, close } = await serve(dist);
  const out: { where: string; t: Record<Phase, number> & { total: number } }[] = [];
  try {
    for (const backend of ['wasm', 'webgl', 'webgpu'] as const) {
      const args = ['--no-sandbox', ...(backend === 'webgpu' ? ['--enable-unsafe-webgpu'] : [])];
      const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args });
      try {
        const page = await browser.newPage();
        await page.goto(`${url}research/kd-method/?backend=${backend}`);
        const demo = page.locator('kd-run-demo');
        await demo.scrollIntoViewIfNeeded();
        await page.getByTestId('kd-start').waitFor({ state: 'visible' });
        await page.waitForFunction(
          () => !(document.querySelector('[data-testid="kd-start"]') as HTMLButtonElement | null)?.disabled,
          null,
          { timeout: 120_000 },
        );
        const got = await page.getByTestId('kd-badge').getAttribute('data-backend');
        if (got !== backend) {
          console.log(`browser ${backend}: skipped (runtime chose ${got}: ${await page.getByTestId('kd-badge').textContent()})`);
          continue;
        }
        const t0 = Date.now();
        await page.getByTestId('kd-start').click();
        await page.waitForFunction(() => document.querySelector('kd-run-demo')?.getAttribute('data-done') === 'true', null, {
          timeout: 600_000,
        });
        const total = Date.now() - t0;
        const t = { total } as Record<Phase, number> & { total: number };
        for (const p of PHASES) t[p] = Number(await page.getByTestId(`kd-row-${p}`).getAttribute('data-ms'));
        out.push({ where: `chromium ${backend}`, t });
        console.log(
          `chromium ${backend}: ${PHASES.map((p) => `${p} ${(t[p] / 1000).toFixed(2)} s`).join(', ')}, total ${(total / 1000).toFixed(2)} s (page clock)`,
        );
      } finally {
        await browser.close();
      }
    }
  } finally {
    close();
  }
  return out;
}
