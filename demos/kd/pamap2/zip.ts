/**
 * The one PAMAP2 zip reader, shared by the data command (Node, node/protocol-source.ts) and the KD
 * page's worker (src/islands/kd/worker/worker-files.ts). Pure: no `node:` imports, no DOM.
 *
 * Accepts the archive exactly as a researcher has it:
 *   - the UCI download: an outer zip that holds `PAMAP2_Dataset.zip` (depth 2; the inner zip is
 *     inflated on the fly, never held whole),
 *   - `PAMAP2_Dataset.zip` itself (`PAMAP2_Dataset/Protocol/subject10N.dat`),
 *   - a zip of the Protocol folder or of the .dat files (`Protocol/subject10N.dat`, `subject10N.dat`).
 * `Optional/subject10N.dat` and every other entry are skipped (§1 uses Protocol only).
 *
 * Push-based: the caller feeds the archive chunk by chunk (a Node read stream, File.stream()) and
 * each Protocol entry's inflated bytes go to the sink the handler returns, so memory stays at about
 * one chunk plus inflate state whatever the archive's size. Skipped entries are still "started",
 * with a decoder that drops their bytes: fflate's Unzip keeps every byte of an entry that is never
 * started until the archive ends (the whole Optional folder of the real archive).
 *
 * Errors are Pamap2ZipError (problem code + the path inside the archive, `outer.zip!inner.zip!entry`)
 * except what a sink throws (e.g. Pamap2FormatError naming file and line), which passes unchanged.
 */
import { Inflate, Unzip, UnzipPassThrough, type AsyncFlateStreamHandler, type UnzipDecoder, type UnzipFile } from 'fflate';
import { protocolSubject } from './source-hashes.ts';

export interface ProtocolEntry {
  /** Path inside the archive that holds it, e.g. `PAMAP2_Dataset/Protocol/subject101.dat`. */
  name: string;
  subject: number;
  /** Uncompressed size from the zip header (null when the header defers it to a data descriptor). */
  bytes: number | null;
  /** Identifies this exact input for resume (name, sizes, mtime or content hash). */
  key: string;
}
export interface EntrySink {
  push(chunk: Uint8Array): void;
  end(): void;
}
/** Decides per entry whether to read it (a sink) or skip it (null: its bytes are dropped uninflated). */
export type EntryHandler = (entry: ProtocolEntry) => EntrySink | null;

export interface ZipLimits {
  /** Zip levels followed: 2 = the UCI download (outer zip → PAMAP2_Dataset.zip). */
  maxDepth: number;
  /** Largest Protocol file, declared or inflated. The largest UCI file is 207 MB. */
  maxEntryBytes: number;
  /** Largest archive, counting the bytes of every level. The UCI download is about 0.7 GB. */
  maxArchiveBytes: number;
}
const ZIP_LIMITS: ZipLimits = { maxDepth: 2, maxEntryBytes: 512 * 2 ** 20, maxArchiveBytes: 8 * 2 ** 30 };

export type ZipProblem = 'not-zip' | 'corrupt' | 'truncated' | 'too-deep' | 'no-protocol' | 'too-large' | 'unsupported' | 'duplicate';

export class Pamap2ZipError extends Error {
  readonly problem: ZipProblem;
  /** `archive.zip`, or `archive.zip!inner.zip!entry` for a problem inside. */
  readonly path: string;
  /** Numbers the message states (sizes, limits, depth), for translated messages. */
  readonly detail: string;
  constructor(problem: ZipProblem, path: string, message: string, detail = '') {
    super(`${path}: ${message}`);
    this.name = 'Pamap2ZipError';
    this.problem = problem;
    this.path = path;
    this.detail = detail;
  }
}

const EMPTY = new Uint8Array(0);
const LOCAL_HEADER = 0x04034b50;
const EMPTY_ARCHIVE = 0x06054b50;

/** `Protocol/subject10N.dat` at any depth, or a bare `subject10N.dat` at the archive's root. */
export function zipProtocolSubject(name: string): number | null {
  const m = /^subject(10[1-9])\.dat$/.exec(name);
  return m ? Number(m[1]) : protocolSubject(name);
}

/** One zip level: checks the signature, feeds fflate, counts the bytes. */
class Level {
  private head = new Uint8Array(4);
  private headLen = 0;
  constructor(
    private readonly path: string,
    private readonly unzip: Unzip,
  ) {}

  push(data: Uint8Array, final: boolean): void {
    if (this.headLen < 4) {
      const take = Math.min(4 - this.headLen, data.length);
      this.head.set(data.subarray(0, take), this.headLen);
      this.headLen += take;
      if (this.headLen === 4) {
        const sig = (this.head[0]! | (this.head[1]! << 8) | (this.head[2]! << 16) | (this.head[3]! << 24)) >>> 0;
        if (sig !== LOCAL_HEADER && sig !== EMPTY_ARCHIVE)
          throw new Pamap2ZipError('not-zip', this.path, 'not a zip archive (no PK signature at its start)');
      } else if (final) {
        throw new Pamap2ZipError(
          this.headLen === 0 ? 'no-protocol' : 'not-zip',
          this.path,
          this.headLen === 0 ? 'empty file, no Protocol/subject10N.dat inside' : 'not a zip archive (shorter than a zip header)',
        );
      }
    }
    this.unzip.push(data, final);
  }
}

export class ProtocolZipReader {
  private readonly limits: ZipLimits;
  private readonly seen: string[] = [];
  private readonly subjects = new Set<number>();
  /** Entries (and inner zips) whose last byte has not come yet: the archive must not end inside one. */
  private readonly open = new Set<string>();
  private readonly top: Level;
  private failure: unknown = null;
  private bytesIn = 0;
  private ended = false;
  /** Read by the deflate decoder's constructor, which file.start() calls synchronously. */
  private discardNext = false;

  constructor(
    private readonly archive: string,
    private readonly onEntry: EntryHandler,
    limits: Partial<ZipLimits> = {},
  ) {
    this.limits = { ...ZIP_LIMITS, ...limits };
    this.top = this.level(archive, 1);
  }

  /** Feeds the next bytes of the archive. Throws the first problem (and again on every later call). */
  push(chunk: Uint8Array): void {
    this.bytesIn += chunk.length;
    this.guard(() => {
      this.checkArchiveSize();
      this.top.push(chunk, false);
    });
  }

  /** The archive is complete: checks nothing was cut short; returns the Protocol entry names seen. */
  end(): string[] {
    if (this.ended) throw new Error(`${this.archive}: end() called twice`);
    this.ended = true;
    this.guard(() => this.top.push(EMPTY, true), 'truncated');
    if (this.open.size > 0) {
      throw this.fail(
        new Pamap2ZipError('truncated', this.archive, `archive ends inside ${[...this.open].join(', ')} (truncated download?)`),
      );
    }
    if (this.seen.length === 0) {
      throw this.fail(new Pamap2ZipError('no-protocol', this.archive, 'no Protocol/subject10N.dat inside — not the PAMAP2 archive'));
    }
    return [...this.seen];
  }

  /** Keeps the first failure: fflate hands an exception thrown in a data handler back to the next handler. */
  private fail(e: unknown): unknown {
    this.failure ??= e;
    return this.failure;
  }

  private guard(f: () => void, fflateProblem: ZipProblem = 'corrupt'): void {
    if (this.failure) throw this.failure;
    try {
      f();
    } catch (e) {
      throw this.fail(this.failure ?? this.wrap(e, fflateProblem, this.archive));
    }
  }

  private wrap(e: unknown, problem: ZipProblem, path: string): unknown {
    // fflate's own errors carry a numeric code; 0 ("unexpected EOF") means the data was cut short.
    if (e instanceof Error && typeof (e as Error & { code?: unknown }).code === 'number') {
      const p: ZipProblem = (e as Error & { code: number }).code === 0 ? 'truncated' : problem;
      return new Pamap2ZipError(
        p,
        path,
        p === 'truncated' ? `archive is cut short (${e.message}; truncated download?)` : `corrupt zip data (${e.message})`,
        e.message,
      );
    }
    return e;
  }

  private checkArchiveSize(): void {
    if (this.bytesIn > this.limits.maxArchiveBytes) {
      throw new Pamap2ZipError(
        'too-large',
        this.archive,
        `more than ${this.limits.maxArchiveBytes} bytes of zip data — not the PAMAP2 archive`,
        String(this.limits.maxArchiveBytes),
      );
    }
  }

  private level(path: string, depth: number): Level {
    const unzip = new Unzip((file) => this.onFile(file, path, depth));
    const reader = this;
    // Deflate, except for an entry being skipped: its bytes are dropped without inflating.
    class Deflate implements UnzipDecoder {
      static readonly compression = 8;
      ondata: AsyncFlateStreamHandler = () => {};
      private readonly inflate: Inflate | null;
      private readonly where: string;
      constructor(name: string) {
        this.where = `${path}!${name}`;
        this.inflate = reader.discardNext ? null : new Inflate((data, final) => this.ondata(null, data, final));
      }
      push(chunk: Uint8Array, final: boolean): void {
        if (!this.inflate) return;
        try {
          this.inflate.push(chunk, final);
        } catch (e) {
          // Our own handlers' exceptions are kept by fail(); anything else is fflate's inflate error.
          if (reader.failure) throw reader.failure;
          throw reader.fail(reader.wrap(e, 'corrupt', this.where));
        }
      }
    }
    unzip.register(UnzipPassThrough);
    unzip.register(Deflate);
    return new Level(path, unzip);
  }

  private start(file: UnzipFile, where: string, ondata: ((data: Uint8Array, final: boolean) => void) | null): void {
    if (file.compression !== 0 && file.compression !== 8) {
      if (!ondata) return; // never started: fflate keeps its bytes, but an unknown method is not the PAMAP2 archive's
      throw new Pamap2ZipError(
        'unsupported',
        where,
        `unsupported zip compression method ${file.compression} (only stored and deflate)`,
        String(file.compression),
      );
    }
    if (ondata) this.open.add(where);
    file.ondata = (err, data, final) => {
      if (this.failure) throw this.failure;
      if (err) throw this.fail(this.wrap(err, 'corrupt', where));
      if (!ondata) return;
      try {
        ondata(data, final);
      } catch (e) {
        // An inner zip's fflate error at its last byte: that archive was cut short.
        throw this.fail(this.wrap(e, final ? 'truncated' : 'corrupt', where));
      }
      if (final) this.open.delete(where);
    };
    this.discardNext = ondata === null;
    try {
      file.start();
    } finally {
      this.discardNext = false;
    }
  }

  private onFile(file: UnzipFile, path: string, depth: number): void {
    const where = `${path}!${file.name}`;
    const declared = file.originalSize ?? null;
    if (/\.zip$/i.test(file.name)) {
      if (depth >= this.limits.maxDepth) {
        throw this.fail(
          new Pamap2ZipError(
            'too-deep',
            where,
            `zip nested ${depth + 1} levels deep; expected at most ${this.limits.maxDepth} (the UCI download holding PAMAP2_Dataset.zip)`,
            String(this.limits.maxDepth),
          ),
        );
      }
      if (declared !== null && declared > this.limits.maxArchiveBytes) {
        throw this.fail(
          new Pamap2ZipError(
            'too-large',
            where,
            `declares ${declared} bytes, more than ${this.limits.maxArchiveBytes} — not the PAMAP2 archive`,
            String(declared),
          ),
        );
      }
      const inner = this.level(where, depth + 1);
      this.start(file, where, (data, final) => {
        this.bytesIn += data.length;
        this.checkArchiveSize();
        inner.push(data, final);
      });
      return;
    }
    const subject = zipProtocolSubject(file.name);
    const sink = subject === null ? null : this.entry(file, subject, where, declared);
    if (!sink) {
      this.start(file, where, null);
      return;
    }
    let inflated = 0;
    const max = Math.min(this.limits.maxEntryBytes, declared ?? Number.POSITIVE_INFINITY);
    this.start(file, where, (data, final) => {
      inflated += data.length;
      if (inflated > max) {
        throw new Pamap2ZipError(
          declared !== null && inflated > declared ? 'corrupt' : 'too-large',
          where,
          declared !== null && inflated > declared
            ? `inflates to more than the ${declared} bytes its header declares (corrupt archive)`
            : `inflates to more than ${this.limits.maxEntryBytes} bytes — not a PAMAP2 file`,
          String(max),
        );
      }
      if (data.length > 0) sink.push(data);
      if (final) {
        if (declared !== null && inflated !== declared) {
          throw new Pamap2ZipError(
            'corrupt',
            where,
            `inflated to ${inflated} bytes, its header declares ${declared} (corrupt archive)`,
            `${inflated}/${declared}`,
          );
        }
        sink.end();
      }
    });
  }

  private entry(file: UnzipFile, subject: number, where: string, declared: number | null): EntrySink | null {
    if (this.subjects.has(subject)) {
      throw this.fail(new Pamap2ZipError('duplicate', where, `subject ${subject} appears twice in the archive`, String(subject)));
    }
    this.subjects.add(subject);
    if (declared !== null && declared > this.limits.maxEntryBytes) {
      throw this.fail(
        new Pamap2ZipError(
          'too-large',
          where,
          `declares ${declared} bytes, more than ${this.limits.maxEntryBytes} — not a PAMAP2 file`,
          String(declared),
        ),
      );
    }
    this.seen.push(file.name);
    const entry: ProtocolEntry = {
      name: file.name,
      subject,
      bytes: declared,
      key: `zip:${file.name}:${declared ?? '?'}:${file.size ?? '?'}`,
    };
    try {
      return this.onEntry(entry);
    } catch (e) {
      throw this.fail(e);
    }
  }
}

export interface ReadZipOptions {
  limits?: Partial<ZipLimits>;
  /** Called after each chunk with the bytes read so far. */
  onBytes?: (read: number) => void;
  signal?: AbortSignal;
  /** Called between chunks so a UI thread or worker can answer messages (default: none). */
  yieldEvery?: () => Promise<void>;
}

/** Streams a whole archive (a Node read stream, `File.stream()`) through a ProtocolZipReader. */
export async function readProtocolZip(
  archive: string,
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  onEntry: EntryHandler,
  opts: ReadZipOptions = {},
): Promise<string[]> {
  const reader = new ProtocolZipReader(archive, onEntry, opts.limits);
  let read = 0;
  const feed = async (chunk: Uint8Array): Promise<void> => {
    opts.signal?.throwIfAborted();
    reader.push(chunk);
    read += chunk.length;
    opts.onBytes?.(read);
    if (opts.yieldEvery) await opts.yieldEvery();
  };
  if ('getReader' in source) {
    const r = source.getReader();
    try {
      for (;;) {
        const { done, value } = await r.read();
        if (done) break;
        await feed(value);
      }
    } catch (e) {
      await r.cancel().catch(() => {});
      throw e;
    } finally {
      r.releaseLock();
    }
  } else {
    for await (const chunk of source) await feed(chunk);
  }
  return reader.end();
}
