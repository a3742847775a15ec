/** Every sentence the ViT island writes into the page (Korean), in one place. */
export const VIT_TEXT = {
  loading: (name: string) => `"${name}" 불러오는 중…`,
  computing: (p: number, dim: number, backend: string | null) => `계산 중… (p = ${p}, D = ${dim}${backend ? `, ${backend}` : ''})`,
  done: (ms: number, backend: string, p: number, diff: number) =>
    `계산 완료 (${ms.toFixed(0)} ms, ${backend}). 같은 가중치로 stride-${p} conv2d와 reshape+matMul의 최대 차이: ${diff.toExponential(1)}`,
  keptPrevious: (name: string) => `이전 이미지 "${name}"를 그대로 보여 줍니다.`,
  workerFailed: (msg: string) => `계산 워커를 시작하지 못했습니다: ${msg || '알 수 없는 오류'}`,
  sampleFailed: (src: string, msg: string) => `예시 이미지를 불러오지 못했습니다 (${src}): ${msg}`,
  dropEmpty: '끌어다 놓은 것에 파일이 없습니다. 이미지 파일을 놓아 주세요.',
  selection: (n: number, row: number, col: number) => `패치 #${n} · 행 ${row}, 열 ${col} · 토큰 위치 ${n + 1} ([CLS]가 0번)`,
  stageLabel: (g: number, n: number, row: number, col: number) =>
    `이미지 패치 격자 ${g}×${g}. 현재 패치 #${n} (행 ${row}, 열 ${col}). 화살표 키로 이동.`,
  ownImage: (name: string, w: number, h: number) =>
    `내 이미지: ${name} (${w}×${h}) — 브라우저 안에서만 처리되며 어디에도 올라가지 않습니다.`,
  urlProblems: (list: readonly string[]) => `주소에 있는 값 ${list.join(', ')}은(는) 이 데모가 쓸 수 없어 기본값으로 바꿨습니다.`,
} as const;
