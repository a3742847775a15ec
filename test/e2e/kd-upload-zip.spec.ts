/**
 * The reader's own PAMAP2 archive in the KD page, exactly as UCI serves it: a zip that holds
 * PAMAP2_Dataset.zip, which holds PAMAP2_Dataset/Protocol/subject10N.dat (built from the real
 * excerpts by test/fixtures/pamap2-uci-zip.ts). The worker reads it with the zip reader the data
 * command uses (demos/kd/pamap2/zip.ts); the expected window count is computed here in Node with
 * the same preprocessing (one segment per file, as for any uploaded file).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { test, expect } from '@playwright/test';
import { openKdPage } from './kd-helpers';
import { buildUciZipFixture, type UciZipFixture } from '../fixtures/pamap2-uci-zip.ts';
import { preprocessSubjectText } from '@demos/kd/pamap2/preprocess.ts';
import { makeWindows } from '@demos/kd/pamap2/windows.ts';

let tmp = '';
let fx: UciZipFixture;
let windows = 0;

test.beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'kd-upload-zip-'));
  fx = await buildUciZipFixture(tmp);
  const dec = new TextDecoder();
  const series = Object.entries(fx.files).map(([name, bytes]) =>
    preprocessSubjectText(Number(/subject(\d+)/.exec(name)![1]), dec.decode(bytes), { file: name }),
  );
  windows = makeWindows(series).n;
});

test.afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const UCI_NAME = 'pamap2+physical+activity+monitoring.zip';

test('the UCI download as downloaded (zip → PAMAP2_Dataset.zip → Protocol/) loads; a zip nested one level deeper is refused in Korean and loses nothing', async ({
  page,
}) => {
  const errors: string[] = [];
  await openKdPage(page, errors);
  const summary = page.getByTestId('kd-data-summary');
  const err = page.getByTestId('kd-data-error');
  const before = await summary.textContent();

  // One level too deep: refused, naming the chain, and the excerpt stays loaded.
  const deep = zipSync({ 'wrapped.zip': [fx.nested, { level: 0 }] });
  await page.getByTestId('kd-file').setInputFiles({ name: 'deep.zip', mimeType: 'application/zip', buffer: Buffer.from(deep) });
  await expect(err).toBeVisible({ timeout: 60_000 });
  await expect(err).toContainText('zip 안의 zip이 너무 깊습니다');
  await expect(err).toContainText('deep.zip!wrapped.zip!PAMAP2_Dataset.zip');
  await expect(summary).toHaveText(before ?? '');

  await page.getByTestId('kd-file').setInputFiles({ name: UCI_NAME, mimeType: 'application/zip', buffer: Buffer.from(fx.nested) });
  await expect(summary).toContainText(`내 파일 (${UCI_NAME})`, { timeout: 60_000 });
  await expect(err).toBeHidden();
  await expect(summary).toContainText(`윈도우 ${windows}개`);
  await expect(summary).toContainText('피험자 101, 102, 103, 105, 107, 108');
  // Several subjects, but each activity from one subject (the excerpt's rows): no LOSO fold can be
  // evaluated (its test classes never occur in training), so the window split, and LOSO says why.
  await expect(page.getByTestId('kd-split')).toHaveValue('window');
  await expect(page.getByTestId('kd-split').locator('option[value="loso"]')).toContainText('평가 불가');
  expect(errors).toEqual([]);
});
