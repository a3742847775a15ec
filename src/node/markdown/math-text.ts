/**
 * Readable plain text of a KaTeX-rendered formula, read from its MathML (not its TeX):
 * `T^2` -> "T²", `K^\top` -> "Kᵀ", `x_i` -> "xᵢ", `\frac{a}{b}` -> "a/b", `\alpha` -> "α".
 * Used where a formula must appear as text exactly once (the table of contents), so the
 * visual KaTeX spans and the TeX annotation are both left out.
 */
import type { Element, ElementContent } from 'hast';

/** pairs "xX…": character, then its super/subscript form (Unicode has no full alphabet). */
function table(pairs: string): Record<string, string> {
  const cs = [...pairs];
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < cs.length; i += 2) out[cs[i]!] = cs[i + 1]!;
  return out;
}
const SUP = table(
  '0⁰1¹2²3³4⁴5⁵6⁶7⁷8⁸9⁹+⁺-⁻−⁻=⁼(⁽)⁾⊤ᵀ' + 'aᵃbᵇcᶜdᵈeᵉfᶠgᵍhʰiⁱjʲkᵏlˡmᵐnⁿoᵒpᵖrʳsˢtᵗuᵘvᵛwʷxˣyʸzᶻ' + 'AᴬBᴮDᴰEᴱGᴳHᴴIᴵJᴶKᴷLᴸMᴹNᴺOᴼPᴾRᴿTᵀUᵁVⱽWᵂ',
);
const SUB = table('0₀1₁2₂3₃4₄5₅6₆7₇8₈9₉+₊-₋−₋=₌(₍)₎aₐeₑoₒxₓhₕkₖlₗmₘnₙpₚsₛtₜiᵢjⱼrᵣuᵤvᵥ');

/** s in Unicode super/subscript characters, or null when one character has none. */
function script(s: string, table: Record<string, string>): string | null {
  let out = '';
  for (const c of s) {
    const m = table[c];
    if (m === undefined) return null;
    out += m;
  }
  return out;
}

function raise(base: string, s: string, table: Record<string, string>, mark: '^' | '_'): string {
  const u = script(s, table);
  if (u !== null) return base + u;
  return base + mark + ([...s].length > 1 ? `(${s})` : s);
}

function kids(e: Element): Element[] {
  return e.children.filter((c): c is Element => c.type === 'element');
}

function text(n: ElementContent): string {
  if (n.type === 'text') return n.value;
  if (n.type !== 'element') return '';
  const c = kids(n);
  switch (n.tagName) {
    case 'annotation':
    case 'annotation-xml':
      return '';
    case 'mspace':
      return ' ';
    case 'msup':
      return raise(text(c[0]!), text(c[1]!), SUP, '^');
    case 'msub':
      return raise(text(c[0]!), text(c[1]!), SUB, '_');
    case 'msubsup':
      return raise(raise(text(c[0]!), text(c[1]!), SUB, '_'), text(c[2]!), SUP, '^');
    case 'mfrac': {
      const [a, b] = [text(c[0]!), text(c[1]!)];
      // Parenthesise only sums and lists: "QKᵀ/√(dₖ)" reads fine, "(1−α)/2" needs them.
      const wrap = (s: string): string => (/[\s+\-−=,]/.test(s) ? `(${s})` : s);
      return `${wrap(a)}/${wrap(b)}`;
    }
    case 'msqrt':
      return `√(${c.map(text).join('')})`;
    case 'mover':
    case 'munder':
    case 'munderover':
      return text(c[0]!); // accents and limits: the base carries the meaning in running text
    default:
      return n.children.map(text).join('');
  }
}

/** Readable text of a `<math>` element (its `<annotation>` TeX source is skipped). */
export function mathText(math: Element): string {
  return text(math).replace(/\s+/g, ' ').trim();
}
