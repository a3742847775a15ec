/**
 * The KD island's sentences about what computes: WebGPU device loss, the WASM kernels, the
 * workers (lanes), in Korean and English. Spread into S (strings.ts), where every other sentence lives.
 */
import { english, type Widen } from '../strings-lang';

export const RUNTIME_STRINGS = {
  deviceLostStatus: (b: string) => `WebGPU 장치를 잃어 ${b} 백엔드로 전환했습니다. 진행 중인 단계는 다시 시작합니다.`,
  deviceLostNote: 'WebGPU 장치를 잃어 대체 백엔드로 계속합니다',
  deviceLostRetry: 'WebGPU 장치를 잃었습니다. 대체 백엔드에서 이 단계부터 다시 실행합니다…',
  kernels: (on: boolean | null) =>
    on === true ? 'WASM SIMD 커널로 학습합니다' : on === false ? 'WASM SIMD 커널을 쓸 수 없어 JS 루프로 학습합니다(더 느림)' : null,
  /** How many workers train (lanes): two at once, or one and why when the badge does not say. */
  lanes: (l: { workers: number; why: string | null } | null) =>
    l && l.workers >= 2
      ? `작업자 ${l.workers}개가 나눠 학습합니다 (GAF 교사 ∥ 신호 교사 → 학생 단독, 그다음 KD 학생)`
      : l?.why
        ? `작업자 1개로 학습합니다 (${l.why})`
        : null,
  laneNotStarted: (why: string) => `두 번째 작업자를 시작하지 못했습니다: ${why}`,
  laneOther: (backend: string) => `두 번째 작업자가 다른 백엔드(${backend})를 골랐습니다`,
  laneFailed: (why: string) => `두 번째 작업자가 멈췄습니다: ${why}`,
  laneTimeout: (s: number) => `두 번째 작업자가 ${s}초 안에 시작하지 않았습니다`,
};

export const RUNTIME_STRINGS_EN: Widen<typeof RUNTIME_STRINGS> = english({
  en: {
    deviceLostStatus: (b: string) => `The WebGPU device was lost; switched to the ${b} backend. The stage in progress starts again.`,
    deviceLostNote: 'WebGPU device lost; continuing on the fallback backend',
    deviceLostRetry: 'The WebGPU device was lost. Running again from this stage on the fallback backend…',
    kernels: (on: boolean | null) =>
      on === true
        ? 'Training with the WASM SIMD kernels'
        : on === false
          ? 'WASM SIMD kernels unavailable: training with JS loops (slower)'
          : null,
    lanes: (l: { workers: number; why: string | null } | null) =>
      l && l.workers >= 2
        ? `${l.workers} workers share the training (GAF teacher ∥ signal teacher → student alone, then the KD student)`
        : l?.why
          ? `Training with 1 worker (${l.why})`
          : null,
    laneNotStarted: (why: string) => `The second worker could not start: ${why}`,
    laneOther: (backend: string) => `The second worker chose another backend (${backend})`,
    laneFailed: (why: string) => `The second worker stopped: ${why}`,
    laneTimeout: (s: number) => `The second worker did not start within ${s} s`,
  },
});
