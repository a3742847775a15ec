import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openChannel, type PortLike } from '@demos/shared/channel';
import { formatZodError, formatIssuePath } from '@demos/shared/zod-error';

/** Two linked in-memory ports: what one posts, the other's listeners receive. */
function pair(): [PortLike & { sent: unknown[] }, PortLike & { sent: unknown[] }] {
  const make = () => {
    const listeners = new Set<(ev: MessageEvent) => void>();
    return {
      sent: [] as unknown[],
      other: null as null | { listeners: Set<(ev: MessageEvent) => void> },
      listeners,
      postMessage(m: unknown) {
        this.sent.push(m);
        for (const l of this.other!.listeners) l({ data: structuredClone(m) } as MessageEvent);
      },
      addEventListener(_t: 'message', l: (ev: MessageEvent) => void) {
        listeners.add(l);
      },
      removeEventListener(_t: 'message', l: (ev: MessageEvent) => void) {
        listeners.delete(l);
      },
    };
  };
  const a = make(),
    b = make();
  a.other = b;
  b.other = a;
  return [a, b];
}

const ToWorker = z.discriminatedUnion('type', [z.object({ type: z.literal('go'), n: z.number().int() })]);
const FromWorker = z.discriminatedUnion('type', [z.object({ type: z.literal('done'), sum: z.number() })]);

describe('openChannel', () => {
  it('delivers valid messages both ways and rejects invalid ones with the field named', () => {
    const [pagePort, workerPort] = pair();
    const got: unknown[] = [],
      problems: string[] = [];
    const worker = openChannel(
      workerPort,
      { receive: ToWorker, send: FromWorker, name: 'page message' },
      (m) => {
        got.push(m);
        worker.send({ type: 'done', sum: m.n * 2 });
      },
      (p) => problems.push(p),
    );
    const fromWorker: unknown[] = [];
    const page = openChannel(
      pagePort,
      { receive: FromWorker, send: ToWorker, name: 'worker message' },
      (m) => fromWorker.push(m),
      (p) => problems.push(p),
    );
    page.send({ type: 'go', n: 3 });
    expect(got).toEqual([{ type: 'go', n: 3 }]);
    expect(fromWorker).toEqual([{ type: 'done', sum: 6 }]);
    // A malformed message (a version skew) is rejected, not delivered.
    pagePort.postMessage({ type: 'go', n: 1.5 }, []);
    expect(got).toHaveLength(1);
    expect(problems).toEqual([expect.stringMatching(/^page message rejected: field n: .*int/i)]);
    page.close();
    worker.close();
    pagePort.postMessage({ type: 'go', n: 1 }, []);
    expect(got).toHaveLength(1);
  });
});

describe('formatZodError', () => {
  it('names nested paths and the root, with an optional prefix', () => {
    const s = z.object({ a: z.array(z.object({ b: z.number() })) });
    const r = s.safeParse({ a: [{ b: 1 }, { b: 'x' }] });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(formatZodError(r.error, { file: 'run.json' })).toMatch(/^run\.json: field a\[1\]\.b: /);
    expect(formatIssuePath([])).toBe('(root)');
    const root = z.number().safeParse('x');
    if (!root.success) expect(formatZodError(root.error)).toMatch(/^field \(root\): /);
  });
});
