/**
 * Parts of the island's event wiring kept out of mount.ts: the form's listeners, the reader's
 * checkpoint files and the e2e test hooks (events into the loop), and the runner of the
 * update's effects (worker messages, the file picker, a download).
 */
import type { ToWorker } from '@demos/kd/run/protocol';
import { byRole } from './view-common';
import { formRoleOf } from './form';
import { exportRun } from './export-run';
import type { DataRadio, KdEffect, KdEvent } from './island-state';
import { S } from './strings';

type Send = (m: ToWorker, transfer?: Transferable[]) => void;
type Dispatch = (e: KdEvent) => void;

/** Runs one effect of the update; a failed download comes back as a status event. */
export function runEffect(fx: KdEffect, send: Send, root: HTMLElement, dispatch: Dispatch): void {
  if (fx.type === 'post') send(fx.msg, fx.transfer);
  else if (fx.type === 'pick-file') byRole<HTMLInputElement>(root, 'file').click();
  else
    void exportRun(fx.result, fx.config, fx.data, fx.backend, fx.unseen).then(
      (err) => err && dispatch({ type: 'status', text: S.exportFailed(err) }),
    );
}

/**
 * Every control's value goes to the state (typed fields as the reader types, the rest on change);
 * the view draws it back. The data radios, the file picker and the buttons are events of their own.
 */
export function wireForm(root: HTMLElement, dispatch: Dispatch): void {
  const onField = (e: Event): void => {
    const t = e.target;
    if (!(t instanceof HTMLInputElement || t instanceof HTMLSelectElement) || (e.type === 'input' && t.type !== 'number')) return;
    const role = formRoleOf(t.dataset['role']);
    if (role) dispatch({ type: 'field', role, value: t.value });
  };
  root.addEventListener('input', onField);
  root.addEventListener('change', onField);
  for (const r of root.querySelectorAll<HTMLInputElement>('input[name="kd-data"]'))
    r.addEventListener('change', () => r.checked && dispatch({ type: 'radio', value: r.value as DataRadio }));
  const file = byRole<HTMLInputElement>(root, 'file');
  file.addEventListener('change', () => dispatch({ type: 'files', files: [...(file.files ?? [])] }));
  for (const [role, type] of [
    ['start', 'start'],
    ['rerun', 'start'],
    ['compare', 'compare'],
    ['cancel', 'cancel'],
    ['clear', 'clear'],
  ] as const)
    byRole(root, role).addEventListener('click', () => dispatch({ type }));
}

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
