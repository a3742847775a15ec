/** Shared steps of the KD demo's e2e tests (kd-run.spec.ts, kd-full-shards.spec.ts). */
import { expect, type Page } from '@playwright/test';

export const KD_PAGE = 'research/kd-method/';

/** Opens the KD page, waits for the island and its default data; page errors go to `errors` (none expected by then). */
export async function openKdPage(page: Page, errors: string[] = []): Promise<void> {
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(KD_PAGE);
  const demo = page.locator('kd-run-demo');
  await demo.scrollIntoViewIfNeeded();
  await expect(demo).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByTestId('kd-start')).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByTestId('kd-data-summary')).toContainText('윈도우');
  expect(errors).toEqual([]);
}

/** Waits until the run finishes or fails; a failure fails the test at once with the page's message. */
export async function waitDone(page: Page, timeout = 240_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const d = document.querySelector('kd-run-demo');
      return d?.getAttribute('data-done') === 'true' || d?.hasAttribute('data-error');
    },
    null,
    { timeout },
  );
  expect(await page.locator('kd-run-demo').getAttribute('data-error')).toBeNull();
  await expect(page.locator('kd-run-demo')).toHaveAttribute('data-done', 'true');
}

/** The worker's tensor readout (data-testid="kd-tensors"). */
export async function leakReadout(page: Page): Promise<{ leaked: number; when: string; numTensors: number }> {
  const out = page.getByTestId('kd-tensors');
  return out.evaluate((el: HTMLElement) => ({
    leaked: Number(el.dataset['leaked']),
    when: el.dataset['when'] ?? '',
    numTensors: Number(el.dataset['numTensors']),
  }));
}

/** The worker's counts of phases actually trained (data-trained-* on the counter, kd-counts). */
export type Counts = Record<'teacher-gaf' | 'teacher-signal' | 'student-ce' | 'student-kd', number>;
export async function trainedCounts(page: Page): Promise<Counts> {
  return page.getByTestId('kd-counts').evaluate((el: HTMLElement) => ({
    'teacher-gaf': Number(el.dataset['trainedTeacherGaf']),
    'teacher-signal': Number(el.dataset['trainedTeacherSignal']),
    'student-ce': Number(el.dataset['trainedStudentCe']),
    'student-kd': Number(el.dataset['trainedStudentKd']),
  }));
}
