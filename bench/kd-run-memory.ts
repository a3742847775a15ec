/**
 * Memory half of `bench:kd-run -- --browser`: the KD page's workers with a full-size data share
 * (one, or two with lanes: demos/kd/run/lanes.ts; their figures are summed).
 *
 * Serves a built site under /notes/ with `data/pamap2/*` answered from a SYNTHETIC share of the
 * real size and format (bench/load-test-share.ts: 9 subjects, ≈ 27k windows, 25 MB of uint8
 * shards, written by the data command's writer under .work/). Opens the KD page in Chromium,
 * picks "전체 데이터 샤드", and runs the default config on it (LOSO; `--epochs`, default 1: the
 * memory a run needs does not grow with epochs), while sampling every 250 ms:
 *
 *   worker  = JS heap used + ArrayBuffer backing stores of the worker's isolate (CDP
 *             Runtime.getHeapUsage on the worker target; it does not count WASM memory) + tfjs's
 *             WASM heap, which the fast path's kernels share (read in the worker). The peak is the
 *             largest sample; allocations that live shorter than 250 ms can be missed, which the
 *             renderer figure below does not miss.
 *   renderer = VmHWM (kernel-tracked peak resident set) of the renderer process the page and its
 *             dedicated worker live in: everything physical, page and V8 overheads included.
 *
 * Why not performance.memory / measureUserAgentSpecificMemory: the first counts neither
 * ArrayBuffers nor WASM memory (where all the data lives), the second needs cross-origin
 * isolation, reports lazily (up to 20 s) and gives no peak.
 */
import { readFile } from 'node:fs/promises';
import { chromium, type CDPSession } from 'playwright-core';
import { DEFAULT_LOAD_TEST_DIR, loadTestShare } from './load-test-share';
import { serve } from './kd-run-browser';

export const MEMORY_TARGET_BYTES = 512 * 2 ** 20;
const MiB = 2 ** 20;
type Call = (method: string, params?: object) => Promise<Record<string, unknown>>;
/** CDP channels to the page's KD workers: the first one and, with two lanes, the second (kd-lane-worker). */
async function workerSessions(bs: CDPSession): Promise<Call[]> {
  const { targetInfos } = (await bs.send('Target.getTargets')) as { targetInfos: Array<{ type: string; targetId: string; url: string }> };
  const ws = targetInfos.filter((t) => t.type === 'worker' && /kd-(lane-)?worker/.test(t.url));
  if (!ws.some((t) => /kd-worker/.test(t.url))) throw new Error('no worker target: did the KD page start its worker?');
  return Promise.all(ws.map((w) => workerSession(bs, w.targetId)));
}

/** A CDP channel to one dedicated worker (non-flattened session through the browser target). */
async function workerSession(bs: CDPSession, targetId: string): Promise<Call> {
  const { sessionId } = (await bs.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  let id = 0;
  const waiting = new Map<number, { ok: (v: Record<string, unknown>) => void; fail: (e: Error) => void }>();
  bs.on('Target.detachedFromTarget', (e: { sessionId: string }) => {
    if (e.sessionId !== sessionId) return;
    for (const cb of waiting.values()) cb.fail(new Error('the worker target went away (crashed?)'));
    waiting.clear();
  });
  bs.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
    const cb = m.id === undefined ? undefined : waiting.get(m.id);
    if (!cb) return;
    waiting.delete(m.id!);
    if (m.error) cb.fail(new Error(m.error.message));
    else cb.ok(m.result ?? {});
  });
  return (method, params = {}) =>
    new Promise((ok, fail) => {
      const i = ++id;
      waiting.set(i, { ok, fail });
      void bs.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i, method, params }) }).catch(fail);
    });
}

/**
 * Bytes of the worker's WebAssembly memory: tfjs's WASM heap, which the fast path's kernels share
 * (demos/kd/wasm/kernels.ts instantiates them on it), reached through the engine tfjs-core keeps
 * on the global object. (Runtime.queryObjects would find every Memory, but it killed the worker's
 * session with 0.5 GB of ArrayBuffers alive.)
 */
const WASM_BYTES = `(() => { let n = 0; for (const b of Object.values(globalThis._tfengine?.registry ?? {})) {
  const m = b?.wasm?.asm?.memory ?? b?.wasm?.wasmMemory; const buf = m?.buffer ?? b?.wasm?.HEAPU8?.buffer;
  if (buf) n += buf.byteLength; } return n; })()`;

async function wasmMemoryBytes(call: (m: string, p?: object) => Promise<Record<string, unknown>>): Promise<number> {
  const r = (await call('Runtime.evaluate', { expression: WASM_BYTES, returnByValue: true })) as { result?: { value?: unknown } };
  return typeof r.result?.value === 'number' ? r.result.value : 0;
}

/** Polls `f` every 500 ms until it returns non-null (a failed sampler fails it through `alive`). */
async function poll<T>(f: () => Promise<T | null>, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function statusKb(pid: number, key: 'VmRSS' | 'VmHWM'): Promise<number> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) * 1024 : 0;
}

export interface MemoryResult {
  /** KD workers measured (2 with lanes: demos/kd/run/lanes.ts). */
  workers: number;
  windows: number;
  shareBytes: number;
  /** Largest sample of the worker's JS heap + ArrayBuffers + WASM heap. */
  workerPeak: number;
  /** Largest sample of JS heap + ArrayBuffers alone. */
  workerHeapPeak: number;
  /** Largest WASM heap (it never shrinks). */
  wasm: number;
  rendererPeak: number;
  /** The same peaks up to the moment the share is loaded, before the run. */
  afterLoad: { worker: number; renderer: number };
  /** Loading the share + the run. */
  seconds: number;
}

export async function browserMemory(
  dist: string,
  opts: { shareDir?: string; epochs?: number; log?: (l: string) => void } = {},
): Promise<MemoryResult> {
  const log = opts.log ?? console.log;
  const shareDir = opts.shareDir ?? DEFAULT_LOAD_TEST_DIR;
  const manifest = await loadTestShare(shareDir, log);
  log(
    `memory: synthetic full-size share ${shareDir} — ${manifest.subjects.length} subjects, ${manifest.totals.windows} windows, ${(manifest.totals.bytes / 1e6).toFixed(2)} MB (load test only, never data)`,
  );
  const { url, close, served } = await serve(dist, shareDir);
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}research/kd-method/?backend=wasm`);
    await page.locator('kd-run-demo').scrollIntoViewIfNeeded();
    // Sampling starts once the worker has loaded the default data (the excerpt): the baseline.
    await poll(
      async () =>
        ((await page.getByTestId('kd-start').isEnabled()) &&
          ((await page.getByTestId('kd-data-summary').textContent()) ?? '').includes('윈도우')) ||
        null,
      300_000,
      'the page to load its default data',
    );
    const bs = await browser.newBrowserCDPSession();
    const procs = ((await bs.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> }).processInfo.filter(
      (p) => p.type === 'renderer',
    );
    log(`memory: page ready (renderer processes ${procs.map((p) => p.id).join(', ')}); attaching to its workers`);
    const calls = await workerSessions(bs);
    for (const call of calls) log(`memory: worker heap now ${JSON.stringify(await call('Runtime.getHeapUsage'))}`);

    let heapPeak = 0,
      wasmPeak = 0,
      totalPeak = 0;
    let sampling = true;
    let failure: unknown = null;
    // Both workers, summed; their samples are a few ms apart, so the sum approximates one moment.
    const sample = async (): Promise<void> => {
      let heap = 0,
        wasm = 0;
      for (const call of calls) {
        const h = (await call('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
        heap += h.usedSize + (h.backingStorageSize ?? 0);
        wasm += await wasmMemoryBytes(call);
      }
      heapPeak = Math.max(heapPeak, heap);
      wasmPeak = Math.max(wasmPeak, wasm);
      totalPeak = Math.max(totalPeak, heap + wasm);
    };
    const loop = (async () => {
      while (sampling) {
        await sample().catch((e: unknown) => {
          failure ??= e;
          sampling = false;
        });
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const alive = (): void => {
      if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
    };
    const rendererPeak = async (): Promise<number> => Math.max(...(await Promise.all(procs.map((p) => statusKb(p.id, 'VmHWM')))));

    log('memory: sampling; waiting for the full-share radio');
    const radio = page.locator('input[name="kd-data"][value="full"]');
    await poll(async () => !(await radio.isDisabled()) || null, 120_000, 'the page to offer the share').catch(async (e: unknown) => {
      throw new Error(`${String(e)}: ${await page.locator('[data-role="full-note"]').textContent()}`);
    });
    const t0 = Date.now();
    await radio.click();
    const summary = await poll(
      async () => {
        alive();
        const text = (await page.getByTestId('kd-data-summary').textContent()) ?? '';
        if (text.includes('전체 PAMAP2 샤드')) return text;
        if (await page.getByTestId('kd-data-error').isVisible())
          throw new Error(`the page refused the share: ${await page.getByTestId('kd-data-error').textContent()}`);
        return null;
      },
      300_000,
      'the share to load',
    );
    if (!summary.includes(`윈도우 ${manifest.totals.windows.toLocaleString('ko-KR')}개`))
      throw new Error(`the page did not load the share's ${manifest.totals.windows} windows: ${summary}`);
    for (const s of manifest.shards) if (!served.has(s.x.file)) throw new Error(`${s.x.file} was not fetched`);
    await sample();
    const afterLoad = { worker: totalPeak, renderer: await rendererPeak() };
    log(
      `memory: share loaded — peaks so far: worker ${(afterLoad.worker / MiB).toFixed(0)} MiB, renderer RSS ${(afterLoad.renderer / MiB).toFixed(0)} MiB`,
    );

    await page.getByTestId('kd-epochs').fill(String(opts.epochs ?? 1));
    await page.getByTestId('kd-start').click();
    await poll(
      async () => {
        alive();
        return page.locator('kd-run-demo').evaluate((d) => d.getAttribute('data-done') === 'true' || d.hasAttribute('data-error') || null);
      },
      1_200_000,
      'the run to finish',
    );
    const error = await page.locator('kd-run-demo').getAttribute('data-error');
    if (error !== null) throw new Error(`the run failed: ${await page.getByTestId('kd-status').textContent()}`);
    const note = await page.getByTestId('kd-fold-note').textContent();
    sampling = false;
    await loop;
    alive();
    await sample();
    const r: MemoryResult = {
      workers: calls.length,
      windows: manifest.totals.windows,
      shareBytes: manifest.totals.bytes,
      workerPeak: totalPeak,
      workerHeapPeak: heapPeak,
      wasm: wasmPeak,
      rendererPeak: await rendererPeak(),
      afterLoad,
      seconds: (Date.now() - t0) / 1000,
    };
    log(`memory: run finished (${note?.trim()}) in ${r.seconds.toFixed(0)} s`);
    return r;
  } finally {
    await browser.close();
    close();
  }
}

/** One table row per measured build, e.g. this build and a baseline (`--memory-baseline <dist>`). */
export function printMemory(results: ReadonlyArray<{ label: string; r: MemoryResult }>): void {
  const mib = (b: number): string => `${(b / MiB).toFixed(0)} MiB`;
  const verdict = (b: number): string => (b <= MEMORY_TARGET_BYTES ? 'MET' : 'NOT MET');
  const first = results[0]?.r;
  if (!first) return;
  console.log(
    `\nKD page memory, chromium wasm, synthetic full-size share (${first.windows} windows, ${(first.shareBytes / 1e6).toFixed(1)} MB; ` +
      `all its windows as one (N, 100, 40) float32 WindowSet would be ${mib(first.windows * 100 * 40 * 4)}):`,
  );
  console.log(
    `| build | KD workers | worker peak, loading | worker peak, load + run (JS heap + ArrayBuffers / WASM heap; both workers summed) | renderer peak RSS (page + workers) | load + run | worker ≤ ${mib(MEMORY_TARGET_BYTES)} |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const { label, r } of results) {
    console.log(
      `| ${label} | ${r.workers} | ${mib(r.afterLoad.worker)} | ${mib(r.workerPeak)} (${mib(r.workerHeapPeak)} / ${mib(r.wasm)}) | ${mib(r.rendererPeak)} | ${r.seconds.toFixed(0)} s | ${verdict(r.workerPeak)} |`,
    );
  }
}
