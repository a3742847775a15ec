/**
 * The KD island's words for problems raised in demos/** (PAMAP2 parser and zip reader: codes)
 * and in its worker (file names, the full shards, the training backend), Korean and English.
 */
import type { Pamap2Problem } from '@demos/kd/pamap2/errors';
import type { ZipProblem } from '@demos/kd/pamap2/zip';
import { english, type Widen } from '../strings-lang';
import { KdRunError, type KdRunProblem } from '@demos/kd/run/errors';
import { Pamap2FormatError as FormatError } from '@demos/kd/pamap2/errors';
import { Pamap2ZipError } from '@demos/kd/pamap2/zip';
import { errorMessage } from '@demos/shared/errors';

/** Problems raised in demos/** and the worker, worded (the English originals are the codes' messages). */
export const ERRORS_KO = {
  zipProblem: {
    'not-zip': 'zip 파일이 아닙니다',
    corrupt: 'zip 파일이 손상되었습니다',
    truncated: 'zip 파일이 중간에 잘렸습니다 (다운로드가 끊겼나요?)',
    'too-deep': 'zip 안의 zip이 너무 깊습니다 — UCI에서 받은 압축 파일(PAMAP2_Dataset.zip을 담은 zip)이나 PAMAP2_Dataset.zip을 고르세요',
    'no-protocol': 'zip 안에 Protocol/subject10N.dat 파일이 없습니다 — PAMAP2 압축 파일이 아닙니다',
    'too-large': 'PAMAP2 파일로 보기에는 너무 큽니다',
    unsupported: '지원하지 않는 zip 압축 방식입니다 (stored, deflate만 읽습니다)',
    duplicate: '같은 피험자의 Protocol 파일이 zip 안에 두 번 있습니다',
  } as Record<ZipProblem, string>,
  formatError: (e: FormatError): string => `${e.file}${e.line === null ? '' : `:${e.line}`}: ${pamap2ProblemKo(e.problem, e.message)}`,
  badDatName: (name: string) => `${name}: 파일 이름에서 피험자 번호를 알 수 없습니다 (subject101.dat … subject109.dat 형식이어야 합니다)`,
  duplicateSubject: (subject: number) => `피험자 ${subject}의 파일이 두 번 들어왔습니다`,
  fullProbe: (subjects: readonly number[], kind: string, location: string) => `피험자 ${subjects.join(', ')} (${kind}: ${location})`,
  fullUnreadable: (why: string) => `전체 데이터 샤드를 읽을 수 없습니다 — ${why}`,
  fullMissing: (url: string) => `전체 데이터 샤드가 이 빌드에 없습니다 (${url}: 발췌본으로 만든 샤드)`,
  fullLabel: (subjects: readonly number[], verified: boolean) =>
    `전체 PAMAP2 샤드 (피험자 ${subjects.join(', ')}${verified ? ', SHA-256 검증됨' : ', 일부 미검증'})`,
  excerptLabel: '번들 발췌본 (실제 PAMAP2 행: subject101 앞 10,000행 + 피험자 6명의 5초 윈도우 13개)',
  prefSoftwareWebGpu: (name: string) => `WebGPU 어댑터가 소프트웨어(${name})라서 학습에는 WASM을 씁니다 (?backend=webgpu로 강제 가능)`,
  prefHardwareGpu:
    'GPU가 있어도 이 작은 모델들의 학습은 WASM이 더 빠릅니다: 학습 한 단계가 GPU 커널 1,700–1,900개로 나뉘어 호출 비용이 계산보다 큽니다 (H200 GPU에서 기본 실행 WebGPU 26초, WASM 2초). ?backend=webgpu로 강제 가능',
  prefSoftwareWebGl: (renderer: string) => `WebGL이 소프트웨어 렌더러(${renderer})라서 학습에는 WASM을 씁니다 (?backend=webgl로 강제 가능)`,
  runProblem: {
    'no-checkpoints': '체크포인트 교사를 먼저 불러오세요',
    'no-teachers': '교사가 아직 없습니다: 먼저 "증류 실행"으로 이 설정의 교사를 학습하세요',
    'no-test-windows': '윈도우 단위 분할: 평가 윈도우가 없습니다 (윈도우가 2개 이상인 클래스가 없음)',
    'no-windows': '프로토콜 활동의 100스텝 윈도우가 하나도 없습니다 (§1 정리와 33.3 Hz 다운샘플링 뒤)',
  } as Record<KdRunProblem, string>,
  configInvalid: (detail: string) => `설정 오류: ${detail}`,
  errorText: (e: unknown): string => errorText(e, ERRORS_KO),
  epochAxis: '에폭',
  alphaAxis: 'α (GAF 교사 가중치)',
};

function pamap2ProblemKo(p: Pamap2Problem, english: string): string {
  switch (p.code) {
    case 'long-line':
      return '한 줄이 64 KB보다 깁니다: PAMAP2 Protocol 파일이 아닙니다';
    case 'empty':
      return '빈 파일입니다: 데이터 행이 없습니다';
    case 'not-protocol':
      return `PAMAP2 Protocol 파일이 아닙니다: 공백으로 나뉜 숫자가 있어야 할 자리에 ${p.found}이(가) 있습니다`;
    case 'truncated-line':
      return `잘린 줄: 열 ${p.want}개 중 ${p.got}개뿐이고 파일 끝에 줄바꿈이 없습니다 (파일이 중간에 잘렸나요?)`;
    case 'column-count':
      return `열 개수가 틀립니다: ${p.want}개여야 하는데 ${p.got}개입니다`;
    case 'not-number':
      return `${p.column}번째 열의 ${p.token}은(는) 숫자가 아닙니다`;
    case 'not-finite':
      return `${p.column}번째 열의 ${p.token}은(는) 유한한 수가 아닙니다`;
    case 'nan-timestamp':
      return '타임스탬프(1번째 열)가 NaN입니다';
    case 'unknown-activity':
      return `알 수 없는 활동 번호 ${p.id} (2번째 열; PAMAP2의 활동 번호는 0–7, 9–13, 16–20, 24)`;
    case 'other':
      return english;
  }
}

export const ERRORS_EN: Widen<typeof ERRORS_KO> = english({
  en: {
    zipProblem: {
      'not-zip': 'not a zip file',
      corrupt: 'the zip file is damaged',
      truncated: 'the zip file is cut short (was the download interrupted?)',
      'too-deep': 'zips nested too deep — pick the archive from UCI (a zip holding PAMAP2_Dataset.zip) or PAMAP2_Dataset.zip',
      'no-protocol': 'no Protocol/subject10N.dat file in the zip — not a PAMAP2 archive',
      'too-large': 'too large to be a PAMAP2 file',
      unsupported: 'unsupported zip compression method (only stored and deflate are read)',
      duplicate: 'the same subject’s Protocol file is in the zip twice',
    },
    formatError: (e: FormatError): string => `${e.file}${e.line === null ? '' : `:${e.line}`}: ${pamap2ProblemEn(e.problem, e.message)}`,
    badDatName: (name: string) =>
      `${name}: the subject number cannot be read from the file name (it must look like subject101.dat … subject109.dat)`,
    duplicateSubject: (subject: number) => `The files of subject ${subject} came in twice`,
    fullProbe: (subjects: readonly number[], kind: string, location: string) => `subjects ${subjects.join(', ')} (${kind}: ${location})`,
    fullUnreadable: (why: string) => `The full data shards cannot be read — ${why}`,
    fullMissing: (url: string) => `This build has no full data shards (${url}: shards made from the excerpt)`,
    fullLabel: (subjects: readonly number[], verified: boolean) =>
      `Full PAMAP2 shards (subjects ${subjects.join(', ')}${verified ? ', SHA-256 verified' : ', partly unverified'})`,
    excerptLabel: 'Bundled excerpt (real PAMAP2 rows: the first 10,000 rows of subject101 + 13 five-second windows from 6 subjects)',
    prefSoftwareWebGpu: (name: string) => `The WebGPU adapter is software (${name}), so training uses WASM (force it with ?backend=webgpu)`,
    prefHardwareGpu:
      'Even with a GPU, WASM trains these small models faster: one training step splits into 1,700–1,900 GPU kernels whose call overhead exceeds the compute (default run on an H200 GPU: WebGPU 26 s, WASM 2 s). Force it with ?backend=webgpu',
    prefSoftwareWebGl: (renderer: string) =>
      `WebGL is a software renderer (${renderer}), so training uses WASM (force it with ?backend=webgl)`,
    runProblem: {
      'no-checkpoints': 'Load the teacher checkpoints first',
      'no-teachers': 'No teachers yet: first train this setting’s teachers with "Run distillation"',
      'no-test-windows': 'Split by window: no test windows (no class has 2 or more windows)',
      'no-windows': 'no 100-step windows of a protocol activity (after §1 cleaning and 33.3 Hz downsampling)',
    },
    configInvalid: (detail: string) => `Invalid setting: ${detail}`,
    errorText: (e: unknown): string => errorText(e, ERRORS_EN),
    epochAxis: 'epoch',
    alphaAxis: 'α (weight of the GAF teacher)',
  },
});

function pamap2ProblemEn(p: Pamap2Problem, english: string): string {
  switch (p.code) {
    case 'long-line':
      return 'a line longer than 64 KB: not a PAMAP2 Protocol file';
    case 'empty':
      return 'empty file: no data rows';
    case 'not-protocol':
      return `not a PAMAP2 Protocol file: found ${p.found} where space-separated numbers should be`;
    case 'truncated-line':
      return `truncated line: ${p.got} of ${p.want} columns and no newline at the end of the file (was the file cut short?)`;
    case 'column-count':
      return `wrong number of columns: expected ${p.want}, found ${p.got}`;
    case 'not-number':
      return `column ${p.column}: ${p.token} is not a number`;
    case 'not-finite':
      return `column ${p.column}: ${p.token} is not finite`;
    case 'nan-timestamp':
      return 'the timestamp (column 1) is NaN';
    case 'unknown-activity':
      return `unknown activity id ${p.id} (column 2; PAMAP2 defines 0–7, 9–13, 16–20, 24)`;
    case 'other':
      return english;
  }
}

/** Any error a KD worker reports, in the language of `t`: problems from demos/** by their codes, others as they are. */
function errorText(e: unknown, t: Widen<typeof ERRORS_KO>): string {
  if (e instanceof KdRunError) return e.detail ? `${e.detail}: ${t.runProblem[e.code]}` : t.runProblem[e.code];
  if (e instanceof FormatError) return t.formatError(e);
  if (e instanceof Pamap2ZipError) {
    const detail = e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message;
    return `${e.path}: ${t.zipProblem[e.problem]} (${detail})`;
  }
  return errorMessage(e);
}
