// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';
import rehypeKatex from 'rehype-katex';
import { unified } from '@astrojs/markdown-remark';
import { siteAndBase } from './scripts/site-base.mjs';
import { rehypeHeadingMath } from './src/node/markdown/rehype-heading-math.ts';
import { GFM_OPTIONS } from './src/node/markdown/gfm-options.ts';
import { citationPlugins } from './src/node/markdown/rehype-citations-site.ts';
import { fileURLToPath } from 'node:url';
import { notesSidebar } from './scripts/sidebar.mjs';
import rehypeScrollable from './scripts/rehype-scrollable.mjs';
import rehypeMathSearch from './scripts/rehype-math-search.mjs';
import { tfjsThreadedWasm } from './scripts/vite-tfjs-threaded.mjs';
import { coiServiceWorker } from './scripts/coi-serviceworker.mjs';

// site/base come from the environment (GitHub Pages sets them in the deploy workflow
// from the repository), so no absolute link is hard-coded. Locally base defaults to '/'.
const { site, base } = siteAndBase(process.env);

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  // Separate output/cache dirs let several builds (e2e runs of parallel work) coexist.
  outDir: process.env.ASTRO_OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'ignore',
  vite: {
    // tfjs's threaded WASM build must not be minified into a broken pthread worker (see the plugin).
    plugins: [tfjsThreadedWasm()],
    // Dev server only: pre-bundle every tfjs entry the islands and workers import, up front,
    // so opening the first demo does not make Vite re-optimise and reload the page. The order in
    // which tfjs-core's entry and its gradients load is demos/shared/gradients.ts's concern.
    optimizeDeps: {
      include: [
        '@tensorflow/tfjs-core',
        '@tensorflow/tfjs-core/dist/register_all_gradients',
        '@tensorflow/tfjs-backend-cpu',
        '@tensorflow/tfjs-backend-webgl',
        '@tensorflow/tfjs-backend-webgpu',
        '@tensorflow/tfjs-backend-wasm',
      ],
    },
    worker: {
      // ES-module workers (both are created with { type: 'module' }): the worker bundle is
      // code-split, so runtime.ts's dynamic import() of each tfjs backend stays a lazy chunk
      // and a reader downloads only the backend that is chosen. The default 'iife' format
      // inlines every backend (webgpu, webgl, wasm, cpu) into one ~2 MB worker file.
      format: 'es',
      plugins: () => [tfjsThreadedWasm()],
      // Name worker assets like Astro names client assets ([name].[hash]): the tfjs .wasm
      // binaries, imported by wasm-urls.ts from both the page and the workers, then resolve
      // to one file each instead of a '-'- and a '.'-named copy of the same bytes.
      rolldownOptions: { output: { assetFileNames: '_astro/[name].[hash][extname]' } },
    },
  },
  // Unified processor (MDX inherits it): math (remark-math + rehype-katex, then headings with
  // math get one readable TOC text) and citations ([@key] against content/references.bib,
  // numbered, with a 참고 문헌 list; an unknown key fails the build).
  markdown: {
    processor: unified({
      // GFM with OUR options (no single-tilde strikethrough: "0.3~0.9" is a range), so the built-in
      // default-option remark-gfm is switched off (see src/node/markdown/gfm-options.ts).
      gfm: false,
      remarkPlugins: [[remarkGfm, GFM_OPTIONS], remarkMath],
      rehypePlugins: [
        rehypeKatex,
        // each formula indexed once by Pagefind (its MathML), not also as its visual HTML
        rehypeMathSearch,
        rehypeHeadingMath,
        ...citationPlugins(fileURLToPath(new URL('.', import.meta.url)), process.env.NOTES_DOCS_DIR || './content/docs'),
        // keyboard access to formulas and tables that scroll sideways (after rehype-katex)
        [rehypeScrollable, { notesDir: process.env.NOTES_DOCS_DIR || './content/docs' }],
      ],
    }),
  },
  integrations: [
    // Cross-origin isolation on GitHub Pages (threaded WASM in the KD demo): see the integration.
    coiServiceWorker(),
    starlight({
      // One title per locale (Starlight picks by the page's lang); the description is the site's
      // default <meta name="description"> where a page has none of its own.
      title: { ko: '딥러닝 노트', en: 'Deep Learning Notes' },
      description: 'Transformer, ViT, LLM·VLM 공부 노트와 다중 교사 지식 증류(KD) 연구 로그 — 브라우저에서 직접 돌려 보는 데모와 함께.',
      // Korean stays the root locale, so every existing URL is unchanged; the English edition lives
      // under /en/ with the same slugs (content/docs/en/<same path>.mdx, #23). Starlight then writes
      // <html lang>, the hreflang alternates, the language picker and a 404 per locale; a Korean page
      // with no English page yet is served under /en/ as a fallback with Starlight's notice.
      defaultLocale: 'root',
      locales: { root: { label: '한국어', lang: 'ko' }, en: { label: 'English', lang: 'en' } },
      customCss: ['katex/dist/katex.min.css', './src/styles/custom.css', './src/styles/references.css', './src/styles/korean.css'],
      // Fallback pages (Korean text under /en/) stay out of the English search index, and the one
      // 404.html speaks the language of the missing path (see the file).
      routeMiddleware: './src/route-data.ts',
      components: {
        // The page title also shows links to the researcher's original notes (frontmatter sourceNotes).
        PageTitle: './src/components/overrides/PageTitle.astro',
        // The search button is named from its visible text (WCAG 2.5.3, label in name).
        Search: './src/components/overrides/Search.astro',
        // Each language's name marked with its language (<option lang="ko">한국어</option>).
        LanguageSelect: './src/components/overrides/LanguageSelect.astro',
        // Previous/next: a Korean title on an English page (not translated yet) marked lang="ko".
        Pagination: './src/components/overrides/Pagination.astro',
      },
      // Generated from the files in content/docs and their frontmatter sidebar.order (scripts/sidebar.mjs):
      // adding a note is adding a file. The order is the reading order: Transformer and ViT first,
      // since the VLM pages build on them; the KD method before the log and results that use it.
      // NOTES_DOCS_DIR (tests only) points at a copy of the notes.
      sidebar: notesSidebar(process.env.NOTES_DOCS_DIR || './content/docs'),
    }),
  ],
});
