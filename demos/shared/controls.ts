/**
 * A demo's controls, declared once: a number range with step and default, an allowed list, a
 * boolean, a checked text. The demo's config module exports its spec; from it come the zod
 * schema the worker re-validates (`zodOf`), the `.astro` input attributes (`inputAttrs`), the
 * check of a typed field and the URL codec (src/lib/url-codec.ts, `parseControl`). Pure.
 */
import { z } from 'zod';

export interface NumberControl {
  kind: 'number';
  min: number;
  max: number;
  /** The input's spinner step (not a constraint: α = 0.25 is valid with step 0.1). */
  step: number;
  int: boolean;
  default: number;
}
export interface EnumControl<T extends string | number = string | number> {
  kind: 'enum';
  values: readonly T[];
  default: T;
}
export interface BoolControl {
  kind: 'bool';
  default: boolean;
}
export interface TextControl {
  kind: 'text';
  default: string;
  /** A value must match it whole (e.g. /^[0-9]{8}$/); none: any text. */
  pattern?: RegExp;
}
export type Control = NumberControl | EnumControl | BoolControl | TextControl;

/** The value a control holds. */
export type ValueOf<C extends Control> = C extends NumberControl
  ? number
  : C extends EnumControl<infer T>
    ? T
    : C extends BoolControl
      ? boolean
      : string;

export const numberControl = (min: number, max: number, step: number, int: boolean, def: number): NumberControl => ({
  kind: 'number',
  min,
  max,
  step,
  int,
  default: def,
});
export const enumControl = <const T extends string | number>(values: readonly T[], def: T): EnumControl<T> => ({
  kind: 'enum',
  values,
  default: def,
});
export const boolControl = (def: boolean): BoolControl => ({ kind: 'bool', default: def });
export const textControl = (def: string, pattern?: RegExp): TextControl =>
  pattern ? { kind: 'text', default: def, pattern } : { kind: 'text', default: def };

/** Why a text is not a value of its control: not one of the allowed values, out of range, not an integer, not a number, empty, wrong form. */
export type UrlReason = 'unknown' | 'range' | 'int' | 'nan' | 'empty' | 'form';

/** Checks one text against one control: the value, or why not (the same check for the URL and a typed field). */
export function parseControl<C extends Control>(c: C, raw: string): { ok: true; value: ValueOf<C> } | { ok: false; reason: UrlReason } {
  switch (c.kind) {
    case 'number': {
      if (raw.trim() === '') return { ok: false, reason: 'empty' };
      const v = Number(raw);
      if (!Number.isFinite(v)) return { ok: false, reason: 'nan' };
      if (c.int && !Number.isInteger(v)) return { ok: false, reason: 'int' };
      if (v < c.min || v > c.max) return { ok: false, reason: 'range' };
      return { ok: true, value: v as ValueOf<C> };
    }
    case 'enum': {
      const v = c.values.find((a) => String(a) === raw);
      return v === undefined ? { ok: false, reason: 'unknown' } : { ok: true, value: v as ValueOf<C> };
    }
    case 'bool':
      if (raw === '1' || raw === '0') return { ok: true, value: (raw === '1') as ValueOf<C> };
      return { ok: false, reason: 'unknown' };
    case 'text':
      if (c.pattern && !c.pattern.test(raw)) return { ok: false, reason: 'form' };
      return { ok: true, value: raw as ValueOf<C> };
  }
}

/** The text a value is written as (the inverse of parseControl). */
export function formatControl(c: Control, v: unknown): string {
  return c.kind === 'bool' ? (v ? '1' : '0') : String(v);
}

/** The zod schema of one control (what a worker re-validates). */
export function zodOf(c: NumberControl): z.ZodNumber;
export function zodOf<const T extends string | number>(c: EnumControl<T>): z.ZodLiteral<T>;
export function zodOf(c: Control): z.ZodType;
export function zodOf(c: Control): z.ZodType {
  switch (c.kind) {
    case 'number': {
      const n = z.number().min(c.min).max(c.max);
      return c.int ? n.int() : n;
    }
    case 'enum':
      return z.union(c.values.map((v) => z.literal(v)) as unknown as [z.ZodLiteral, z.ZodLiteral]);
    case 'bool':
      return z.boolean();
    case 'text':
      return c.pattern ? z.string().regex(c.pattern) : z.string();
  }
}

/** A number input's attributes, as the `.astro` component spreads them: `<input type="number" {...inputAttrs(spec.alpha)} />`. */
export function inputAttrs(c: NumberControl): { min: number; max: number; step: number } {
  return { min: c.min, max: c.max, step: c.step };
}
