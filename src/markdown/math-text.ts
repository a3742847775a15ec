/**
 * Readable plain text of a KaTeX-rendered formula, read from its MathML (not its TeX):
 * `T^2` -> "T²", `K^\top` -> "Kᵀ", `x_i` -> "xᵢ", `\frac{a}{b}` -> "a/b", `\alpha` -> "α".
 * Used where a formula must appear as text exactly once (the table of contents), so the
 * visual KaTeX spans and the TeX annotation are both left out.
 */
import type { Element, ElementContent } from 'hast';

const SUP: Record<string, string> = Object.fromEntries(
  [...'0123456789+-−=()niT⊤'].map((c, i) => [c, [...'⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱᵀᵀ'][i]!]),
);
const SUB: Record<string, string> = Object.fromEntries(
  [...'0123456789+-−=()aeoxhklmnpstijruv'].map((c, i) => [c, [...'₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ'][i]!]),
);

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
      const wrap = (s: string): string => ([...s].length > 1 ? `(${s})` : s);
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
