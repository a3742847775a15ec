/**
 * Node: download a URL to a file with progress and resume. Bytes go to `<dest>.part`; validators
 * (ETag / Last-Modified, total size) to `<dest>.part.json`. A retry asks for `Range: bytes=<have>-`
 * with `If-Range`; a 206 whose Content-Range starts at <have> is appended, anything else (a 200 —
 * the server ignored the Range or the file changed — or a mismatching 206/416) truncates the part
 * file and starts over cleanly. A body that ends early (socket closed mid-body) is retried.
 * On success the part file is renamed to `dest`.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { errorMessage } from '../../../shared/errors';

export interface DownloadOptions {
  onProgress?: (bytes: number, total: number | null) => void;
  log?: (line: string) => void;
  /** Attempts in all, including the first (default 6). */
  attempts?: number;
  /** Delay between attempts in ms (default 500; tests use 0). */
  retryDelayMs?: number;
}

export interface DownloadResult {
  bytes: number;
  attempts: number;
  resumedFrom: number[];
  restarts: number;
}

interface PartMeta {
  url: string;
  validator: string | null;
  total: number | null;
}

function get(url: string, headers: Record<string, string>): Promise<http.IncomingMessage> {
  const mod = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.get(url, { headers }, resolve);
    req.on('error', reject);
  });
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

export async function downloadWithResume(url: string, dest: string, opts: DownloadOptions = {}): Promise<DownloadResult> {
  const log = opts.log ?? (() => {});
  const part = `${dest}.part`;
  const metaPath = `${part}.json`;
  await mkdir(dirname(dest), { recursive: true });
  const result: DownloadResult = { bytes: 0, attempts: 0, resumedFrom: [], restarts: 0 };
  if ((await sizeOf(dest)) > 0) {
    result.bytes = await sizeOf(dest);
    log(`download: ${dest} already complete (${result.bytes} bytes)`);
    return result;
  }
  let meta: PartMeta | null = null;
  try {
    const m = JSON.parse(await readFile(metaPath, 'utf8')) as PartMeta;
    if (m.url === url) meta = m;
  } catch {
    meta = null;
  }
  const maxAttempts = opts.attempts ?? 6;
  let done = false;
  while (result.attempts < maxAttempts) {
    result.attempts++;
    let have = meta ? await sizeOf(part) : 0;
    if (!meta) await rm(part, { force: true });
    const headers: Record<string, string> = {};
    if (have > 0 && meta) {
      headers['Range'] = `bytes=${have}-`;
      if (meta.validator) headers['If-Range'] = meta.validator;
    }
    try {
      let target = url;
      let res = await get(target, headers);
      for (let hops = 0; res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && res.headers.location; hops++) {
        if (hops >= 5) throw new Error(`${url}: too many redirects`);
        res.resume();
        target = new URL(res.headers.location, target).toString();
        res = await get(target, headers);
      }
      const status = res.statusCode ?? 0;
      let append = false;
      let total: number | null = null;
      if (status === 206 && have > 0) {
        const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(res.headers['content-range'] ?? '');
        if (m && Number(m[1]) === have) {
          append = true;
          total = m[3] === '*' ? null : Number(m[3]);
          result.resumedFrom.push(have);
          log(`download: resuming at byte ${have}`);
        }
      } else if (status === 416 && meta?.total !== null && meta?.total === have) {
        res.resume();
        done = true;
        break; // the part file is already whole
      }
      if (!append) {
        if (status !== 200) {
          res.resume();
          if (status === 206 || status === 416) {
            // A range answer we cannot use: start over without a Range header.
            meta = null;
            result.restarts++;
            log(`download: server answered ${status} to the range request; restarting from 0`);
            continue;
          }
          throw new Error(`${target}: HTTP ${status}`);
        }
        if (have > 0) {
          result.restarts++;
          log(`download: server ignored the range request (HTTP 200); restarting from 0`);
        }
        have = 0;
        const len = res.headers['content-length'];
        total = len !== undefined ? Number(len) : null;
      }
      meta = {
        url,
        validator: (res.headers.etag as string | undefined) ?? (res.headers['last-modified'] as string | undefined) ?? null,
        total,
      };
      await writeFile(metaPath, JSON.stringify(meta));
      let got = have;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          got += chunk.length;
          opts.onProgress?.(got, total);
          cb(null, chunk);
        },
      });
      await pipeline(res, counter, createWriteStream(part, { flags: append ? 'a' : 'w' }));
      if (total !== null && got !== total) throw new Error(`body ended at ${got} of ${total} bytes`);
      done = true;
      break;
    } catch (err) {
      log(`download: attempt ${result.attempts} failed: ${errorMessage(err)}`);
      if (result.attempts >= maxAttempts) {
        throw new Error(
          `${url}: download failed after ${result.attempts} attempts (partial data kept in ${part} for the next run): ${errorMessage(err)}`,
        );
      }
      await new Promise((r) => setTimeout(r, opts.retryDelayMs ?? 500));
    }
  }
  if (!done) throw new Error(`${url}: download failed after ${result.attempts} attempts`);
  await rename(part, dest);
  await rm(metaPath, { force: true });
  result.bytes = await sizeOf(dest);
  return result;
}
