/**
 * The sweep command (demos/kd/sweep). Usage:
 *
 *   npm run sweep -- --config <smoke|quick|paper|file.json> [--out content/results/own]
 *                    [--shard k/n] [--workers N] [--backend cpu|wasm] [--plan]
 *   npm run sweep:merge -- --out content/results/own --from shard-1 shard-2 …
 *   npm run sweep -- estimate --config paper [--train-windows 26000] [--folds 9] [--steps 2] [--measure-batch 8]
 *
 * One artifact per run under <out>/<name>/runs/, written atomically; a re-run skips finished
 * runs; teachers are trained once per (arch, fold) and cached under <out>/<name>/_cache/.
 * Without --shard, a complete sweep also writes its group aggregates (same as merge).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { isPreset, parseSweepConfig, PRESETS, type SweepConfig } from '../demos/kd/sweep/config.ts';
import { parseShard, planSweep, shardUnits } from '../demos/kd/sweep/plan.ts';
import { runSweep } from '../demos/kd/sweep/node/pool.ts';
import { mergeSweeps } from '../demos/kd/sweep/node/merge.ts';
import { estimateSweep } from '../demos/kd/sweep/node/estimate.ts';
import { hasFlag, option } from './cli-args.ts';
import { errorMessage } from '../demos/shared/errors';

const argv = process.argv.slice(2);
const sub = argv[0] === 'merge' || argv[0] === 'run' || argv[0] === 'estimate' ? argv.shift()! : 'run';
function flagList(name: string): string[] {
  const i = argv.indexOf(name);
  if (i < 0) return [];
  const out: string[] = [];
  for (let j = i + 1; j < argv.length && !argv[j]!.startsWith('--'); j++) out.push(argv[j]!);
  return out;
}
const log = (s: string) => console.log(s);

function codeVersion(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'demos/kd', 'scripts/sweep.ts'], { encoding: 'utf8' }).trim();
    return dirty ? `${sha}+dirty` : sha;
  } catch {
    return process.env.GITHUB_SHA ?? 'unknown';
  }
}

function loadConfig(arg: string): { config: SweepConfig; preset: string | undefined } {
  const file = isPreset(arg) ? resolve(import.meta.dirname, `../demos/kd/sweep/presets/${arg}.json`) : resolve(arg);
  if (!existsSync(file)) throw new Error(`--config ${arg}: no such file (presets: ${PRESETS.join(', ')})`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  return { config: parseSweepConfig(file, json), preset: isPreset(arg) ? arg : undefined };
}

/** A positive-integer flag (`--workers 4`), or the fallback when absent; anything else stops with a message. */
function intOption(name: string, fallback: number): number {
  const raw = option(name, argv);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

async function main(): Promise<void> {
  const out = resolve(option('--out', argv) ?? 'content/results/own');
  if (sub === 'merge') {
    const from = flagList('--from').map((d) => resolve(d));
    const r = mergeSweeps(out, from);
    log(
      `merge into ${out}: ${r.copied} run(s) copied, ${r.identical} identical already there, ${r.groups} group artifact(s) for ${r.sweeps.join(', ') || 'no sweep'}`,
    );
    for (const b of r.broken) log(`skipped broken file: ${b}`);
    for (const c of r.conflicts) log(`CONFLICT: ${c}`);
    if (r.conflicts.length || r.broken.length) process.exitCode = 1;
    return;
  }
  const loaded = loadConfig(option('--config', argv) ?? 'smoke');
  const preset = loaded.preset;
  const backendArg = option('--backend', argv);
  if (backendArg !== undefined && backendArg !== 'cpu' && backendArg !== 'wasm')
    throw new Error(`--backend must be cpu or wasm, got "${backendArg}"`);
  const config: SweepConfig = backendArg ? { ...loaded.config, backend: backendArg } : loaded.config;
  if (sub === 'estimate') {
    // Full PAMAP2 protocol data: ≈ 1.94 M labelled 100 Hz rows → /3 (33.3 Hz) → step-22 windows ≈ 29 k,
    // ≈ 26 k of them in a fold's training set (8 of 9 subjects). Override with --train-windows.
    const trainWindows = intOption('--train-windows', 26000);
    const folds = intOption('--folds', config.folds === 'all' ? 9 : config.folds.length);
    const workers = intOption('--workers', availableParallelism());
    const measureBatch = intOption('--measure-batch', config.batchSize);
    log(`measuring with batch ${measureBatch} (config batch ${config.batchSize}), ${trainWindows} training windows per fold`);
    const r = await estimateSweep(config, { folds, trainWindows, workers, steps: intOption('--steps', 2), measureBatch, log });
    const h = r.seconds / 3600;
    log(
      `estimate for "${config.name}": ${config.teacherArchs.length} arch × ${folds} folds × (2 teachers + ${config.alphas.length} α × ${config.trials} trials students) × ${config.epochs} epochs × ${trainWindows} training windows`,
    );
    log(`≈ ${h.toFixed(0)} h = ${(h / 24).toFixed(1)} days of training on ${workers} worker(s) here (evaluation not included)`);
    return;
  }
  const shardArg = option('--shard', argv);
  const shard = shardArg ? parseShard(shardArg) : null;
  const workers = intOption('--workers', availableParallelism());
  if (hasFlag('--plan', argv)) {
    const subjects = config.folds === 'all' ? [101, 102, 103, 105, 107, 108] : config.folds;
    let units = planSweep(config, subjects);
    if (shard) units = shardUnits(units, shard);
    for (const u of units) log(`${u.key}: ${u.runs.map((r) => r.id).join(' ')}`);
    log(
      `${units.length} unit(s), ${units.reduce((n, u) => n + u.runs.length, 0)} run(s)${config.folds === 'all' ? ' (folds "all" shown for the excerpt subjects)' : ''}`,
    );
    return;
  }
  log(`sweep "${config.name}"${preset ? ` (preset ${preset})` : ''} → ${out}`);
  const s = await runSweep({ config, preset, out, shard, workers, codeVersion: codeVersion(), log });
  log(
    `done: ${s.ran} run(s) in ${s.seconds.toFixed(1)} s, ${s.skipped} skipped; teachers trained ${s.teachersTrained}, from cache ${s.teachersCached}; backend ${s.backend}`,
  );
  if (!shard) {
    const r = mergeSweeps(out, []);
    log(`wrote ${r.groups} group artifact(s)`);
  }
}

main().catch((e: unknown) => {
  console.error(errorMessage(e));
  process.exit(1);
});
