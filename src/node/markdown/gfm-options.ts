/**
 * remark-gfm options of the site's one markdown pipeline (astro.config.mjs; MDX inherits it) and of
 * test/unit/mdx-prose-render.test.ts, which parses every page with exactly these options.
 *
 * singleTilde: false — GFM's default also strikes through text between two SINGLE tildes, and
 * Korean prose writes ranges with one tilde ("0.36~1.91 %p … 0.04~0.61 %p"): the text between two
 * such ranges was shown struck through (<del>) and both tildes vanished, so findings looked
 * retracted. A strikethrough now needs `~~x~~`, which the source must ask for explicitly.
 */
import type { Options } from 'remark-gfm';

export const GFM_OPTIONS: Options = { singleTilde: false };
