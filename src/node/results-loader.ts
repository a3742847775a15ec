/**
 * Content-layer loader for result artifacts (demos/kd/artifact): every *.json under the given
 * directories, one artifact per file. Each file is validated with the artifact schema BEFORE it
 * reaches the store, and a bad file throws an error that names the file and the field, so the
 * build fails loudly (`<file>: field config.alpha: …`).
 *
 * Directories: content/results (committed: the reference + committed own runs) and, when set,
 * $RESULTS_EXTRA_DIR (e.g. the smoke sweep that CI/e2e runs before the build) — its entries get
 * ids prefixed "extra/" so they never collide with or replace committed ones.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { artifactSchema, parseArtifactText } from '@demos/kd/artifact/index.ts';

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name.startsWith('_')) continue; // temp files of an atomic write, private dirs
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

export interface ResultsDir {
  dir: string;
  /** id prefix, e.g. 'extra/' */
  prefix: string;
}

export function resultsDirs(env: Record<string, string | undefined>): ResultsDir[] {
  const dirs: ResultsDir[] = [{ dir: resolve('content/results'), prefix: '' }];
  if (env.RESULTS_EXTRA_DIR) dirs.push({ dir: resolve(env.RESULTS_EXTRA_DIR), prefix: 'extra/' });
  return dirs;
}

export function resultsLoader(dirs: ResultsDir[]): Loader {
  return {
    name: 'results-artifacts',
    schema: artifactSchema,
    load: async ({ store, parseData, generateDigest, logger }) => {
      store.clear();
      for (const { dir, prefix } of dirs) {
        let files: string[];
        try {
          files = jsonFiles(dir);
        } catch {
          if (prefix) logger.warn(`RESULTS_EXTRA_DIR ${dir} does not exist; no extra results loaded`);
          continue;
        }
        for (const file of files) {
          const rel = relative(process.cwd(), file);
          const text = readFileSync(file, 'utf8');
          parseArtifactText(rel, text); // throws ArtifactError: "<file>: field <path>: <message>"
          const id =
            prefix +
            relative(dir, file)
              .replace(/\\/g, '/')
              .replace(/\.json$/, '');
          const data = await parseData({ id, data: JSON.parse(text) as Record<string, unknown>, filePath: rel });
          store.set({ id, data, filePath: rel, digest: generateDigest(text) });
        }
        logger.info(`${files.length} result artifacts from ${relative(process.cwd(), dir) || '.'}`);
      }
    },
  };
}
