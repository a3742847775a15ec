/**
 * The one way a demo island boots. An `.astro` component renders a static, readable figure
 * inside a custom element and registers it with
 *
 *   <script>
 *     import { defineIsland } from '../lib/island';
 *     defineIsland('vit-demo', () => import('../islands/vit/mount'));
 *   </script>
 *
 * The element waits until it is near the viewport (whenVisible), only then imports the
 * island module (so pages and off-screen demos ship no tfjs), and calls its `mount(el)`.
 * A failure to load or mount is always shown to the reader, in the element's
 * `[data-island-error]` slot if it has one, else in a paragraph appended to it.
 * `data-island` on the element says where it is: "waiting" | "loading" | "ready" | "error".
 */
import { whenVisible } from './when-visible';
import { SHARED_TEXT } from '../islands/strings-shared';
import { errorMessage } from '@demos/shared/errors';

export interface IslandModule {
  mount(el: HTMLElement): void | Promise<void>;
}

/** In the page's language (read when the page's first island boots). */
const LOAD_ERROR_PREFIX = SHARED_TEXT.loadError;

function showIslandError(el: HTMLElement, error: unknown): void {
  const text = `${LOAD_ERROR_PREFIX}: ${errorMessage(error)}`;
  let slot = el.querySelector<HTMLElement>('[data-island-error]');
  if (!slot) {
    slot = document.createElement('p');
    slot.className = 'island-error';
    slot.setAttribute('role', 'alert');
    slot.dataset['islandError'] = '';
    el.append(slot);
  }
  slot.hidden = false;
  slot.textContent = text;
  el.dataset['island'] = 'error';
}

export function defineIsland(tag: string, load: () => Promise<IslandModule>): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      #started = false;
      connectedCallback(): void {
        if (this.#started) return;
        this.#started = true;
        this.dataset['island'] = 'waiting';
        void (async () => {
          try {
            await whenVisible(this);
            this.dataset['island'] = 'loading';
            const mod = await load();
            await mod.mount(this);
            // mount may have reported its own error (e.g. no backend): keep that state.
            if (this.dataset['island'] === 'loading') this.dataset['island'] = 'ready';
          } catch (e) {
            console.error(`${tag}:`, e);
            showIslandError(this, e);
          }
        })();
      }
    },
  );
}
