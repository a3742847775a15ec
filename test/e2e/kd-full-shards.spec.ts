/**
 * The KD demo's "전체 데이터 샤드" data source end to end, as the deployed site has it: the deploy
 * runs `npm run data:pamap2:deploy` (UCI zip → uint8 browser shards + manifest.json in
 * public/data/pamap2/). The committed share there is built from the excerpt (source.kind
 * 'excerpt'), which the page rightly does not call "full", so here beforeAll runs the same data
 * command on a local zip in the real UCI layout (test/fixtures/pamap2-uci-zip.ts, the real
 * excerpts) into a temp folder, and page.route serves that folder for the worker's
 * `…/data/pamap2/*` requests. The built site is unchanged for every other test.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { leakReadout, openKdPage, waitDone } from './kd-helpers';
import { buildFullShare } from './pamap2-share';

const SUBJECTS = [101, 102, 103, 105, 107, 108];

let tmp = '';
let shardDir = '';
interface ManifestLike {
  source: { kind: string; location: string };
  subjects: number[];
  totals: { windows: number };
  shards: Array<{
    subject: number;
    windows: number;
    rows: number;
    x: { file: string; sha256: string };
    y: { file: string; sha256: string };
  }>;
}
let manifest: ManifestLike;
let manifestText = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  tmp = await mkdtemp(join(tmpdir(), 'kd-full-shards-'));
  shardDir = join(tmp, 'browser');
  await buildFullShare(tmp, shardDir);
  manifestText = await readFile(join(shardDir, 'manifest.json'), 'utf8');
  manifest = JSON.parse(manifestText) as ManifestLike;
  // As the deployed site's would: a real source, not the excerpt.
  expect(manifest.source.kind).toBe('zip');
  expect(manifest.subjects).toEqual(SUBJECTS);
});

test.afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/**
 * Serves `…/data/pamap2/<file>` from the shard folder (dedicated-worker fetches go through
 * page.route in Chromium). `override` replaces a file's bytes; the names served are recorded.
 */
async function serveShards(page: Page, override: Map<string, Buffer> = new Map()): Promise<string[]> {
  const served: string[] = [];
  // Only under the base: a request that forgot the base (/data/pamap2/… at the root) reaches the server and 404s.
  await page.route('**/notes/data/pamap2/*', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    served.push(name);
    const body = override.get(name) ?? (await readFile(join(shardDir, name)).catch(() => null));
    if (!body) {
      await route.fulfill({ status: 404, body: 'not found' });
      return;
    }
    await route.fulfill({ status: 200, body, contentType: name.endsWith('.json') ? 'application/json' : 'application/octet-stream' });
  });
  return served;
}

const open = (page: Page, errors: string[]): Promise<void> => openKdPage(page, errors);
const leaked = async (page: Page): Promise<number> => (await leakReadout(page)).leaked;

async function expectFiniteRows(page: Page): Promise<void> {
  for (const phase of ['teacher-gaf', 'teacher-signal', 'student-ce', 'student-kd']) {
    const row = page.getByTestId(`kd-row-${phase}`);
    await expect(row).toHaveAttribute('data-state', 'done');
    const cells = await row.locator('td.num').allTextContents();
    for (const c of cells.slice(0, 3)) expect(Number.isFinite(Number.parseFloat(c)), `${phase}: "${c}"`).toBe(true);
  }
}

const fullRadio = (page: Page) => page.locator('input[name="kd-data"][value="full"]');

test('full shards: the radio names the subjects, the data loads, its LOSO folds are refused (excerpt-built share), a 1-epoch run finishes without leaks', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  const served = await serveShards(page);
  await open(page, errors);

  // The worker found a non-excerpt manifest: the radio is enabled and its note names the subjects.
  await expect(fullRadio(page)).toBeEnabled();
  await expect(page.locator('[data-role="full-note"]')).toHaveText(`(피험자 ${SUBJECTS.join(', ')} (zip: PAMAP2_Dataset.zip))`);

  await fullRadio(page).check();
  const summary = page.getByTestId('kd-data-summary');
  await expect(summary).toContainText('전체 PAMAP2 샤드', { timeout: 60_000 });
  await expect(summary).toContainText(`윈도우 ${manifest.totals.windows}개`);
  await expect(summary).toContainText(`피험자 ${SUBJECTS.join(', ')}, 클래스`);
  await expect(summary).toContainText('일부 미검증'); // --unverified: recorded in the manifest, said on the page
  await expect(page.getByTestId('kd-data-error')).toBeHidden();
  // Every shard file was fetched (through the route, i.e. from the data command's output).
  for (const s of manifest.shards) expect(served).toEqual(expect.arrayContaining([s.x.file, s.y.file]));

  // The share is built from the real excerpts, where every activity comes from one subject: no
  // subject's test classes occur in the others, so every LOSO fold would score 0 by construction.
  // The page refuses them at the input (each fold marked 평가 불가) and defaults to the window split.
  await expect(page.getByTestId('kd-split')).toHaveValue('window');
  await page.getByTestId('kd-split').selectOption('loso');
  const fold = page.getByTestId('kd-fold');
  await expect(fold).toBeVisible();
  const options = await fold.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options.map(Number)).toEqual(manifest.shards.filter((s) => s.windows > 0).map((s) => s.subject));
  await expect(fold.locator('option').first()).toContainText('평가 불가');
  await expect(page.getByTestId('kd-start')).toBeDisabled();
  await page.getByTestId('kd-split').selectOption('window');
  await expect(page.getByTestId('kd-start')).toBeEnabled();

  await page.getByTestId('kd-epochs').fill('1');
  await page.getByTestId('kd-start').click();
  await waitDone(page);
  await expect(page.getByTestId('kd-fold-note')).toContainText('학습 윈도우');
  await expectFiniteRows(page);
  await expect(page.getByTestId('kd-confusion').locator('rect')).toHaveCount(144);
  await expect(page.getByTestId('kd-tensors')).toHaveAttribute('data-when', 'idle');
  expect(await leaked(page)).toBe(0);
  expect(errors).toEqual([]);
});

test('a truncated shard, a manifest hash that does not match, a broken manifest: each refused naming the file; the previous data stays usable', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  const x103 = manifest.shards.find((s) => s.subject === 103)!.x.file;
  const override = new Map<string, Buffer>([[x103, (await readFile(join(shardDir, x103))).subarray(0, 1000)]]);
  await serveShards(page, override);
  await open(page, errors);
  const summary = page.getByTestId('kd-data-summary');
  const err = page.getByTestId('kd-data-error');
  const before = await summary.textContent();

  // 1. subject103.x.u8 cut to 1000 bytes.
  await fullRadio(page).click(); // not check(): a fast failure re-checks the excerpt radio before check() could verify
  await expect(err).toBeVisible({ timeout: 60_000 });
  await expect(err).toContainText(x103);
  await expect(page.getByTestId('kd-status')).toContainText('이전 데이터');
  await expect(summary).toHaveText(before ?? '');

  // After a failed load the radios show the data still in use (the excerpt), so choosing the
  // full shards again retries them.
  await expect(page.locator('input[name="kd-data"][value="excerpt"]')).toBeChecked();
  await expect(fullRadio(page)).not.toBeChecked();

  // 2. Full again with intact files but a manifest whose SHA-256 for subject105.y.u8 is wrong.
  override.clear();
  const y105 = manifest.shards.find((s) => s.subject === 105)!.y;
  override.set('manifest.json', Buffer.from(manifestText.replace(y105.sha256, 'f'.repeat(64))));
  await expect(summary).toHaveText(before ?? '');
  await fullRadio(page).click(); // not check(): a fast failure re-checks the excerpt radio before check() could verify
  await expect(err).toBeVisible({ timeout: 60_000 });
  await expect(err).toContainText(y105.file);
  await expect(err).toContainText('SHA-256');
  await expect(summary).toHaveText(before ?? '');

  // 3. The manifest breaks after the page probed it (e.g. a redeploy cut short): named, not "not in this build".
  override.clear();
  override.set('manifest.json', Buffer.from(manifestText.slice(0, 200)));
  await expect(page.locator('input[name="kd-data"][value="excerpt"]')).toBeChecked();
  await fullRadio(page).click(); // not check(): a fast failure re-checks the excerpt radio before check() could verify
  await expect(err).toBeVisible({ timeout: 60_000 });
  await expect(err).toContainText('data/pamap2/manifest.json: not valid JSON');
  await expect(summary).toHaveText(before ?? '');

  // The excerpt is still the loaded data and runs (window split, 1 epoch).
  await expect(page.getByTestId('kd-split')).toHaveValue('window');
  await expect(page.getByTestId('kd-start')).toBeEnabled();
  await page.getByTestId('kd-epochs').fill('1');
  await page.getByTestId('kd-start').click();
  await waitDone(page);
  await expectFiniteRows(page);
  expect(await leaked(page)).toBe(0);
  expect(errors).toEqual([]);
});
