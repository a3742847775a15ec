// A sweep killed with SIGKILL while a run is in flight, then restarted: nothing finished is lost
// or re-run, nothing is duplicated, every file parses, no temp file or orphan worker remains.
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArtifactText } from '@demos/kd/artifact/index.ts';

// One process, as `npm run sweep` runs it (node --import tsx): the kill hits the coordinator itself.
const CONFIG = 'test/unit/fixtures/sweep/tiny.json';
const IDS = ['tiny-wrn16-1-a0.3-s101-t0', 'tiny-wrn16-1-a0.5-s101-t0', 'tiny-wrn16-1-a0.7-s101-t0'];

function start(out: string): { child: ChildProcess; log: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sweep.ts', '--config', CONFIG, '--out', out, '--workers', '1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (b: Buffer) => (text += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (text += b.toString()));
  return { child, log: () => text };
}
const exited = (c: ChildProcess) =>
  new Promise<number | null>((r) => (c.exitCode !== null || c.signalCode !== null ? r(c.exitCode) : c.on('exit', (code) => r(code))));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('sweep survives SIGKILL', () => {
  it('kill mid-run, restart: every run exactly once, finished runs untouched, all files parse', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sweep-kill-'));
    const runs = join(out, 'tiny', 'runs');
    const list = () => (existsSync(runs) ? readdirSync(runs).sort() : []);

    const first = start(out);
    const t0 = Date.now();
    while (list().filter((f) => f.endsWith('.json')).length < 1) {
      if (first.child.exitCode !== null) throw new Error(`sweep ended before the kill:\n${first.log()}`);
      if (Date.now() - t0 > 150_000) throw new Error(`no run finished in time:\n${first.log()}`);
      await sleep(20);
    }
    // the worker goes straight on to the next run (teachers are in memory): kill now, mid-run
    first.child.kill('SIGKILL');
    await exited(first.child);
    const before = new Map(
      list()
        .filter((f) => f.endsWith('.json'))
        .map((f) => [f, readFileSync(join(runs, f), 'utf8')]),
    );
    expect(before.size).toBeGreaterThanOrEqual(1);
    expect(before.size).toBeLessThan(IDS.length); // the kill really interrupted the sweep
    // the worker notices the coordinator is gone (IPC disconnect) and exits: no orphan keeps training
    const pids = [...first.log().matchAll(/workers: ([\d, ]+) \(pid\)/g)].flatMap((m) => m[1]!.split(', ').map(Number));
    expect(pids.length).toBe(1);
    for (let i = 0; i < 50 && pids.some(alive); i++) await sleep(100);
    expect(pids.filter(alive)).toEqual([]);

    const second = start(out);
    expect(await exited(second.child)).toBe(0);
    const log = second.log();
    expect(log).toContain(`${before.size} already finished → skipped, ${IDS.length - before.size} to run`);
    expect(log).toContain('from cache'); // teachers of the fold were cached before the kill

    const files = list();
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]); // no temp files left
    expect(files).toEqual(IDS.map((id) => `${id}.json`)); // nothing lost, nothing duplicated
    for (const f of files) {
      const a = parseArtifactText(f, readFileSync(join(runs, f), 'utf8'));
      expect(a.kind === 'run' && a.id).toBe(f.replace(/\.json$/, ''));
    }
    for (const [f, text] of before) expect(readFileSync(join(runs, f), 'utf8')).toBe(text); // not re-run
    const group = JSON.parse(readFileSync(join(out, 'tiny', 'groups', 'wrn16-1-a0.3.json'), 'utf8'));
    expect(group.runIds).toEqual([IDS[0]]);

    // a third start finds everything done and trains nothing
    const third = start(out);
    expect(await exited(third.child)).toBe(0);
    expect(third.log()).toContain(`${IDS.length} already finished → skipped, 0 to run`);
  }, 300_000);
});
