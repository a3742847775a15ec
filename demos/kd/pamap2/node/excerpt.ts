/** Node: read the real excerpts from `data/pamap2/` (default) and build the excerpt dataset. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXCERPT_FILES, excerptSeries, excerptSubjectTexts, type ExcerptTexts } from '../excerpt.ts';
import type { SubjectSeries } from '../series.ts';
import { makeWindows, type WindowSet } from '../windows.ts';

export const DEFAULT_EXCERPT_DIR = 'data/pamap2';

export async function readExcerptTexts(dir = DEFAULT_EXCERPT_DIR): Promise<ExcerptTexts> {
  const read = (name: string): Promise<string> => readFile(join(dir, name), 'utf8');
  const [first10000, alexchow, indexCsv] = await Promise.all([
    read(EXCERPT_FILES.first10000),
    read(EXCERPT_FILES.alexchow),
    read(EXCERPT_FILES.indexCsv),
  ]);
  return { first10000, alexchow, indexCsv };
}

export async function loadExcerptSeries(dir = DEFAULT_EXCERPT_DIR): Promise<SubjectSeries[]> {
  return excerptSeries(await readExcerptTexts(dir));
}

export async function loadExcerptWindows(dir = DEFAULT_EXCERPT_DIR): Promise<WindowSet> {
  return makeWindows(await loadExcerptSeries(dir));
}

export async function loadExcerptSubjectTexts(dir = DEFAULT_EXCERPT_DIR): Promise<Map<number, string>> {
  return excerptSubjectTexts(await readExcerptTexts(dir));
}
