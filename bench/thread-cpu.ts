/**
 * CPU time per thread of a Linux process, from /proc/<pid>/task/<tid>/stat (utime + stime, in
 * clock ticks of 10 ms): snapshot before and after some work, then `busiest` lists the threads
 * that used the most CPU in between, by name (Chromium names its threads: DedicatedWorker,
 * ThreadPoolForeg…, Compositor; the renderer's main thread carries the process name).
 */
import { readdir, readFile } from 'node:fs/promises';

export type ThreadCpu = Map<string, { name: string; ms: number }>;

export async function threadCpu(pids: readonly number[]): Promise<ThreadCpu> {
  const out: ThreadCpu = new Map();
  for (const pid of pids) {
    const tids = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
    for (const tid of tids) {
      const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => '');
      const close = stat.lastIndexOf(')');
      if (close < 0) continue;
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      // Fields after "(comm) ": state is f[0]; utime and stime are stat fields 14 and 15.
      out.set(`${pid}:${tid}`, { name, ms: (Number(f[11]) + Number(f[12])) * 10 });
    }
  }
  return out;
}

/** Threads that used at least `minMs` between two snapshots, busiest first. */
export function busiest(before: ThreadCpu, after: ThreadCpu, minMs = 30): { name: string; ms: number }[] {
  return [...after]
    .map(([k, a]) => ({ name: a.name, ms: a.ms - (before.get(k)?.ms ?? 0) }))
    .filter((t) => t.ms >= minMs)
    .sort((x, y) => y.ms - x.ms);
}
