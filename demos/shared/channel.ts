/**
 * A typed, validated message channel between a page and its Web Worker (or any two
 * MessagePort-like ends). Each end validates what it RECEIVES with the zod schema that
 * lives beside the demo's core (`demos/<demo>/protocol.ts`), so a version skew or a bug
 * becomes a clear message instead of `undefined` in a chart. Sending is typed by the
 * other end's schema; it is not re-validated (the receiver does that).
 *
 * Lifecycle: openChannel() adds one 'message' listener; close() removes it.
 */
import type { z } from 'zod';
import { formatZodError } from './zod-error';

/** The part of Worker / DedicatedWorkerGlobalScope / MessagePort a channel needs. */
export interface PortLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
}

export interface Channel<Out> {
  send(message: Out, transfer?: Transferable[]): void;
  close(): void;
}

export interface ChannelSpec<R extends z.ZodType, S extends z.ZodType> {
  /** Schema of the messages this end receives. */
  receive: R;
  /** Schema of the messages this end sends (the other end's `receive`); used for typing. */
  send: S;
  /** Names this end in rejection messages, e.g. "worker message" or "page message". */
  name: string;
}

export function openChannel<R extends z.ZodType, S extends z.ZodType>(
  port: PortLike,
  spec: ChannelSpec<R, S>,
  onMessage: (message: z.output<R>) => void,
  onRejected: (problem: string) => void,
): Channel<z.input<S>> {
  const listener = (ev: MessageEvent): void => {
    const r = spec.receive.safeParse(ev.data);
    if (r.success) onMessage(r.data);
    else onRejected(`${spec.name} rejected: ${formatZodError(r.error)}`);
  };
  port.addEventListener('message', listener);
  return {
    send: (message, transfer = []) => port.postMessage(message, transfer),
    close: () => port.removeEventListener('message', listener),
  };
}
