// A static file server for a built site under its sub-path, as GitHub Pages serves it:
// anything outside the base is a 404 (so an absolute link or fetch that forgot the base fails),
// the base without its trailing slash redirects to the folder, and no COOP/COEP headers are sent
// (cross-origin isolation comes from the KD page's service worker). Used by e2e-server.mjs and by
// e2e specs that serve a build of their own (build-variants.spec.ts).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain',
  '.bin': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
  '.dat': 'text/plain',
};

// What GitHub Pages compresses: text formats. Images, fonts and Pagefind's .pf_* files (gzip
// already) go as they are; so does .wasm here, which keeps the estimate on the cautious side.
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.dat']);

/** The served prefix for a base however it is spelled ('/notes', '/notes/', ''): a folder. */
export const servedPrefix = (base) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/**
 * @param {{ root: string, base: string, gzip?: boolean, onStatus?: (path: string, status: number) => void }} o
 *   root: the build folder; base: the site's base, any spelling; gzip: compress text formats for
 *   a client that accepts gzip, as GitHub Pages does (a performance bench measures what a reader
 *   downloads); onStatus: sees every answer (a test collects the 404s of every request: pages,
 *   workers, the service worker)
 * @returns {import('node:http').Server} not yet listening
 */
export function createStaticServer({ root, base, gzip = false, onStatus = () => {} }) {
  const prefix = servedPrefix(base);
  return createServer(async (req, res) => {
    res.on('finish', () => onStatus(req.url ?? '', res.statusCode));
    const url = new URL(req.url ?? '/', 'http://x');
    let path = decodeURIComponent(url.pathname);
    if (`${path}/` === prefix) {
      res.writeHead(301, { location: `${prefix}${url.search}` }).end();
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('outside base');
      return;
    }
    path = normalize(path.slice(prefix.length - 1));
    let file = join(root, path);
    try {
      const s = await stat(file);
      if (s.isDirectory()) file = join(file, 'index.html');
    } catch {
      try {
        await stat(`${file}.html`);
        file += '.html';
      } catch {
        /* 404 below */
      }
    }
    try {
      const body = await readFile(file);
      const type = types[extname(file)] ?? 'application/octet-stream';
      if (gzip && compressible.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
        res.end(gzipSync(body));
        return;
      }
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
}
