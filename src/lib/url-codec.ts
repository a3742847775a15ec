/**
 * One URL codec for every island: a demo's config module declares each control once (a number
 * range with step and default, an allowed list, a boolean, a checked text), and this module
 * derives from that spec the query-string reader and writer; the zod schema and the `.astro` input
 * attributes come from the same spec (demos/shared/controls.ts), so a range lives in one place.
 *
 * Reading never throws: a missing parameter takes the default; a bad one takes the default AND is
 * reported as `{ param, value, reason }`, which the island shows in the reader's language
 * (`describeUrlProblems` + the island's own sentence in its strings). Other parameters
 * (`backend=`, other demos') are kept on write. Pure (URLSearchParams only), unit-tested in Node.
 */
import { formatControl, parseControl, type Control, type UrlReason, type ValueOf } from '@demos/shared/controls';
import type { Lang } from '@src/i18n/lang';
import { REASON_TEXT } from './strings-url-codec';

export interface UrlProblem {
  param: string;
  value: string;
  reason: UrlReason;
}

export type Spec = Record<string, Control>;
export type Values<S extends Spec> = { [K in keyof S]: ValueOf<S[K]> };

export interface UrlCodecOptions<S extends Spec> {
  /** Parameter name of a key (default: prefix + key). */
  param?: Partial<Record<keyof S, string>>;
  /** Write only values that differ from the default (shorter shared links); default: write all. */
  omitDefaults?: boolean;
}

export interface UrlCodec<S extends Spec> {
  readonly spec: S;
  defaults(): Values<S>;
  /** The values of the query string `search`; a missing key: its default; a bad one: its default, reported. */
  read(search: string): { values: Values<S>; problems: UrlProblem[] };
  /** `search` with this codec's parameters set from `values` (null/undefined: the parameter removed). */
  write(search: string, values: { [K in keyof S]?: ValueOf<S[K]> | null }): string;
  /** The parameter name of a key (for a problem found by a check across keys). */
  param(key: keyof S): string;
}

export function urlCodec<S extends Spec>(prefix: string, spec: S, opts: UrlCodecOptions<S> = {}): UrlCodec<S> {
  const keys = Object.keys(spec) as (keyof S & string)[];
  const param = (k: keyof S): string => opts.param?.[k] ?? `${prefix}${String(k)}`;
  const defaults = (): Values<S> => Object.fromEntries(keys.map((k) => [k, spec[k]!.default])) as Values<S>;
  return {
    spec,
    defaults,
    param,
    read(search) {
      const q = new URLSearchParams(search);
      const values = defaults();
      const problems: UrlProblem[] = [];
      for (const k of keys) {
        const raw = q.get(param(k));
        if (raw === null) continue;
        const r = parseControl(spec[k]!, raw);
        if (r.ok) values[k] = r.value as Values<S>[typeof k];
        else problems.push({ param: param(k), value: raw, reason: r.reason });
      }
      return { values, problems };
    },
    write(search, values) {
      const q = new URLSearchParams(search);
      for (const k of keys) {
        const v = values[k];
        const c = spec[k]!;
        if (v === null || v === undefined || (opts.omitDefaults && v === c.default)) q.delete(param(k));
        else q.set(param(k), formatControl(c, v));
      }
      const out = q.toString();
      return out ? `?${out}` : '';
    },
  };
}

/** `kd-alpha=7 (out of range), kd-epochs=abc (not a number)` in the reader's language; each island wraps it in its own sentence. */
export function describeUrlProblems(problems: readonly UrlProblem[], lang: Lang): string {
  return problems.map((p) => `${p.param}=${p.value} (${REASON_TEXT[lang][p.reason]})`).join(', ');
}
