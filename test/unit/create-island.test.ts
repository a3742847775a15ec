import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { createIsland, viewOf, type Step, type UrlHost } from '@src/lib/create-island';
import { urlCodec } from '@src/lib/url-codec';
import { enumControl, numberControl } from '@demos/shared/controls';

// A counter island: the loop's whole contract on a fake DOM (linkedom) and a fake URL host.
const codec = urlCodec('c-', { n: numberControl(0, 10, 1, true, 3), mode: enumControl(['a', 'b'] as const, 'a') });
interface S {
  n: number;
  mode: 'a' | 'b';
  note: string;
}
type E = { type: 'inc' } | { type: 'mode'; mode: S['mode'] } | { type: 'answer'; n: number } | { type: 'tick' };
type Fx = { type: 'ask'; n: number };

function setup(search = '') {
  const { document } = parseHTML('<div><span id="n"></span><span id="mode"></span><p id="note"></p></div>');
  const dom = { n: document.getElementById('n')!, mode: document.getElementById('mode')!, note: document.getElementById('note')! };
  const drawn: string[] = [];
  const sent: Fx[] = [];
  const urls: string[] = [];
  let current = search;
  const host: UrlHost = {
    search: () => current,
    replace: (s) => {
      current = s;
      urls.push(s);
    },
  };
  const deferred: (() => void)[] = [];
  const part = (name: keyof S) => ({
    name,
    deps: (s: S) => [s[name]],
    draw: (d: typeof dom, s: S) => {
      drawn.push(name);
      d[name].textContent = String(s[name]);
    },
  });
  const render = viewOf<S, typeof dom>([part('n'), part('mode'), part('note')]);
  const island = createIsland<S, E, Fx, typeof dom, ReturnType<typeof codec.read>>({
    dom,
    host,
    url: { read: (q) => codec.read(q), write: (q, s) => codec.write(q, { n: s.n, mode: s.mode }) },
    init: ({ values, problems }) => ({
      state: { ...values, note: problems.map((p) => p.param).join() },
      send: [{ type: 'ask', n: values.n }],
    }),
    update(s, e): Step<S, Fx> {
      switch (e.type) {
        case 'inc':
          return { state: { ...s, n: s.n + 1 }, send: [{ type: 'ask', n: s.n + 1 }] };
        case 'mode':
          return { state: { ...s, mode: e.mode }, send: [] };
        case 'answer':
          return { state: { ...s, note: `answer ${e.n}` }, send: [] };
        case 'tick':
          return { state: s, send: [] };
      }
    },
    render,
    run: (fx) => void sent.push(fx),
    schedule: (e) => (e.type === 'answer' ? 'later' : 'now'),
    defer: (draw) => void deferred.push(draw),
  });
  return { island, dom, drawn, sent, urls, deferred, url: () => current };
}

describe('createIsland: state in the reducer, effects as data, the DOM only drawn, the URL from state', () => {
  it('starts from the URL: first render draws every part, the URL gets every value, the start effects run', () => {
    const t = setup('?backend=wasm&c-n=5');
    expect(t.dom.n.textContent).toBe('5');
    expect(t.drawn).toEqual(['n', 'mode', 'note']);
    expect(t.sent).toEqual([{ type: 'ask', n: 5 }]);
    expect(t.url()).toBe('?backend=wasm&c-n=5&c-mode=a');
  });

  it('a bad URL value takes the default and is reported, not thrown', () => {
    const t = setup('?c-n=99&c-mode=z');
    expect(t.island.state()).toMatchObject({ n: 3, mode: 'a', note: 'c-n,c-mode' });
  });

  it('an event redraws only the parts whose deps changed, runs its effects and rewrites the URL', () => {
    const t = setup();
    t.drawn.length = 0;
    t.island.dispatch({ type: 'inc' });
    expect(t.drawn).toEqual(['n']);
    expect(t.sent.at(-1)).toEqual({ type: 'ask', n: 4 });
    expect(t.url()).toBe('?c-n=4&c-mode=a');
    t.island.dispatch({ type: 'mode', mode: 'b' });
    expect(t.drawn).toEqual(['n', 'mode']);
    expect(t.dom.mode.textContent).toBe('b');
  });

  it('an event that changes nothing draws nothing and leaves the URL alone', () => {
    const t = setup('?c-n=3&c-mode=a');
    const writes = t.urls.length;
    t.drawn.length = 0;
    t.island.dispatch({ type: 'tick' });
    expect(t.drawn).toEqual([]);
    expect(t.urls.length).toBe(writes);
  });

  it('the DOM is never read back: a value typed into the page does not reach state or URL', () => {
    const t = setup();
    t.dom.n.textContent = '9';
    t.island.dispatch({ type: 'mode', mode: 'b' });
    expect(t.island.state().n).toBe(3);
    expect(t.url()).toBe('?c-n=3&c-mode=b');
  });

  it("'later' events are drawn once, by the deferred draw, from the latest state", () => {
    const t = setup();
    t.drawn.length = 0;
    t.island.dispatch({ type: 'answer', n: 1 });
    t.island.dispatch({ type: 'answer', n: 2 });
    expect(t.drawn).toEqual([]);
    expect(t.deferred).toHaveLength(1);
    t.deferred[0]!();
    expect(t.drawn).toEqual(['note']);
    expect(t.dom.note.textContent).toBe('answer 2');
  });
});
