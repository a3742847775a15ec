// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { unified } from '@astrojs/markdown-remark';
import { siteAndBase } from './scripts/site-base.mjs';
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
    // so opening the first demo does not make Vite re-optimise and reload the page. (The dev-only
    // "Cannot evaluate flag 'DEBUG'" worker error was an evaluation-order problem, fixed in
    // demos/shared/gradients.ts.)
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
  // Math: remark-math + rehype-katex on the unified processor (MDX inherits it).
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }),
  },
  integrations: [
    // Cross-origin isolation on GitHub Pages (threaded WASM in the KD demo): see the integration.
    coiServiceWorker(),
    starlight({
      title: '딥러닝 노트',
      description: 'Transformer, ViT, LLM·VLM 공부 노트와 다중 교사 지식 증류(KD) 연구 로그 — 브라우저에서 직접 돌려 보는 데모와 함께.',
      defaultLocale: 'root',
      locales: { root: { label: '한국어', lang: 'ko' } },
      customCss: ['katex/dist/katex.min.css', './src/styles/custom.css'],
      // Explicit sidebar (autogenerate does not see a glob() loader outside src/content/docs).
      // Adding a note: create content/docs/<group>/<slug>.mdx and add its slug here.
      sidebar: [
        { label: '홈', link: '/' },
        {
          label: '공부 노트',
          items: [
            'study/llm-vs-vlm',
            'study/vlm-components',
            'study/vlm-training',
            'study/vlm-uses-limits',
            'study/what-matters-vlm',
            'study/transformer',
            'study/vit',
          ],
        },
        { label: '연구 로그 (KD)', items: ['research/2025-05-02', 'research/kd-method'] },
        {
          label: '실험 결과',
          items: [
            'results',
            'results/alpha-sweep-2025-05-02',
            'results/table-2025-04-25',
            'results/lambda-selection',
            'results/final-2-teacher',
            'results/own-runs',
          ],
        },
      ],
    }),
  ],
});
