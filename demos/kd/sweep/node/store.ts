/**
 * Node: the sweep's on-disk state. Layout under <out>/<sweep name>/:
 *   runs/<run id>.json          one run artifact per finished run (the only record of progress)
 *   groups/<group>.json         aggregates, written by `sweep merge` (or at the end of a full run)
 *   _cache/teachers/<key>.json  frozen teachers' training-set logits per (arch, fold) — reused
 *                               across α and trials; "_" keeps it out of the results collection
 * Every write is atomic (temp file in the same folder + fsync + rename), so a SIGKILL leaves
 * either the old state or the new file, never half a file; stale temp files are removed on start.
 */
import { mkdirSync, openSync, writeSync, fsyncSync, closeSync, renameSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArtifactText, type RunArtifact } from '../../artifact/index';

export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export const sweepDir = (out: string, name: string) => join(out, name);
export const runsDir = (out: string, name: string) => join(out, name, 'runs');
export const runFile = (out: string, name: string, id: string) => join(runsDir(out, name), `${id}.json`);
export const cacheDir = (out: string, name: string) => join(out, name, '_cache', 'teachers');

/** Removes temp files a killed writer left behind (".<name>.<pid>.tmp"). Returns how many. */
export function removeStaleTemps(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (/(^|\/)\.[^/]+\.\d+\.tmp$/.test(f)) {
      rmSync(join(dir, f));
      n++;
    }
  }
  return n;
}

export interface FinishedScan {
  finished: Map<string, RunArtifact>;
  /** files that exist but do not parse (re-run, and say so) */
  broken: { file: string; message: string }[];
}

/** Finished runs = run artifacts that parse and validate. */
export function scanRuns(dir: string): FinishedScan {
  const finished = new Map<string, RunArtifact>();
  const broken: FinishedScan['broken'] = [];
  if (!existsSync(dir)) return { finished, broken };
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.json') || f.startsWith('.')) continue;
    const file = join(dir, f);
    try {
      const a = parseArtifactText(file, readFileSync(file, 'utf8'));
      if (a.kind !== 'run') throw new Error(`${file}: field kind: expected "run"`);
      if (`${a.id}.json` !== f) throw new Error(`${file}: field id: "${a.id}" does not match the file name`);
      finished.set(a.id, a);
    } catch (e) {
      broken.push({ file, message: (e as Error).message });
    }
  }
  return { finished, broken };
}

/** Float32Array ⇄ base64 for the logits cache. */
export const f32ToB64 = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
export function b64ToF32(s: string): Float32Array {
  const b = Buffer.from(s, 'base64');
  const out = new Float32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}
