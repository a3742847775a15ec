/**
 * The site's glossary (용어집): one Korean term per concept, its English term, an optional
 * symbol, one line of explanation in each language, and the variants prose must not use in each
 * language (avoid for Korean text, avoidEn for English text). The data lives in
 * content/glossary.json; this schema validates it at build (the glossary page) and in the unit
 * test that searches the pages for the "avoid" variants, so both read the same list.
 */
import { z } from 'zod';
import { formatZodError } from '@demos/shared/zod-error';

/** Group ids, in page order; the glossary page writes each group's heading and renders it with <Glossary group="…" />. */
const groupSchema = z.string().regex(/^[a-z0-9-]+$/);

const glossaryTermSchema = z.object({
  /** Anchor on the glossary page: pages link to glossary/#<id>. */
  id: z.string().regex(/^[a-z0-9-]+$/, 'id must be a lowercase ASCII slug (it is the link anchor)'),
  group: z.string(),
  /** The word to use in Korean prose. */
  ko: z.string().min(1),
  en: z.string().min(1),
  /** Symbol as written in formulas; _x / _{…} and ^x / ^{…} render as sub- and superscripts. */
  symbol: z.string().optional(),
  /** One line, in Korean. */
  line: z.string().min(10),
  /** The same line in English (the English glossary page shows it; no Hangul). */
  lineEn: z
    .string()
    .min(10)
    .refine((s) => !/[\uac00-\ud7a3]/.test(s), 'lineEn: English only (no Hangul)'),
  /** Variants the glossary test rejects in reader-visible text (matched literally; Latin ones as whole words). */
  avoid: z.array(z.string().min(2)).default([]),
  /**
   * Korean variants that count only as a whole word: not right after another Hangul syllable, and followed by
   * nothing, a non-Hangul character, or one particle (은, 이, 의, 에서, …) and then a non-Hangul character.
   * "창" (a sensor window) is such a variant: 창이, 창 단위 and 창의 길이 match, 창문, 창의적 and 창가에 do not.
   */
  avoidWord: z.array(z.string().regex(/^[\uac00-\ud7a3]+$/, 'a Korean word')).default([]),
  /** What to avoid where a literal match would also hit correct uses (checked by readers, not by the test). */
  avoidNote: z.string().optional(),
  /**
   * English variants the glossary test rejects on the English pages (content/docs/en/**) and in the
   * English strings of components and islands (matched as whole words, any letter case):
   * "teacher size" where the concept is the teacher architecture.
   */
  avoidEn: z.array(z.string().min(2)).default([]),
  /** The English edition's avoidNote. */
  avoidNoteEn: z.string().optional(),
});

export const glossarySchema = z
  .object({ groups: z.array(groupSchema).min(1), terms: z.array(glossaryTermSchema).min(1) })
  .superRefine((g, ctx) => {
    const groups = new Set(g.groups);
    const ids = new Set<string>();
    g.terms.forEach((t, i) => {
      if (!groups.has(t.group)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'group'], message: `unknown group "${t.group}"` });
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], message: `duplicate id "${t.id}"` });
      ids.add(t.id);
    });
    // A variant must never be a term the glossary itself asks for (in either language).
    const usedEn = g.terms.map((t) => t.en.toLowerCase());
    g.terms.forEach((t, i) =>
      t.avoidEn.forEach((v, j) => {
        if (usedEn.some((u) => u.includes(v.toLowerCase())))
          ctx.addIssue({
            code: 'custom',
            path: ['terms', i, 'avoidEn', j],
            message: `"${v}" is part of an English term the glossary uses`,
          });
      }),
    );
    const used = g.terms.map((t) => t.ko);
    g.terms.forEach((t, i) =>
      t.avoid.forEach((v, j) => {
        if (used.some((u) => u.includes(v)))
          ctx.addIssue({ code: 'custom', path: ['terms', i, 'avoid', j], message: `"${v}" is part of a term the glossary uses` });
      }),
    );
  });

export type Glossary = z.infer<typeof glossarySchema>;
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

/** Parses the glossary JSON; a malformed file throws with the field path, so the build fails loudly. */
export function parseGlossary(json: unknown, source = 'content/glossary.json'): Glossary {
  const r = glossarySchema.safeParse(json);
  if (!r.success) throw new Error(formatZodError(r.error, { file: source, separator: '\n' }));
  return r.data;
}

export interface ScriptPart {
  text: string;
  kind: 'base' | 'sub' | 'sup';
}

/** Splits "W_i^Q" / "y_{n−1}" into plain, subscript and superscript runs for rendering. */
export function scriptParts(s: string): ScriptPart[] {
  const out: ScriptPart[] = [];
  const re = /([_^])(\{([^{}]*)\}|([A-Za-z0-9]+))/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push({ text: s.slice(last, m.index), kind: 'base' });
    out.push({ text: m[3] ?? m[4] ?? '', kind: m[1] === '_' ? 'sub' : 'sup' });
    last = re.lastIndex;
  }
  if (last < s.length) out.push({ text: s.slice(last), kind: 'base' });
  return out;
}
