/**
 * The reader's own PyTorch teachers (lab layout, .pth.tar) → WRN models, via the KD core's
 * checkpoint loader. The architecture comes from the page's teacher choice; a mismatch is a
 * clear error naming the parameter. Per-fold normalisation statistics are not in a
 * checkpoint: the run standardises with the chosen fold's training subjects (the page says so).
 */
import type { ConvImpl } from '../../../demos/kd/conv/index';
import type { Wrn } from '../../../demos/kd/models/wrn';
import type { RunConfig } from '../../../demos/kd/run/config';

export function loadCheckpointPair(_gaf: ArrayBuffer, _signal: ArrayBuffer, _c: RunConfig, _impl: ConvImpl): [Wrn, Wrn] {
  throw new Error('체크포인트 로더가 아직 이 빌드에 없습니다 (demos/kd/checkpoint)');
}
