import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { resultsDirs, resultsLoader } from './node/results-loader';
import { sourceNotesField } from './components/source-notes/schema';

// Notes live in ./content/docs (not src/content/docs), so a glob() loader replaces
// Starlight's docsLoader(), which has no base option. NOTES_DOCS_DIR (tests only) builds a copy,
// the same folder astro.config.mjs generates the sidebar from.
export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: process.env['NOTES_DOCS_DIR'] || './content/docs' }),
    // sourceNotes: links to the researcher's original notes (see components/source-notes).
    // sourceHash (English pages, content/docs/en/**): the Korean source's hash when the English was
    // last synced (scripts/translation-hash.mjs; the pairing test compares it with the current one).
    schema: docsSchema({
      extend: z.object({
        sourceNotes: sourceNotesField,
        sourceHash: z
          .string()
          .regex(/^[0-9a-f]{16}$/, 'sourceHash: 16 lower-case hex characters (node scripts/translation-hash.mjs --write en/<page>.mdx)')
          .optional(),
      }),
    }),
  }),
  // Sweep result artifacts (demos/kd/artifact): content/results/** plus $RESULTS_EXTRA_DIR
  // (a sweep run outside the repo, e.g. CI's smoke run). A malformed file fails the build.
  results: defineCollection({
    loader: resultsLoader(resultsDirs(process.env)),
  }),
};
