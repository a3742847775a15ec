/**
 * Prints the story's numbers in Node (the same code the page's worker runs):
 *   npx tsx demos/kd/story/node/cli.ts [--backend cpu|wasm] [--seeds 5] [--setting few|lab|both]
 * Reads the committed asset public/data/kd-story/ (scripts/make-kd-story-data.ts).
 */
import { readFileSync } from 'node:fs';
import { useNodeBackend } from '../../node/tf-node';
import { defaultConvImpl } from '../../conv';
import { StoryConfigSchema, type Setting } from '../config';
import { decodeRecordings } from '../recordings';
import { MODEL_NAMES, runStory } from '../scenario';
import { compareStudents } from '../verdict';
import { summarize } from '../stats';

const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const backend = arg('backend', 'wasm') as 'cpu' | 'wasm';
await useNodeBackend(backend);
const header: unknown = JSON.parse(readFileSync('public/data/kd-story/recordings.json', 'utf8'));
const bin = readFileSync('public/data/kd-story/recordings.i16.bin');
const rows = decodeRecordings(header, bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
const which = arg('setting', 'both');
const settings: Setting[] = which === 'both' ? ['few', 'lab'] : [which as Setting];
const pct = (v: number): string => (100 * v).toFixed(1);
for (const setting of settings) {
  const cfg = StoryConfigSchema.parse({ setting, seeds: Number(arg('seeds', '5')) });
  const cpu0 = process.cpuUsage();
  const r = await runStory(rows, cfg, { impl: defaultConvImpl(backend) });
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `\n== setting ${setting} (${backend}, ${cfg.seeds} seeds × 2 folds, ${r.seconds.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU; train ${r.trainWindows} windows, labelled ${r.labelledWindows}, test ${r.testWindows}: one window = ${pct(1 / r.testWindows)} points)`,
  );
  for (const m of MODEL_NAMES) {
    const f1 = summarize(r.seeds.map((s) => s.scores[m].macroF1));
    const acc = summarize(r.seeds.map((s) => s.scores[m].accuracy));
    console.log(
      `${m.padEnd(8)} macro-F1 ${pct(f1.mean)} [${pct(f1.lo)}, ${pct(f1.hi)}]  acc ${pct(acc.mean)} [${pct(acc.lo)}, ${pct(acc.hi)}]  per seed F1: ${r.seeds.map((s) => pct(s.scores[m].macroF1)).join(' ')}`,
    );
  }
  const c = compareStudents(r.seeds);
  for (const [name, d] of [
    ['kd − alone', c.vsAlone],
    ['kd − ls', c.vsLs],
  ] as const)
    console.log(
      `${name.padEnd(10)} macro-F1 ${pct(d.diff.mean)} points [${pct(d.diff.lo)}, ${pct(d.diff.hi)}], kd ahead in ${d.wins}/${d.diff.n} seeds -> ${d.verdict}`,
    );
}
