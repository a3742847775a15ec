/**
 * The backend badge every demo shows: which tfjs backend computes ("webgpu", "webgl",
 * "wasm", "cpu"), the adapter when known, whether `?backend=` forced it or the demo preferred
 * it (initRuntime's `prefer`; the reason is the title of that part), and why earlier
 * candidates were skipped. Tests read `data-backend` on the badge element.
 *
 * Usage from an island (after initRuntime()):
 *   const stop = bindRuntimeBadge(badgeEl, info); // renders now and on every fallback
 * or, for a one-off render, renderRuntimeBadge(badgeEl, info).
 * Imports no tfjs (only types and the listener registry of the runtime).
 */
import { describeRuntime, onRuntimeChange, type RuntimeInfo } from '../lib/runtime';
import { SHARED_TEXT as T } from './strings-shared';

const STYLE_ID = 'runtime-badge-style';
const CSS = `
.runtime-badge{display:inline-flex;flex-wrap:wrap;align-items:center;gap:.35rem;font-size:.8rem;line-height:1.3;
  padding:.15rem .55rem;border-radius:999px;border:1px solid var(--sl-color-gray-5,#ccc);background:var(--sl-color-gray-6,#f4f4f4);color:var(--sl-color-white,#111)}
.runtime-badge[data-backend="webgpu"]{border-color:#2f9e44}
.runtime-badge[data-backend="webgl"]{border-color:#1971c2}
.runtime-badge[data-backend="wasm"],.runtime-badge[data-backend="cpu"]{border-color:#e8590c}
.runtime-badge .rb-name{font-weight:700;font-family:var(--sl-font-mono,monospace)}
.runtime-badge details{font-size:.75rem}
.runtime-badge summary{cursor:pointer}
.runtime-badge ul{margin:.2rem 0 0 1rem;padding:0}
`;

function ensureStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const s = doc.createElement('style');
  s.id = STYLE_ID;
  s.textContent = CSS;
  doc.head.append(s);
}

/** One line per skipped candidate: "webgpu: requestAdapter() returned null …". */
function skippedReasons(info: RuntimeInfo): string[] {
  return info.skipped.map((s) => `${s.backend}: ${s.reason}`);
}

/** Renders the badge into `el` (replacing its content). Safe to call again on change. */
export function renderRuntimeBadge(el: HTMLElement, info: RuntimeInfo): void {
  ensureStyle(el.ownerDocument);
  el.classList.add('runtime-badge');
  el.dataset['backend'] = info.backend;
  el.dataset['forced'] = String(info.forced);
  el.dataset['preferred'] = String(info.preferred !== null);
  el.dataset['threads'] = String(info.threads);
  el.setAttribute('role', 'status');
  el.title = describeRuntime(info);
  const label = el.ownerDocument.createElement('span');
  label.textContent = T.backend;
  const name = el.ownerDocument.createElement('span');
  name.className = 'rb-name';
  name.textContent = describeRuntime(info);
  const ko = el.ownerDocument.createElement('span');
  ko.textContent = `· ${T.names[info.backend]}`;
  const parts: Node[] = [label, name, ko];
  if (info.preferred !== null) {
    // Chosen by the demo for its work, not by the reader: say so, with the demo's reason on hover.
    const pref = el.ownerDocument.createElement('span');
    pref.className = 'rb-preferred';
    pref.textContent = T.preferred;
    if (info.preferred) pref.title = info.preferred;
    parts.push(pref);
  }
  if (info.backend === 'wasm' || info.backend === 'cpu') {
    // How many cores train, and why only one (no cross-origin isolation, one core, the JS backend).
    const th = el.ownerDocument.createElement('span');
    th.className = 'rb-threads';
    th.textContent = T.threads(info.threads, info.threadsNote ? (T.threadNotes[info.threadsNote] ?? info.threadsNote) : null);
    parts.push(th);
  }
  const reasons = skippedReasons(info);
  if (reasons.length > 0) {
    const d = el.ownerDocument.createElement('details');
    const s = el.ownerDocument.createElement('summary');
    s.textContent = T.skipped(reasons.length);
    const ul = el.ownerDocument.createElement('ul');
    for (const r of reasons) {
      const li = el.ownerDocument.createElement('li');
      li.textContent = r;
      ul.append(li);
    }
    d.append(s, ul);
    parts.push(d);
  }
  el.replaceChildren(...parts);
}

/** Renders now and again after every runtime change (e.g. WebGPU device loss). Returns an unsubscribe. */
export function bindRuntimeBadge(el: HTMLElement, info: RuntimeInfo): () => void {
  renderRuntimeBadge(el, info);
  return onRuntimeChange((next) => renderRuntimeBadge(el, next));
}
