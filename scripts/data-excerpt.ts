/**
 * Writes the page's compact copy of the bundled excerpt (demos/kd/pamap2/excerpt-series.ts) from
 * the raw files in data/pamap2/, which stay the source:  npm run data:excerpt
 * Run it after changing the raw excerpt or the preprocessing; test/unit/excerpt-series.test.ts
 * fails while the committed copy differs from the raw parse.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_EXCERPT_DIR, readExcerptTexts } from '../demos/kd/pamap2/node/excerpt.ts';
import { excerptSeries } from '../demos/kd/pamap2/excerpt.ts';
import { EXCERPT_SERIES_FILE, encodeExcerptSeries } from '../demos/kd/pamap2/excerpt-series.ts';
import { excerptSha256 } from '../demos/kd/run/data-summary.ts';

const texts = await readExcerptTexts(DEFAULT_EXCERPT_DIR);
const bytes = encodeExcerptSeries(excerptSeries(texts), await excerptSha256(texts));
const out = join(DEFAULT_EXCERPT_DIR, EXCERPT_SERIES_FILE);
writeFileSync(out, bytes);
const raw = texts.first10000.length + texts.alexchow.length + texts.indexCsv.length;
console.log(`${out}: ${bytes.length} bytes (raw texts: ${raw} bytes, ${(raw / bytes.length).toFixed(1)}× larger)`);
