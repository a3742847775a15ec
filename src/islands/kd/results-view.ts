/**
 * The comparison table (teachers, student alone, student with KD) and the per-row JSON
 * export. Rows are filled from the worker's phase results; exports are built and validated
 * with the artifact schema (demos/kd/run/export.ts) only when the reader clicks.
 */
import type { Phase } from '../../../demos/kd/run/config';
import type { DataSummary, PhaseResult } from '../../../demos/kd/run/protocol';
import type { RunConfig } from '../../../demos/kd/run/config';
import { fmt } from './svg';

const ORIGIN_KO: Record<PhaseResult['origin'], string> = { trained: '방금 학습', cache: '캐시(IndexedDB)', checkpoint: '체크포인트' };

export function markRow(table: HTMLTableElement, phase: Phase, state: 'idle' | 'running' | 'done'): void {
  const row = table.querySelector<HTMLTableRowElement>(`tr[data-phase="${phase}"]`);
  if (row) row.dataset['state'] = state;
}

export function clearRow(table: HTMLTableElement, phase: Phase): void {
  const row = table.querySelector<HTMLTableRowElement>(`tr[data-phase="${phase}"]`);
  if (!row) return;
  row.dataset['state'] = 'idle';
  row.querySelectorAll('td').forEach((td, i) => { td.textContent = i === 5 ? '' : '–'; });
}

export function fillRow(table: HTMLTableElement, r: PhaseResult, onExport: (r: PhaseResult) => void): void {
  const row = table.querySelector<HTMLTableRowElement>(`tr[data-phase="${r.phase}"]`);
  if (!row) return;
  const cells = row.querySelectorAll('td');
  const values = [fmt(r.bestAcc, 2), fmt(r.lastAcc, 2), String(r.bestEpoch), `${fmt(r.ms / 1000, 1)} s`, ORIGIN_KO[r.origin]];
  values.forEach((v, i) => { const c = cells[i]; if (c) c.textContent = v; });
  row.dataset['state'] = 'done';
  row.dataset['best'] = String(r.bestAcc);
  row.dataset['ms'] = String(r.ms);
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.textContent = 'JSON';
  btn.title = '이 실행을 결과 아티팩트(JSON)로 내려받기 — content/results/에 넣을 수 있음';
  btn.setAttribute('data-testid', `kd-export-${r.phase}`);
  btn.addEventListener('click', () => onExport(r));
  cells[5]?.replaceChildren(btn);
}

/** Builds the artifact and triggers a download; returns an error message instead of throwing. */
export async function exportRun(r: PhaseResult, config: RunConfig, data: DataSummary, backend: string, unseenTestWindows: number): Promise<string | null> {
  try {
    const { phaseArtifact } = await import('../../../demos/kd/run/export');
    const artifact = phaseArtifact(r, { config, data, sha256: data.sha256, backend, codeVersion: 'browser', createdAt: new Date().toISOString(), unseenTestWindows });
    const blob = new Blob([JSON.stringify(artifact, null, 2) + '\n'], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${artifact.id}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
