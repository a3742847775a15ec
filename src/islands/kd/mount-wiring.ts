/**
 * Parts of the island's wiring that only forward to the worker (kept out of mount.ts): the
 * reader's checkpoint files and the e2e test hooks.
 */
import type { ToWorker } from '@demos/kd/run/protocol';
import { byRole } from './view-common';

type Send = (m: ToWorker, transfer?: Transferable[]) => void;

/** Both checkpoint files picked: their bytes go to the worker (transferred, not copied). */
export function wireCheckpoints(root: HTMLElement, send: Send): void {
  const ckpt = [byRole<HTMLInputElement>(root, 'ckpt-gaf'), byRole<HTMLInputElement>(root, 'ckpt-signal')] as const;
  const onCkpt = async (): Promise<void> => {
    const [g, s] = ckpt.map((i) => i.files?.[0]);
    if (!g || !s) return;
    const [gb, sb] = await Promise.all([g.arrayBuffer(), s.arrayBuffer()]);
    send({ type: 'load-checkpoints', gaf: gb, signal: sb, names: [g.name, s.name] }, [gb, sb]);
  };
  ckpt.forEach((i) => i.addEventListener('change', () => void onCkpt()));
}

/** Test hooks (e2e): simulate a GPU reset or a failing second worker; training steps for the WebGPU parity check. */
export function wireDebugHooks(root: HTMLElement, send: Send): void {
  root.addEventListener('kd-debug-lose-device', () => send({ type: 'debug-lose-device' }));
  root.addEventListener('kd-debug-fail-lane', () => send({ type: 'debug-fail-lane' }));
  root.addEventListener('kd-debug-train-steps', (e) => {
    const d = (e as CustomEvent<{ steps?: number; seed?: number }>).detail ?? {};
    send({ type: 'debug-train-steps', steps: d.steps ?? 5, seed: d.seed ?? 1234 });
  });
}
