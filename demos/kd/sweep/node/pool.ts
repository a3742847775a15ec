/**
 * Node: the sweep coordinator. Forks one worker per core (./worker.ts), plans the units once
 * the data is known, skips runs whose artifact already exists and parses, hands units to idle
 * workers, and prints progress with an ETA. State lives only in the run files (./store.ts), so
 * a coordinator killed at any moment loses at most the runs in flight; re-running resumes.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SweepConfig } from '../config';
import { planSweep, shardUnits, type UnitSpec } from '../plan';
import type { FromWorker, ToWorker } from './protocol';
import { removeStaleTemps, runsDir, scanRuns, sweepDir } from './store';

export interface SweepOptions {
  config: SweepConfig;
  preset: string | undefined;
  out: string;
  shard: { k: number; n: number } | null;
  workers: number;
  codeVersion: string;
  log: (line: string) => void;
}
export interface SweepSummary {
  planned: number;
  skipped: number;
  ran: number;
  units: number;
  teachersTrained: number;
  teachersCached: number;
  seconds: number;
  backend: string;
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const fmtTime = (s: number) =>
  s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.round((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`
      : `${s.toFixed(0)}s`;

type Job = { unit: UnitSpec; todo: string[] };
interface PlannedQueue {
  queue: Job[];
  planned: number;
  total: number;
}

/** The sweep's units with the runs still to do (finished runs on disk are skipped), logged. */
function planQueue(o: SweepOptions, finished: { has(id: string): boolean }, subjects: number[]): PlannedQueue {
  let units = planSweep(o.config, subjects);
  if (o.shard) units = shardUnits(units, o.shard);
  const planned = units.reduce((n, u) => n + u.runs.length, 0);
  const queue = units
    .map((unit) => ({ unit, todo: unit.runs.filter((r) => !finished.has(r.id)).map((r) => r.id) }))
    .filter((j) => j.todo.length > 0);
  const total = queue.reduce((n, j) => n + j.todo.length, 0);
  o.log(
    `plan: ${units.length} unit(s) (teacher arch × fold)${o.shard ? ` in shard ${o.shard.k}/${o.shard.n}` : ''}, ${planned} run(s); ` +
      `${planned - total} already finished → skipped, ${total} to run on ${o.workers} worker(s)`,
  );
  return { queue, planned, total };
}

export async function runSweep(o: SweepOptions): Promise<SweepSummary> {
  const t0 = performance.now();
  const c = o.config;
  const stale = removeStaleTemps(sweepDir(o.out, c.name));
  if (stale) o.log(`removed ${stale} temp file(s) left by an interrupted writer`);
  const scan = scanRuns(runsDir(o.out, c.name));
  for (const b of scan.broken) o.log(`will re-run: ${b.message.split('\n')[0]}`);

  const children: ChildProcess[] = [];
  const killAll = () => children.forEach((ch) => ch.connected && ch.kill());
  const send = (ch: ChildProcess, m: ToWorker) => ch.send(m);
  let backend = '';

  return await new Promise<SweepSummary>((resolve, reject) => {
    let queue: Job[] | null = null;
    let planned = 0;
    let skipped = 0;
    let total = 0;
    let done = 0;
    let teachersTrained = 0;
    let teachersCached = 0;
    let busy = 0;
    let finished = false;
    const idle: ChildProcess[] = [];
    const fail = (e: Error) => {
      if (finished) return;
      finished = true;
      killAll();
      reject(e);
    };
    const finish = () => {
      if (finished) return;
      finished = true;
      children.forEach((ch) => ch.connected && send(ch, { type: 'exit' }));
      resolve({
        planned,
        skipped,
        ran: done,
        units: queue ? queue.length : 0,
        teachersTrained,
        teachersCached,
        seconds: (performance.now() - t0) / 1000,
        backend,
      });
    };
    const dispatch = () => {
      if (!queue) return;
      while (idle.length && queue.length) {
        const ch = idle.pop()!;
        const job = queue.shift()!;
        busy++;
        send(ch, { type: 'unit', unit: job.unit, todo: job.todo });
      }
      if (queue.length === 0 && busy === 0) finish();
    };
    const plan = (subjects: number[]) => {
      let p: PlannedQueue;
      try {
        p = planQueue(o, scan.finished, subjects);
      } catch (e) {
        return fail(e as Error);
      }
      ({ queue, planned, total } = p);
      skipped = planned - total;
    };

    const onMessage = (ch: ChildProcess) => (m: FromWorker) => {
      switch (m.type) {
        case 'ready':
          backend = m.backend;
          if (!queue) {
            o.log(
              `data: ${m.dataSource} (sha256 ${m.sha256.slice(0, 12)}…), ${m.windows} windows, subjects ${m.subjects.join(', ')}; backend ${m.backend}`,
            );
            plan(m.subjects);
          }
          idle.push(ch);
          return dispatch();
        case 'teachers':
          if (m.cached) teachersCached++;
          else teachersTrained++;
          return o.log(
            `  teachers ${m.unit}: ${m.cached ? 'from cache' : `trained in ${fmtTime(m.ms / 1000)}`} (held-out acc GAF ${m.gafAcc.toFixed(1)} %, signal ${m.sigAcc.toFixed(1)} %)`,
          );
        case 'epoch':
          return;
        case 'run-done': {
          done++;
          const el = (performance.now() - t0) / 1000;
          const eta = (el / done) * (total - done);
          return o.log(
            `[${done}/${total}] ${m.run}: best ${m.bestAcc.toFixed(2)} % (${fmtTime(m.ms / 1000)}) — elapsed ${fmtTime(el)}, ETA ${fmtTime(eta)}`,
          );
        }
        case 'unit-done':
          busy--;
          idle.push(ch);
          return dispatch();
        case 'error':
          return fail(new Error(`worker ${ch.pid}: ${m.message}`));
      }
    };

    const n = Math.max(1, o.workers);
    for (let i = 0; i < n; i++) {
      const ch = fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(ch);
      ch.on('message', onMessage(ch));
      ch.on('exit', (code) => {
        if (!finished && code !== 0) fail(new Error(`worker ${ch.pid} exited with code ${code}`));
      });
      send(ch, { type: 'init', config: c, preset: o.preset, out: o.out, codeVersion: o.codeVersion });
    }
    o.log(`workers: ${children.map((ch) => ch.pid).join(', ')} (pid)`);
  });
}
