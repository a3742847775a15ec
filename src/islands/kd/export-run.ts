/**
 * The per-row JSON export: the phase as a `kind: 'run'` artifact (demos/kd/run/export.ts),
 * validated before download, built only when the reader clicks. Returns an error message
 * instead of throwing.
 */
import type { RunConfig } from '@demos/kd/run/config';
import type { DataSummary, PhaseResult } from '@demos/kd/run/protocol';
import { errorMessage } from '@demos/shared/errors';

export async function exportRun(
  r: PhaseResult,
  config: RunConfig,
  data: DataSummary,
  backend: string,
  unseenTestWindows: number,
): Promise<string | null> {
  try {
    const { phaseArtifact } = await import('@demos/kd/run/export');
    const artifact = phaseArtifact(r, {
      config,
      data,
      sha256: data.sha256,
      backend,
      codeVersion: 'browser',
      createdAt: new Date().toISOString(),
      unseenTestWindows,
    });
    const blob = new Blob([`${JSON.stringify(artifact, null, 2)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${artifact.id}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    return null;
  } catch (e) {
    return errorMessage(e);
  }
}
