/**
 * Streaming parser of UCI PAMAP2 `Protocol/subject10N.dat` text (54 space-separated columns, 100 Hz,
 * missing values written `NaN`). A subject file is up to 207 MB, so text is never held whole: chunks
 * are split into lines as they arrive and each row is handed to `onRow` in one reused Float64Array.
 *
 * Lifecycle: `new ProtocolLineParser` → `push(chunk)`… → `end()`. `parseProtocolStream` wraps it
 * for `ReadableStream<Uint8Array | string>` (browser `Blob.stream()`, fetch bodies, Workers) and any
 * `AsyncIterable<string | Uint8Array>` (Node `fs.createReadStream`).
 *
 * Every problem throws `Pamap2FormatError` naming the file and the 1-based line.
 */
import { Pamap2FormatError } from './errors.ts';
import { KNOWN_ACTIVITY_IDS, RAW_COLUMNS } from './format.ts';

export type RowHandler = (row: Float64Array, line: number) => void;

export interface ParserOptions {
  /** Name used in error messages, e.g. `PAMAP2_Dataset/Protocol/subject101.dat`. */
  file: string;
  onRow: RowHandler;
}

export interface ParseSummary {
  lines: number;
  rows: number;
}

const WS = /\s+/;

export class ProtocolLineParser {
  readonly #file: string;
  readonly #onRow: RowHandler;
  readonly #row = new Float64Array(RAW_COLUMNS);
  #carry = '';
  #line = 0;
  #rows = 0;
  #ended = false;

  constructor(opts: ParserOptions) {
    this.#file = opts.file;
    this.#onRow = opts.onRow;
  }

  push(chunk: string): void {
    if (this.#ended) throw new Error('ProtocolLineParser: push after end');
    const text = this.#carry + chunk;
    let from = 0;
    for (let nl = text.indexOf('\n', from); nl !== -1; nl = text.indexOf('\n', from)) {
      this.#line++;
      this.#parseLine(text.slice(from, nl), false);
      from = nl + 1;
    }
    this.#carry = from === 0 ? text : text.slice(from);
    // Guard against a file with no newlines at all (binary or a single huge line): a real row is
    // < 1 KB, so a 64 KB line is not PAMAP2.
    if (this.#carry.length > 65_536) {
      throw new Pamap2FormatError(this.#file, this.#line + 1, 'line longer than 64 KB: not a PAMAP2 Protocol file', {
        code: 'long-line',
      });
    }
  }

  end(): ParseSummary {
    if (!this.#ended) {
      this.#ended = true;
      if (this.#carry.trim() !== '') {
        this.#line++;
        this.#parseLine(this.#carry, true);
      }
      this.#carry = '';
      if (this.#rows === 0) {
        throw new Pamap2FormatError(this.#file, null, 'empty file: no data rows', { code: 'empty' });
      }
    }
    return { lines: this.#line, rows: this.#rows };
  }

  #parseLine(raw: string, lastWithoutNewline: boolean): void {
    const text = raw.trim();
    if (text === '') return; // blank lines (e.g. a trailing "\n\n") carry no data
    // UCI files use single spaces; split on a string is much faster than on a regex.
    let tokens = text.split(' ');
    if (tokens.length !== RAW_COLUMNS || tokens.includes('')) tokens = text.split(WS);
    const file = this.#file;
    const line = this.#line;
    if (tokens.length !== RAW_COLUMNS) {
      if (this.#rows === 0 && !looksNumeric(tokens)) {
        throw new Pamap2FormatError(
          file,
          line,
          `not a PAMAP2 Protocol file: expected ${RAW_COLUMNS} space-separated numbers, found ${excerptOf(text)}`,
          { code: 'not-protocol', found: excerptOf(text) },
        );
      }
      if (lastWithoutNewline && tokens.length < RAW_COLUMNS) {
        throw new Pamap2FormatError(
          file,
          line,
          `truncated line: ${tokens.length} of ${RAW_COLUMNS} columns and no newline at end of file`,
          {
            code: 'truncated-line',
            got: tokens.length,
            want: RAW_COLUMNS,
          },
        );
      }
      throw new Pamap2FormatError(file, line, `wrong column count: expected ${RAW_COLUMNS}, found ${tokens.length}`, {
        code: 'column-count',
        got: tokens.length,
        want: RAW_COLUMNS,
      });
    }
    const row = this.#row;
    for (let c = 0; c < RAW_COLUMNS; c++) {
      const tok = tokens[c] as string;
      const v = Number(tok);
      if (Number.isNaN(v)) {
        if (tok !== 'NaN' && tok !== 'nan') {
          if (this.#rows === 0) {
            throw new Pamap2FormatError(
              file,
              line,
              `not a PAMAP2 Protocol file: column ${c + 1} is ${JSON.stringify(tok.slice(0, 40))}, not a number`,
              { code: 'not-protocol', found: JSON.stringify(tok.slice(0, 40)) },
            );
          }
          throw new Pamap2FormatError(file, line, `column ${c + 1}: ${JSON.stringify(tok.slice(0, 40))} is not a number`, {
            code: 'not-number',
            column: c + 1,
            token: JSON.stringify(tok.slice(0, 40)),
          });
        }
      } else if (!Number.isFinite(v)) {
        throw new Pamap2FormatError(file, line, `column ${c + 1}: ${JSON.stringify(tok)} is not finite`, {
          code: 'not-finite',
          column: c + 1,
          token: JSON.stringify(tok),
        });
      }
      row[c] = v;
    }
    if (Number.isNaN(row[0])) throw new Pamap2FormatError(file, line, 'timestamp (column 1) is NaN', { code: 'nan-timestamp' });
    const activity = row[1] as number;
    if (!Number.isInteger(activity) || !KNOWN_ACTIVITY_IDS.has(activity)) {
      throw new Pamap2FormatError(file, line, `unknown activity id ${tokens[1]} (column 2; PAMAP2 defines 0–7, 9–13, 16–20, 24)`, {
        code: 'unknown-activity',
        id: String(tokens[1]),
      });
    }
    this.#rows++;
    this.#onRow(row, line);
  }
}

function looksNumeric(tokens: string[]): boolean {
  return tokens.every((t) => t === 'NaN' || Number.isFinite(Number(t)));
}

function excerptOf(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return JSON.stringify(shown);
}

export type TextSource = AsyncIterable<string | Uint8Array> | ReadableStream<Uint8Array> | ReadableStream<string>;

export interface StreamParseOptions extends ParserOptions {
  /** Called after each chunk with the bytes consumed so far (string chunks count UTF-16 units, = bytes for ASCII). */
  onProgress?: (bytes: number) => void;
  signal?: AbortSignal;
}

/** Parses a whole stream; resolves with line/row/byte counts, rejects with `Pamap2FormatError`. */
export async function parseProtocolStream(source: TextSource, opts: StreamParseOptions): Promise<ParseSummary & { bytes: number }> {
  const parser = new ProtocolLineParser(opts);
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  const take = (chunk: string | Uint8Array): void => {
    opts.signal?.throwIfAborted();
    if (typeof chunk === 'string') {
      bytes += chunk.length;
      parser.push(chunk);
    } else {
      bytes += chunk.byteLength;
      parser.push(decoder.decode(chunk, { stream: true }));
    }
    opts.onProgress?.(bytes);
  };
  if (isReadableStream(source)) {
    const reader = (source as ReadableStream<Uint8Array | string>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        take(value);
      }
    } finally {
      reader.releaseLock();
    }
  } else {
    for await (const chunk of source) take(chunk);
  }
  parser.push(decoder.decode());
  return { ...parser.end(), bytes };
}

function isReadableStream(s: TextSource): s is ReadableStream<Uint8Array> | ReadableStream<string> {
  return typeof (s as { getReader?: unknown }).getReader === 'function';
}
