/**
 * Astro integration that serves coi-serviceworker (npm) at the site's base, `<base>coi-serviceworker.js`.
 *
 * GitHub Pages sends no COOP/COEP headers, so a page there is not cross-origin isolated and
 * gets no SharedArrayBuffer: tfjs's threaded WASM build cannot run. The page that wants threads
 * (the KD demo, src/components/KdRunDemo.astro) registers this file as a service worker whose
 * scope is the base folder; it re-serves every response of the site with
 * `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`.
 * The page reloads once, after the worker is active (at most once per tab). The page does its
 * own registration instead of the package's page half, which throws when registration yields no
 * registration object (a browser or test harness that blocks service workers) and can reload
 * twice when the first reload comes before activation. The file is copied from node_modules at
 * build time (and served from there by the dev server), not vendored.
 */
import { copyFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const COI_FILE = 'coi-serviceworker.js';
const source = () => createRequire(import.meta.url).resolve('coi-serviceworker/coi-serviceworker.min.js');

export function coiServiceWorker() {
  let base = '/';
  return {
    name: 'coi-serviceworker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          if ((req.url ?? '').split('?')[0] !== `${base}${COI_FILE}`) return next();
          res.setHeader('content-type', 'text/javascript');
          res.end(await readFile(source()));
        });
      },
      'astro:build:done': ({ dir }) => {
        copyFileSync(source(), fileURLToPath(new URL(COI_FILE, dir)));
      },
    },
  };
}
