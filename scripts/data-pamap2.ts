/**
 * npm run data:pamap2 -- --source <PAMAP2_Dataset.zip | folder | URL> [--out DIR] [--browser-out DIR]
 *   [--unverified] [--subjects 101,102] [--browser-subjects 101,105] [--browser-max-mb 25]
 *   [--segment-gap-s S | none] [--download-dir DIR]
 * See demos/kd/pamap2/README.md ("Data command"). Exit code 1 with a message naming the file on
 * bad input.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_OUT, runDataCommand } from '../demos/kd/pamap2/node/data-command.ts';
import { UCI_PAMAP2_URL } from '../demos/kd/pamap2/source-hashes.ts';
import { errorMessage } from '../demos/shared/errors';

const USAGE = `usage: npm run data:pamap2 -- [--source ZIP|FOLDER|URL] [--out DIR] [--browser-out DIR] [--unverified]
       [--subjects 101,102,...] [--browser-subjects 101,...] [--browser-max-mb 25] [--segment-gap-s S|none] [--download-dir DIR]
  --source       default ${UCI_PAMAP2_URL}
  --out          Node shards (float32), default ${DEFAULT_OUT}
  --browser-out  also write the browser share (uint8), e.g. public/data/pamap2`;

function list(v: string | undefined, flag: string): number[] | null {
  if (v === undefined) return null;
  const xs = v.split(',').map((s) => Number(s.trim()));
  if (xs.some((x) => !Number.isInteger(x) || x < 101 || x > 109))
    throw new Error(`${flag}: expected subject ids 101..109 separated by commas, got "${v}"`);
  return xs;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string' },
      out: { type: 'string' },
      'browser-out': { type: 'string' },
      unverified: { type: 'boolean', default: false },
      subjects: { type: 'string' },
      'browser-subjects': { type: 'string' },
      'browser-max-mb': { type: 'string' },
      'segment-gap-s': { type: 'string' },
      'download-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const gap = values['segment-gap-s'];
  const maxMb = values['browser-max-mb'];
  if (maxMb !== undefined && !(Number(maxMb) > 0)) throw new Error(`--browser-max-mb: expected a positive number, got "${maxMb}"`);
  if (gap !== undefined && gap !== 'none' && !(Number(gap) > 0))
    throw new Error(`--segment-gap-s: expected seconds > 0 or "none", got "${gap}"`);
  const t0 = performance.now();
  const r = await runDataCommand(
    {
      ...(values.source !== undefined ? { source: values.source } : {}),
      ...(values.out !== undefined ? { out: values.out } : {}),
      browserOut: values['browser-out'] ?? null,
      unverified: values.unverified,
      subjects: list(values.subjects, '--subjects'),
      browserSubjects: list(values['browser-subjects'], '--browser-subjects'),
      ...(maxMb !== undefined ? { browserMaxBytes: Number(maxMb) * 1e6 } : {}),
      ...(gap !== undefined ? { segmentGapS: gap === 'none' ? null : Number(gap) } : {}),
      ...(values['download-dir'] !== undefined ? { downloadDir: values['download-dir'] } : {}),
    },
    (line) => console.error(line),
  );
  const m = r.manifest;
  console.log(
    `done in ${((performance.now() - t0) / 1000).toFixed(1)} s: subjects ${m.subjects.join(', ')}; windows per subject ${m.shards.map((s) => `${s.subject}: ${s.windows}`).join(', ')}; total ${m.totals.windows}`,
  );
  if (!m.source.allVerified) console.log('NOTE: unverified input (SHA-256 does not match the full UCI files); the manifest records it.');
}

main().catch((err: unknown) => {
  console.error(`data:pamap2: ${errorMessage(err)}`);
  process.exitCode = 1;
});
