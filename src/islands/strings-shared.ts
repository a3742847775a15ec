/**
 * Sentences every demo shares, in both languages: the backend badge (runtime-badge.ts) and the
 * message when an island fails to load (src/lib/island.ts). runtime.ts's own words (backend
 * names, skip reasons, thread notes) are English diagnostics; the badge words what it can.
 */
import type { RuntimeInfo } from '../lib/runtime';
import { english, localize, type Widen } from './strings-lang';

const SHARED_KO = {
  loadError: '데모를 불러오지 못했습니다',
  backend: '백엔드:',
  names: { webgpu: 'GPU (WebGPU)', webgl: 'GPU (WebGL)', wasm: 'CPU (WebAssembly)', cpu: 'CPU (순수 JS)' } as Record<
    RuntimeInfo['backend'],
    string
  >,
  /** runtime.ts's threadsNote values, worded for the reader (others are shown as they are). */
  threadNotes: {
    'cross-origin isolation missing (no SharedArrayBuffer)': '교차 출처 격리가 없어 한 스레드로 계산합니다',
    'one CPU core': 'CPU 코어가 하나입니다',
    '?threads=1': '?threads=1로 한 스레드를 골랐습니다',
    'threaded WASM did not start': '스레드용 WASM이 시작되지 않아 한 스레드로 계산합니다',
    'the pure-JS backend is single-threaded': '순수 JS 백엔드는 한 스레드입니다',
  } as Record<string, string>,
  preferred: '· 학습용으로 고른 백엔드 (?backend=로 바꿀 수 있음)',
  threads: (n: number, note: string | null) => `· 스레드 ${n}개${note ? ` (${note})` : ''}`,
  skipped: (n: number) => `건너뛴 백엔드 ${n}개`,
};

const SHARED_EN: Widen<typeof SHARED_KO> = english({
  en: {
    loadError: 'The demo could not load',
    backend: 'Backend:',
    names: { webgpu: 'GPU (WebGPU)', webgl: 'GPU (WebGL)', wasm: 'CPU (WebAssembly)', cpu: 'CPU (plain JS)' },
    threadNotes: {
      'cross-origin isolation missing (no SharedArrayBuffer)': 'no cross-origin isolation, so one thread computes',
      'one CPU core': 'this device has one CPU core',
      '?threads=1': '?threads=1 chose one thread',
      'threaded WASM did not start': 'threaded WASM did not start, so one thread computes',
      'the pure-JS backend is single-threaded': 'the plain-JS backend has one thread',
    },
    preferred: '· the backend chosen for training (change it with ?backend=)',
    threads: (n: number, note: string | null) => `· ${n} thread${n === 1 ? '' : 's'}${note ? ` (${note})` : ''}`,
    skipped: (n: number) => `${n} backend${n === 1 ? '' : 's'} skipped`,
  },
});

export const SHARED_TEXT = localize<Widen<typeof SHARED_KO>>({ ko: SHARED_KO, en: SHARED_EN });
