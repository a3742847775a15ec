/**
 * Sweep worker process (forked by ./pool.ts, one per core). Loads the data once, then runs
 * the units the coordinator sends. Exits when the coordinator goes away (IPC disconnect —
 * also after a SIGKILL of the coordinator), so a killed sweep leaves no orphans.
 */
import { useNodeBackend } from '../../node/tf-node';
import { loadSweepData, type SweepData } from './sweep-data';
import { foldInputs } from '../../experiment/inputs';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';
import { runStudent, teachersFor, type UnitContext } from './unit';

const send = (m: FromWorker) => process.send?.(m);
process.on('disconnect', () => process.exit(0));

let init: WorkerInit | null = null;
let data: SweepData | null = null;
let backend = '';
let queue = Promise.resolve();

async function handle(m: ToWorker): Promise<void> {
  if (m.type === 'exit') {
    process.exit(0);
  }
  if (m.type === 'init') {
    init = m;
    backend = await useNodeBackend(m.config.backend);
    data = await loadSweepData(m.config.data);
    send({ type: 'ready', backend, windows: data.windows.n, subjects: data.subjects, dataSource: data.source, sha256: data.sha256 });
    return;
  }
  if (!init || !data) throw new Error('unit before init');
  const { unit, todo } = m;
  const ctx: UnitContext = {
    config: init.config,
    preset: init.preset,
    out: init.out,
    codeVersion: init.codeVersion,
    backend,
    data: { source: data.source, sha256: data.sha256, subjects: data.subjects, windows: data.windows.n },
    fold: foldInputs(data.windows, unit.subject, init.config.gafSize),
    emit: send,
  };
  const teachers = await teachersFor(ctx, unit);
  for (const run of unit.runs) {
    if (!todo.includes(run.id)) continue;
    const t0 = performance.now();
    const a = await runStudent(ctx, run, teachers);
    send({ type: 'run-done', run: run.id, ms: performance.now() - t0, bestAcc: a.metrics.bestTestAcc });
  }
  send({ type: 'unit-done', unit: unit.key });
}

process.on('message', (m: ToWorker) => {
  queue = queue
    .then(() => handle(m))
    .catch((e: unknown) => {
      send({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      process.exit(1);
    });
});
