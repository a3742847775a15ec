import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

// One extra build of the site, as two situations would build it:
// - "adding a note is adding a file": a copy of content/docs plus one new weekly note, nothing
//   else changed, must show that note in the sidebar of every page. The copy sits two folders deep
//   like content/docs, so the pages' relative imports (../../../src/…) still resolve;
// - a deploy whose PAMAP2 download failed (PAMAP2_FALLBACK set by scripts/deploy-data.ts) must
//   show the notice on the KD page, and the ordinary build must not.
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
      BASE_PATH: '/notes/',
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
