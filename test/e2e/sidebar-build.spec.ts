import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

// "Adding a note is adding a file": a copy of content/docs plus one new weekly note, built with
// nothing else changed, must show that note in the sidebar of every page. The copy sits two
// folders deep like content/docs, so the pages' relative imports (../../../src/…) still resolve.
const ROOT = process.cwd();
const DOCS = join('.work', `sidebar-docs-${process.pid}`);
const OUT = join('.work', `sidebar-dist-${process.pid}`);
const CACHE = join('.work', `sidebar-cache-${process.pid}`); // fresh: cached entries name the copy's path
const NEW_TITLE = '연구 로그 2025-05-09 (사이드바 테스트)';

function build(): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, NOTES_DOCS_DIR: `./${DOCS}`, ASTRO_OUT_DIR: OUT, ASTRO_CACHE_DIR: CACHE, BASE_PATH: '/notes/' };
    const p = spawn('npx', ['astro', 'build'], { cwd: ROOT, env });
    let log = '';
    p.stdout.on('data', (d: Buffer) => { log += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { log += d.toString(); });
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

test.afterAll(() => {
  rmSync(join(ROOT, DOCS), { recursive: true, force: true });
  rmSync(join(ROOT, OUT), { recursive: true, force: true });
  rmSync(join(ROOT, CACHE), { recursive: true, force: true });
});

test('a note dropped into research/ appears in the built sidebar with no config change', async () => {
  test.setTimeout(300_000);
  cpSync(join(ROOT, 'content', 'docs'), join(ROOT, DOCS), { recursive: true });
  writeFileSync(join(ROOT, DOCS, 'research', '2025-05-09.mdx'), `---\ntitle: ${NEW_TITLE}\ndescription: 사이드바 생성 테스트용 주간 노트.\n---\n\n이번 주 노트.\n`);
  const r = await build();
  expect(r.code, r.log.slice(-3000)).toBe(0);

  const page = join(ROOT, OUT, 'research', '2025-05-09', 'index.html');
  expect(existsSync(page)).toBe(true);
  for (const built of [page, join(ROOT, OUT, 'index.html'), join(ROOT, OUT, 'study', 'vit', 'index.html')]) {
    const research = sidebarGroups(readFileSync(built, 'utf8')).find((g) => g.label === '연구 로그 (KD)');
    expect(research, built).toBeDefined();
    expect(research!.links).toContainEqual({ href: '/notes/research/2025-05-09/', text: NEW_TITLE });
    // No sidebar.order: after the ordered notes of its folder, as Starlight's autogenerate places it.
    expect(research!.links.at(-1)?.href).toBe('/notes/research/2025-05-09/');
  }
});
