// @ts-check
// Which version of its Korean page each English page translates (#23).
//
// An English page content/docs/en/<path>.mdx records `sourceHash: <16 hex>` in its frontmatter:
// the first 16 hex characters of the SHA-256 of the Korean file content/docs/<path>.mdx, as it
// was when the English was last synced (`sha256sum content/docs/<path>.mdx | cut -c1-16`).
// When the Korean page changes, the hashes differ and the pairing test
// (test/unit/translation-pairing.test.ts) fails until someone updates the English page and
// records the new hash with --write.
//
//   node scripts/translation-hash.mjs                  every pair: synced / stale / no hash / no Korean page (exit 1 unless all synced)
//   node scripts/translation-hash.mjs study/vit.mdx    the current hash of one Korean page
//   node scripts/translation-hash.mjs --write en/study/vit.mdx [en/…]   write the Korean page's current hash into the English page(s)
//
// Paths are relative to the notes folder (content/docs; NOTES_DOCS_DIR overrides it, for tests).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * THE SWITCH for the lead: true once the English pages are merged. Then every Korean page MUST
 * have its English page (test/unit/translation-pairing.test.ts lists the missing ones) and the
 * English e2e (test/e2e/i18n.spec.ts) fails when there are no English pages. False while the
 * translations are written on other branches; the pairs that exist are checked either way.
 */
export const REQUIRE_ALL = true;

/** The English edition's folder under the notes folder. */
export const EN_DIR = 'en';
export const HASH_LENGTH = 16;
const PAGE_FILE = /\.(md|mdx)$/;

/** @param {string | Uint8Array} bytes @returns {string} the 16-hex source hash */
export function hashBytes(bytes) {
  return createHash('sha256').update(bytes).digest('hex').slice(0, HASH_LENGTH);
}

/** @param {string} file @returns {string} */
export function sourceHashOf(file) {
  return hashBytes(readFileSync(file));
}

/**
 * The frontmatter's sourceHash, read as text (no YAML parser needed for one flat key; the docs
 * schema in src/content.config.ts validates the value at build).
 * @param {string} text @returns {string | undefined}
 */
export function readSourceHash(text) {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const m = fm && /^sourceHash:\s*['"]?([^'"\s]*)['"]?\s*$/m.exec(fm[1] ?? '');
  return m ? m[1] : undefined;
}

/**
 * The text with its frontmatter's sourceHash set (replaced, or added as the last key).
 * @param {string} text @param {string} hash @returns {string}
 */
export function writeSourceHash(text, hash) {
  const fm = /^---\r?\n([\s\S]*?)(\r?\n)---/.exec(text);
  if (!fm) throw new Error('no frontmatter (--- … ---) to write sourceHash into');
  const body = fm[1] ?? '';
  const line = `sourceHash: ${hash}`;
  const next = /^sourceHash:.*$/m.test(body) ? body.replace(/^sourceHash:.*$/m, line) : `${body}${fm[2]}${line}`;
  return `---${fm[2]}${next}${fm[2]}---${text.slice(fm[0].length)}`;
}

/** @param {string} dir @returns {string[]} absolute paths of the pages under dir */
function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return walk(p);
    return PAGE_FILE.test(n) && !n.startsWith('_') ? [p] : [];
  });
}

/** @param {string} root @param {string} file @returns {string} */
const rel = (root, file) => relative(root, file).split(sep).join('/');

/**
 * @typedef {'synced' | 'stale' | 'no-hash' | 'no-source' | 'missing'} PairStatus
 * @typedef {{ ko: string, en: string, status: PairStatus, recorded?: string, current?: string }} Pair
 */

/**
 * Every Korean page with the state of its English page, plus English pages with no Korean page.
 * `ko`/`en` are paths relative to the notes folder (study/vit.mdx, en/study/vit.mdx).
 * @param {string} root the notes folder
 * @returns {Pair[]}
 */
export function translationPairs(root) {
  const enRoot = join(root, EN_DIR);
  const korean = walk(root).filter((f) => !rel(root, f).startsWith(`${EN_DIR}/`));
  /** @type {Pair[]} */
  const out = [];
  const seen = new Set();
  for (const f of korean) {
    const ko = rel(root, f);
    const en = `${EN_DIR}/${ko}`;
    seen.add(en);
    const current = sourceHashOf(f);
    const enFile = join(root, en);
    if (!existsSync(enFile)) {
      out.push({ ko, en, status: 'missing', current });
      continue;
    }
    const recorded = readSourceHash(readFileSync(enFile, 'utf8'));
    const status = recorded === undefined ? 'no-hash' : recorded === current ? 'synced' : 'stale';
    out.push({ ko, en, status, current, ...(recorded === undefined ? {} : { recorded }) });
  }
  for (const f of walk(enRoot)) {
    const en = rel(root, f);
    if (!seen.has(en)) out.push({ ko: en.slice(EN_DIR.length + 1), en, status: 'no-source' });
  }
  return out.sort((a, b) => (a.ko < b.ko ? -1 : a.ko > b.ko ? 1 : 0));
}

/** @param {string[]} argv @param {string} root @returns {number} exit code */
export function main(argv, root) {
  if (argv[0] === '--write') {
    if (argv.length < 2) throw new Error('--write needs the English page(s): en/<path>.mdx');
    for (const en of argv.slice(1)) {
      const enPath = en.replace(/^content\/docs\//, '');
      if (!enPath.startsWith(`${EN_DIR}/`)) throw new Error(`${en}: not an English page (en/<path>.mdx)`);
      const enFile = join(root, enPath);
      const koFile = join(root, enPath.slice(EN_DIR.length + 1));
      if (!existsSync(koFile)) throw new Error(`${en}: no Korean page ${rel(root, koFile)} to hash`);
      const hash = sourceHashOf(koFile);
      writeFileSync(enFile, writeSourceHash(readFileSync(enFile, 'utf8'), hash));
      console.log(`${enPath}: sourceHash ${hash}`);
    }
    return 0;
  }
  if (argv.length > 0) {
    for (const ko of argv) console.log(`${sourceHashOf(join(root, ko.replace(/^content\/docs\//, '')))}  ${ko}`);
    return 0;
  }
  const pairs = translationPairs(root);
  for (const p of pairs)
    console.log(`${p.status.padEnd(9)} ${p.en}${p.status === 'stale' ? ` (records ${p.recorded}, Korean is now ${p.current})` : ''}`);
  const synced = pairs.filter((p) => p.status === 'synced').length;
  console.log(`${synced} of ${pairs.length} English pages synced`);
  return synced === pairs.length ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = main(process.argv.slice(2), process.env['NOTES_DOCS_DIR'] || 'content/docs');
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 2;
  }
}
