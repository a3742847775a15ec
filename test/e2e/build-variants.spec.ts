import { test, expect, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { createStaticServer } from '../../scripts/static-server.mjs';
import { buildFullShare } from './pamap2-share';

// One extra build of the site, as two situations would build it:
// - "adding a note is adding a file": a copy of content/docs plus one new weekly note, nothing
//   else changed, must show that note in the sidebar of every page. The copy sits two folders deep
//   like content/docs, so the pages' relative imports (../../../src/…) still resolve;
// - a deploy whose PAMAP2 download failed (PAMAP2_FALLBACK set by scripts/deploy-data.ts) must
//   show the notice on the KD page, and the ordinary build must not;
// - GitHub Pages: BASE_PATH written exactly as actions/configure-pages passes it ('/notes', no
//   trailing slash), the full-data share written into the build as the deploy's public/ copy
//   would put it, served as plain files (no page.route) with the service worker allowed.
//   (The build also has PAMAP2_FALLBACK for the notice test: a build-time text only, unrelated.)
const ROOT = process.cwd();
const DOCS = join('.work', `variant-docs-${process.pid}`);
const OUT = join('.work', `variant-dist-${process.pid}`);
const CACHE = join('.work', `variant-cache-${process.pid}`); // fresh: cached entries name the copy's path
const NEW_TITLE = '연구 로그 2025-05-09 (사이드바 테스트)';

let built: { code: number | null; log: string } | null = null;

function build(): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve) => {
    const env = {
      ...process.env,
      NOTES_DOCS_DIR: `./${DOCS}`,
      ASTRO_OUT_DIR: OUT,
      ASTRO_CACHE_DIR: CACHE,
      BASE_PATH: '/notes', // as actions/configure-pages passes base_path
      PAMAP2_FALLBACK: 'HTTP 503 (test)',
    };
    const p = spawn('npx', ['astro', 'build'], { cwd: ROOT, env });
    let log = '';
    p.stdout.on('data', (d: Buffer) => {
      log += d.toString();
    });
    p.stderr.on('data', (d: Buffer) => {
      log += d.toString();
    });
    p.on('close', (code) => resolve({ code, log }));
  });
}

function sidebarGroups(html: string): Array<{ label: string; links: Array<{ href: string; text: string }> }> {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('#starlight__sidebar details')].map((d) => ({
    label: d.querySelector('summary')?.textContent?.trim() ?? '',
    links: [...d.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent?.trim() ?? '' })),
  }));
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cpSync(join(ROOT, 'content', 'docs'), join(ROOT, DOCS), { recursive: true });
  writeFileSync(
    join(ROOT, DOCS, 'research', '2025-05-09.mdx'),
    `---\ntitle: ${NEW_TITLE}\ndescription: 사이드바 생성 테스트용 주간 노트.\n---\n\n이번 주 노트.\n`,
  );
  built = await build();
});

test.afterAll(() => {
  for (const d of [DOCS, OUT, CACHE]) rmSync(join(ROOT, d), { recursive: true, force: true });
});

test('a note dropped into research/ appears in the built sidebar with no config change', () => {
  expect(built?.code, built?.log.slice(-3000)).toBe(0);
  const page = join(ROOT, OUT, 'research', '2025-05-09', 'index.html');
  expect(existsSync(page)).toBe(true);
  for (const file of [page, join(ROOT, OUT, 'index.html'), join(ROOT, OUT, 'study', 'vit', 'index.html')]) {
    const research = sidebarGroups(readFileSync(file, 'utf8')).find((g) => g.label === '연구 로그 (KD)');
    expect(research, file).toBeDefined();
    expect(research!.links).toContainEqual({ href: '/notes/research/2025-05-09/', text: NEW_TITLE });
    // No sidebar.order: after the ordered notes of its folder, as Starlight's autogenerate places it.
    expect(research!.links.at(-1)?.href).toBe('/notes/research/2025-05-09/');
  }
});

test('a deploy that fell back to the bundled excerpt says so on the KD page; the normal build does not', async ({ page }) => {
  expect(built?.code, built?.log.slice(-3000)).toBe(0);
  const { document } = parseHTML(readFileSync(join(ROOT, OUT, 'research', 'kd-method', 'index.html'), 'utf8'));
  const notice = document.querySelector('[data-testid="kd-data-notice"]');
  expect(notice?.textContent).toContain('번들 발췌본만');
  expect(notice?.closest('aside')).toBeTruthy();
  // Only the KD page carries it.
  expect(readFileSync(join(ROOT, OUT, 'study', 'vit', 'index.html'), 'utf8')).not.toContain('kd-data-notice');
  await page.goto('research/kd-method/'); // the e2e build, made without PAMAP2_FALLBACK
  await expect(page.locator('kd-run-demo')).toHaveCount(1);
  await expect(page.getByTestId('kd-data-notice')).toHaveCount(0);
});

/** The pages whose HTML carries a demo island (every tag src/components registers with defineIsland). */
function demoPages(): Array<{ path: string; tags: string[] }> {
  const tags = readdirSync(join(ROOT, 'src', 'components'))
    .filter((f) => f.endsWith('.astro'))
    .flatMap((f) => [...readFileSync(join(ROOT, 'src', 'components', f), 'utf8').matchAll(/defineIsland\('([a-z-]+)'/g)].map((m) => m[1]!));
  const pages: Array<{ path: string; tags: string[] }> = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'index.html') {
        const html = readFileSync(p, 'utf8');
        const found = tags.filter((t) => html.includes(`<${t} `) || html.includes(`<${t}>`));
        if (found.length) pages.push({ path: relative(join(ROOT, OUT), dir).split(sep).join('/'), tags: found });
      }
    }
  };
  walk(join(ROOT, OUT));
  return pages;
}

/** Scrolls each island into view and waits until it has mounted (defineIsland's data-island). */
async function hydrate(page: Page, tags: string[]): Promise<void> {
  for (const t of tags) {
    const el = page.locator(t).first();
    await el.scrollIntoViewIfNeeded();
    await expect(el).toHaveAttribute('data-island', 'ready', { timeout: 90_000 });
  }
}

test.describe('as GitHub Pages serves it (BASE_PATH=/notes, files only)', () => {
  test.use({ serviceWorkers: 'allow' });
  const answers: Array<{ path: string; status: number }> = [];
  let origin = '';
  let close = (): void => {};
  let shareTmp = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    expect(built?.code, built?.log.slice(-3000)).toBe(0);
    // What the deploy does before its build (public/data/pamap2 → the site's data/pamap2/).
    const share = join(ROOT, OUT, 'data', 'pamap2');
    rmSync(share, { recursive: true, force: true });
    shareTmp = await mkdtemp(join(tmpdir(), 'pages-share-'));
    await buildFullShare(shareTmp, share);
    const server = createStaticServer({
      root: join(ROOT, OUT),
      base: '/notes',
      onStatus: (path, status) => answers.push({ path, status }),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });

  test.afterAll(() => {
    close();
    if (shareTmp) rmSync(shareTmp, { recursive: true, force: true });
  });

  test('every page with a demo hydrates with no 404; the KD page is cross-origin isolated by its service worker and offers the full data', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const pages = demoPages();
    expect(pages.map((p) => p.path)).toContain('research/kd-method');
    for (const p of pages) {
      await page.goto(`${origin}/notes/${p.path}/`);
      await hydrate(page, p.tags);
    }
    // The KD page again: by now its service worker is active, so this load is isolated.
    await page.goto(`${origin}/notes/research/kd-method/`);
    await hydrate(page, ['kd-run-demo']);
    const sw = await page.evaluate(async () => ({
      isolated: self.crossOriginIsolated,
      scope: (await navigator.serviceWorker.getRegistration())?.scope ?? null,
      controller: navigator.serviceWorker.controller?.scriptURL ?? null,
    }));
    expect(sw).toEqual({ isolated: true, scope: `${origin}/notes/`, controller: `${origin}/notes/coi-serviceworker.js` });
    // The worker found the share's manifest under the base: the full-data choice is offered.
    await expect(page.locator('input[name="kd-data"][value="full"]')).toBeEnabled({ timeout: 60_000 });
    await expect(page.locator('[data-role="full-note"]')).toContainText('zip: PAMAP2_Dataset.zip');
    expect(answers.some((a) => a.path.endsWith('/notes/data/pamap2/manifest.json') && a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.status >= 400)).toEqual([]);
    // The bundled excerpt arrives as its compact copy (demos/kd/pamap2/excerpt-series.ts), not as raw .dat text.
    expect(answers.some((a) => /\/notes\/_astro\/excerpt-series\.[\w-]+\.bin$/.test(a.path) && a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.path.endsWith('.dat'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
