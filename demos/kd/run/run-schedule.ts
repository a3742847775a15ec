/**
 * The in-page run's learning-rate schedule. For E ≥ 18 epochs it is §8's step schedule
 * (train/schedule.ts stepLr). Below that, §8's boundaries int(E/18), int(E/3), int(2E/3) collapse:
 * at E = 2 the first two steps get 0 epochs and the run trains at 0.001 then 0.0001, so the
 * weights barely move. A short run keeps §8's shape instead: the base rate for the first
 * SHORT_RUN_HIGH of the epochs (at least one), then a tenth of it.
 */
import { stepLr } from '../train/schedule';

export const SHORT_RUN_EPOCHS = 18;
export const SHORT_RUN_HIGH = 0.7;

export function runLr(epoch: number, epochs: number, base: number): number {
  if (epochs >= SHORT_RUN_EPOCHS) return stepLr(epoch, epochs, base);
  return epoch < Math.max(1, Math.round(SHORT_RUN_HIGH * epochs)) ? base : base / 10;
}
