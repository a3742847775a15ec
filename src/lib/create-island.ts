/**
 * The one loop every demo island runs (attention, ViT, KD run, KD story):
 *
 *   event → update(state, event) → { state, send } → run each effect → render(dom, state, prev) → URL
 *
 * - State lives only in the reducer: `update` is pure (unit-tested in Node) and returns the
 *   effects as data (`send`: worker messages, fetches, timers); the loop runs them with `run`.
 * - The DOM is only rendered, never read back: `render` gets the new and the previous state.
 *   A view is usually a table of parts (`viewOf`): each part redraws only when its deps change.
 * - The URL is written from state (`url.write`), and read once, at start (`url.read` → `init`).
 *
 * `mount.ts` of an island is then event wiring: DOM listeners and worker messages → `dispatch`.
 * The page's location and the redraw timing are injected, so the loop runs without a browser.
 */

/** What `update` returns: the next state and the effects to run (in order). */
export interface Step<S, Fx> {
  state: S;
  send: readonly Fx[];
}

/** One part of a view: `draw` runs on the first render and whenever an element of `deps` changed (Object.is). */
export interface Part<S, D> {
  /** For debugging and tests: which part drew. */
  name: string;
  deps(state: S): readonly unknown[];
  draw(dom: D, state: S, prev: S | null): void;
}

export type Render<S, D> = (dom: D, state: S, prev: S | null) => void;

/** A render function from a table of parts; a part whose deps are unchanged since `prev` is skipped. */
export function viewOf<S, D>(parts: readonly Part<S, D>[]): Render<S, D> {
  return (dom, state, prev) => {
    for (const p of parts) {
      if (prev !== null && sameDeps(p.deps(state), p.deps(prev))) continue;
      p.draw(dom, state, prev);
    }
  };
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/** Where the URL lives: the page's `location`/`history` in the browser, a plain object in tests. */
export interface UrlHost {
  search(): string;
  replace(search: string): void;
}

const pageUrl: UrlHost = {
  search: () => location.search,
  replace: (next) => history.replaceState(history.state, '', `${location.pathname}${next}${location.hash}`),
};

export interface IslandSpec<S, E, Fx, D, U> {
  dom: D;
  url: {
    /** Parses the query string once, at start (never fails: bad values are reported in U). */
    read(search: string): U;
    /** The query string for `state` (other parameters of `search` kept). */
    write(search: string, state: S): string;
  };
  /** The first state (from the URL's values) and the effects to run at start. */
  init(fromUrl: U): Step<S, Fx>;
  update(state: S, event: E): Step<S, Fx>;
  render: Render<S, D>;
  /** Runs one effect; answers come back as events through `dispatch`. */
  run(effect: Fx, dispatch: (e: E) => void): void;
  /**
   * When the DOM is redrawn after an event (default: at once). KD throttles progress
   * messages to a few redraws a second; `now` says the event is the reader's (draw at once).
   */
  schedule?(event: E): 'now' | 'later';
  /** How a 'later' redraw is scheduled (default: at once); it must call `draw` once, later. */
  defer?(draw: () => void): void;
  host?: UrlHost;
}

export interface Island<S, E> {
  dispatch(e: E): void;
  /** The current state (tests, and event wiring that needs e.g. the current grid). */
  state(): S;
}

export function createIsland<S, E, Fx, D, U>(spec: IslandSpec<S, E, Fx, D, U>): Island<S, E> {
  const host = spec.host ?? pageUrl;
  const first = spec.init(spec.url.read(host.search()));
  let state = first.state;
  // The state last drawn: a deferred redraw draws from it, so skipped states are never half-drawn.
  let drawn: S | null = null;
  let waiting = false;

  const draw = (): void => {
    waiting = false;
    spec.render(spec.dom, state, drawn);
    drawn = state;
  };
  const writeUrl = (): void => {
    const now = host.search();
    const next = spec.url.write(now, state);
    if (next !== now) host.replace(next);
  };
  const dispatch = (e: E): void => {
    const r = spec.update(state, e);
    state = r.state;
    for (const fx of r.send) spec.run(fx, dispatch);
    writeUrl();
    if ((spec.schedule?.(e) ?? 'now') === 'now' || !spec.defer) draw();
    else if (!waiting) {
      waiting = true;
      spec.defer(() => {
        if (waiting) draw();
      });
    }
  };

  draw();
  writeUrl();
  for (const fx of first.send) spec.run(fx, dispatch);
  return { dispatch, state: () => state };
}
