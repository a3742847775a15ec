// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { siteAndBase } from './scripts/site-base.mjs';

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
  markdown: {
    remarkPlugins: [remarkMath],
    rehypePlugins: [rehypeKatex],
  },
  integrations: [
    starlight({
      title: '딥러닝 노트',
      description: 'Transformer, ViT, LLM·VLM 공부 노트와 다중 교사 지식 증류(KD) 연구 로그 — 브라우저에서 직접 돌려 보는 데모와 함께.',
      defaultLocale: 'root',
      locales: { root: { label: '한국어', lang: 'ko' } },
      customCss: ['katex/dist/katex.min.css', './src/styles/custom.css'],
      sidebar: [
        { label: '시작', items: [{ label: '홈', link: '/' }] },
      ],
    }),
  ],
});
