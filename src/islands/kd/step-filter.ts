/** The KD worker's filter on the run's step events (worker-session.ts). */
import type { RunEvent } from '@demos/kd/run/session';

/** At most ~10 step messages a second, each phase's epoch-ending step always: the page redraws per message. */
export function stepFilter(): (e: RunEvent) => boolean {
  const last = new Map<string, number>();
  return (e) => {
    if (e.type !== 'step' || e.step === e.steps) return true;
    const now = performance.now();
    if (now - (last.get(e.phase) ?? 0) < 100) return false;
    last.set(e.phase, now);
    return true;
  };
}
