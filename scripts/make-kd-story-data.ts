/**
 * Writes the KD story's data asset from the raw excerpt (deterministic; see demos/kd/story/README.md):
 *   public/data/kd-story/recordings.i16.bin  (K=12, R=500, S=27) int16 little-endian
 *   public/data/kd-story/recordings.json     header (zod: StoryHeaderSchema)
 * Run: npx tsx scripts/make-kd-story-data.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deriveRecordings, encodeRecordings } from '../demos/kd/story/recordings';

const raw = (f: string): string => readFileSync(`data/pamap2/${f}`, 'utf8');
const rows = deriveRecordings(raw('alexchow-windows.uci54.dat'), raw('alexchow-windows.index.csv'));
const { header, bytes } = encodeRecordings(rows);
mkdirSync('public/data/kd-story', { recursive: true });
writeFileSync('public/data/kd-story/recordings.i16.bin', bytes);
writeFileSync('public/data/kd-story/recordings.json', `${JSON.stringify(header, null, 1)}\n`);
console.log(`wrote ${bytes.length} bytes + header (${header.classes} recordings × ${header.rows} rows × ${header.channels} channels)`);
