/**
 * The Pages deploy's data step: the full PAMAP2 dataset (UCI archive, SHA-256 verified) as the
 * browser share in public/data/pamap2, or, when the download or its check fails, the bundled
 * excerpt share that is committed there, so the notes are published either way.
 *
 *   npm run data:pamap2:deploy [-- --source URL|ZIP|FOLDER] [--public-dir DIR] [--work-dir DIR]
 *
 * Exit codes: 0 full data in place; 3 fell back to the bundled excerpt (the site can be built);
 * 1 nothing publishable (the bundled share is missing or broken) or bad arguments.
 * In GitHub Actions it also writes a `::warning::`, `full=true|false` to $GITHUB_OUTPUT, and
 * PAMAP2_FALLBACK=<reason> to $GITHUB_ENV, which src/components/KdDataNotice.astro shows as a
 * notice on the KD page. The new share is written beside the old one and swapped in only when
 * whole, so a failure half-way leaves the bundled share untouched.
 */
import { appendFileSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runDataCommand } from '../demos/kd/pamap2/node/data-command.ts';
import { parseManifest } from '../demos/kd/pamap2/manifest-schema.ts';
import { UCI_PAMAP2_URL } from '../demos/kd/pamap2/source-hashes.ts';
import { errorMessage } from '../demos/shared/errors';

export const EXIT_FULL = 0;
export const EXIT_FALLBACK = 3;
export const EXIT_UNPUBLISHABLE = 1;

export interface DeployDataOptions {
  source?: string;
  /** The browser share the site ships (default public/data/pamap2). */
  publicDir?: string;
  /** Node shards, the download and the share being written (default .work). */
  workDir?: string;
  /** Tests only: replace the UCI hashes. */
  expectedHashes?: ReadonlyMap<number, { sha256: string }>;
  /** Tests only: no waiting between download attempts. */
  retryDelayMs?: number;
  log?: (line: string) => void;
}

export interface DeployDataResult {
  code: typeof EXIT_FULL | typeof EXIT_FALLBACK | typeof EXIT_UNPUBLISHABLE;
  /** Why the full data is not there (one line), or null. */
  reason: string | null;
  summary: string;
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim().slice(0, 300);

async function bundledShare(dir: string): Promise<string> {
  const file = join(dir, 'manifest.json');
  const m = parseManifest(JSON.parse(await readFile(file, 'utf8')), file);
  return `${m.source.kind} share, subjects ${m.subjects.join(', ')}, ${m.totals.windows} windows`;
}

/** Replaces `dir` with `fresh`; if that fails, `dir` is as it was. */
async function swapIn(fresh: string, dir: string): Promise<void> {
  const old = `${dir}.previous`;
  await rm(old, { recursive: true, force: true });
  await rename(dir, old).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  try {
    await rename(fresh, dir);
  } catch (e) {
    await rename(old, dir).catch(() => {});
    throw e;
  }
  await rm(old, { recursive: true, force: true });
}

export async function prepareDeployData(opts: DeployDataOptions = {}): Promise<DeployDataResult> {
  const log = opts.log ?? (() => {});
  const publicDir = opts.publicDir ?? 'public/data/pamap2';
  const work = opts.workDir ?? '.work';
  const staging = join(work, 'pamap2-deploy-share');
  let reason: string;
  try {
    await rm(staging, { recursive: true, force: true });
    const r = await runDataCommand(
      {
        source: opts.source ?? UCI_PAMAP2_URL,
        out: join(work, 'pamap2'),
        browserOut: staging,
        downloadDir: join(work, 'pamap2-download'),
        ...(opts.expectedHashes ? { expectedHashes: opts.expectedHashes } : {}),
        ...(opts.retryDelayMs !== undefined ? { retryDelayMs: opts.retryDelayMs } : {}),
      },
      log,
    );
    const m = r.browserManifest;
    if (!m?.source.allVerified) throw new Error('the browser share is missing or not SHA-256 verified');
    await swapIn(staging, publicDir);
    return {
      code: EXIT_FULL,
      reason: null,
      summary: `full PAMAP2 share in ${publicDir}: subjects ${m.subjects.join(', ')}, ${m.totals.windows} windows`,
    };
  } catch (e) {
    reason = oneLine(errorMessage(e));
  }
  await rm(staging, { recursive: true, force: true });
  try {
    const kept = await bundledShare(publicDir);
    return {
      code: EXIT_FALLBACK,
      reason,
      summary: `full PAMAP2 data unavailable (${reason}); publishing with the bundled ${kept} in ${publicDir}`,
    };
  } catch (e) {
    const why = oneLine(errorMessage(e));
    return {
      code: EXIT_UNPUBLISHABLE,
      reason,
      summary: `full PAMAP2 data unavailable (${reason}), and the bundled share cannot be used: ${why}`,
    };
  }
}

/** GitHub Actions' step outputs, environment for later steps, and annotations (no-ops elsewhere). */
function reportToActions(r: DeployDataResult, env: NodeJS.ProcessEnv): void {
  if (env['GITHUB_OUTPUT']) appendFileSync(env['GITHUB_OUTPUT'], `full=${r.code === EXIT_FULL}\n`);
  if (r.code === EXIT_FALLBACK && env['GITHUB_ENV']) appendFileSync(env['GITHUB_ENV'], `PAMAP2_FALLBACK=${r.reason ?? 'unknown'}\n`);
  if (r.code === EXIT_FALLBACK) console.log(`::warning title=PAMAP2 data::${r.summary}`);
  if (r.code === EXIT_UNPUBLISHABLE) console.log(`::error title=PAMAP2 data::${r.summary}`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { source: { type: 'string' }, 'public-dir': { type: 'string' }, 'work-dir': { type: 'string' } },
    strict: true,
  });
  const r = await prepareDeployData({
    ...(values.source !== undefined ? { source: values.source } : {}),
    ...(values['public-dir'] !== undefined ? { publicDir: values['public-dir'] } : {}),
    ...(values['work-dir'] !== undefined ? { workDir: values['work-dir'] } : {}),
    log: (line) => console.error(line),
  });
  console.log(r.summary);
  reportToActions(r, process.env);
  return r.code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(`data:pamap2:deploy: ${errorMessage(err)}`);
      process.exitCode = EXIT_UNPUBLISHABLE;
    },
  );
}
