/**
 * Every sentence of the own-runs page (OwnRuns.astro) in both languages. Instructions with inline
 * code are lists of segments: a string is prose, { code } is shown as <code>.
 */
import type { Localized } from '@src/i18n/lang';

type Segment = string | { code: string };

export interface OwnStrings {
  minutes: (m: string) => string;
  noRuns: string;
  noShowableRuns: string;
  howTo: string;
  steps: Segment[][];
  unseenOnly: (folds: string) => string;
  unrecorded: (runs: number) => string;
  hiddenLead: string;
  hiddenSweep: (name: string, runs: number, ci: boolean) => string;
  sweepTitle: (name: string) => string;
  ciRuns: string;
  protocol: string;
  preset: [string, (runs: number) => string];
  epochs: (e: string) => string;
  folds: (subjects: string, n: number, trials: number) => string;
  data: string;
  windows: (n: number) => string;
  split: string;
  splitWindow: string;
  splitSubject: string;
  /** [before, in bold, after] */
  unseen: (test: number, unseen: number) => [string, string, string];
  backend: (b: string) => string;
  codeVersion: (v: string, from: string, to: string) => string;
  resultsRegion: (name: string) => string;
  resultsCaption: (name: string) => string;
  groupHeaders: [string, string, string, string];
  incomplete: string;
  eachRun: (n: number) => string;
  runsRegion: (name: string) => string;
  runHeaders: [string, string, string, string, string, string, string, string];
}

export const OWN: Localized<OwnStrings> = {
  ko: {
    minutes: (m) => `${m}분`,
    noRuns: '아직 이 사이트의 스윕 결과가 없습니다.',
    noShowableRuns: '아직 표로 실을 만한 이 사이트의 스윕 결과가 없습니다.',
    howTo: ' 의미 있는 스윕은 전체 PAMAP2 데이터가 있어야 나옵니다. 연구자가 직접 만드는 방법:',
    steps: [
      [
        { code: 'npm run data:pamap2' },
        ' — UCI 원본 압축 파일을 내려받아(또는 ',
        { code: '--source' },
        '로 받아 둔 zip·폴더를 읽어) SHA-256을 확인하고 전처리한 샤드를 ',
        { code: '.work/pamap2/' },
        '에 씁니다.',
      ],
      [
        { code: 'npm run sweep -- --config paper' },
        ' — 그 샤드로 노트의 프로토콜(교사 2종 × α 3개 × 9 폴드 × 3 trial, 200 에폭, 64×64 GAF)을 돌려 ',
        { code: 'content/results/own/paper/' },
        '에 실행마다 아티팩트를 씁니다. 아래 표처럼 CPU로는 너무 오래 걸리므로 여러 머신에 ',
        { code: '--shard 1/8' },
        ' … ',
        { code: '--shard 8/8' },
        '로 나눠 돌리고 ',
        { code: 'npm run sweep:merge -- --out content/results/own --from …' },
        '로 합칩니다. 에폭·폴드를 줄인 설정 파일(',
        { code: '--config 내설정.json' },
        ', ',
        { code: '"data": { "kind": "shards", "dir": ".work/pamap2" }' },
        ')로 먼저 작게 돌려 볼 수도 있습니다.',
      ],
      [
        { code: 'content/results/own/' },
        '를 커밋하면 빌드가 이 페이지에 싣습니다. 모든 폴드의 평가 윈도우에 학습 데이터에 있는 활동이 있을 때만 표가 나옵니다.',
      ],
    ],
    unseenOnly: (folds) =>
      `평가 피험자 ${folds}의 평가 윈도우가 모두 그 폴드의 학습 데이터에 없는 활동입니다. 어떤 모델도 맞힐 수 없어 정확도가 구조적으로 0 %이므로 표로 싣지 않습니다.`,
    unrecorded: (runs) =>
      `실행 ${runs}개가 폴드의 평가 윈도우 수와 학습에 없는 활동의 윈도우 수를 기록하지 않았습니다(아티팩트 schemaVersion 1). 정확도가 의미 있는지 판단할 수 없어 표로 싣지 않습니다.`,
    hiddenLead: '표로 싣지 않은 스윕:',
    hiddenSweep: (name, runs, ci) => `스윕 “${name}” (실행 ${runs}개${ci ? ', CI/e2e 실행' : ''}): `,
    sweepTitle: (name) => `스윕 “${name}” `,
    ciRuns: '(CI/e2e 실행 — 저장소에 커밋되지 않음)',
    protocol: '프로토콜 (참고 결과와 다름):',
    preset: ['프리셋: ', (runs) => `, 실행 ${runs}개`],
    epochs: (e) => `에폭: ${e} (참고 결과는 200)`,
    folds: (subjects, n, trials) => `폴드(평가 피험자): ${subjects} — ${n}개 (참고 결과는 9개), trial ${trials}개`,
    data: '데이터: ',
    windows: (n) => `, 윈도 ${n}개`,
    split: '평가 분할: ',
    splitWindow: '윈도우 단위 층화 분할 (LOSO 아님, 낙관적)',
    splitSubject: '피험자 단위 (LOSO)',
    unseen: (test, unseen) => [
      `평가 윈도우 ${test}개 중 `,
      `${unseen}개`,
      '는 그 폴드의 학습 데이터에 없는 활동(클래스)이라 어떤 모델도 맞힐 수 없습니다.',
    ],
    backend: (b) => `백엔드: ${b}`,
    codeVersion: (v, from, to) => `코드 버전: ${v}, 실행 시각 ${from} ~ ${to}`,
    resultsRegion: (name) => `스윕 ${name} 결과`,
    resultsCaption: (name) => `스윕 “${name}”: 설정별 평균 ± std (mean_se 규칙, 각 실행의 최고 테스트 정확도)`,
    groupHeaders: ['설정', '폴드 × trial', '평균 ± std', '규칙'],
    incomplete: '일부 폴드가 미완료 — 완료된 폴드만 평균',
    eachRun: (n) => `실행 ${n}개 각각 보기`,
    runsRegion: (name) => `스윕 ${name}의 실행 목록`,
    runHeaders: ['실행', 'α', '평가 피험자', 'trial', 'seed', '최고 정확도 (에폭)', '마지막 정확도', '시간'],
  },
  en: {
    minutes: (m) => `${m} min`,
    noRuns: 'This site has no sweep results yet.',
    noShowableRuns: 'This site has no sweep results worth tabling yet.',
    howTo: ' A meaningful sweep needs the full PAMAP2 data. How the researcher makes one:',
    steps: [
      [
        { code: 'npm run data:pamap2' },
        ' — downloads the original UCI archive (or reads a zip or folder fetched earlier, with ',
        { code: '--source' },
        '), checks its SHA-256 and writes the preprocessed shards to ',
        { code: '.work/pamap2/' },
        '.',
      ],
      [
        { code: 'npm run sweep -- --config paper' },
        ' — runs the notes’ protocol on those shards (2 teachers × 3 α × 9 folds × 3 trials, 200 epochs, 64×64 GAF) and writes one artifact per run to ',
        { code: 'content/results/own/paper/' },
        '. As the table below shows, this takes far too long on a CPU, so split it over several machines with ',
        { code: '--shard 1/8' },
        ' … ',
        { code: '--shard 8/8' },
        ' and combine the parts with ',
        { code: 'npm run sweep:merge -- --out content/results/own --from …' },
        '. A settings file with fewer epochs and folds (',
        { code: '--config my-settings.json' },
        ', ',
        { code: '"data": { "kind": "shards", "dir": ".work/pamap2" }' },
        ') gives a small trial run first.',
      ],
      [
        'Commit ',
        { code: 'content/results/own/' },
        ' and the build puts it on this page. A sweep is tabled only when every fold’s test windows include activities seen in training.',
      ],
    ],
    unseenOnly: (folds) =>
      `Every test window of held-out subject(s) ${folds} is an activity absent from that fold’s training data. No model can get them right, so the accuracy is 0 % by construction and the sweep is not tabled.`,
    unrecorded: (runs) =>
      `${runs} runs did not record how many test windows their fold has and how many belong to activities absent from training (artifact schemaVersion 1). Whether their accuracy means anything cannot be told, so the sweep is not tabled.`,
    hiddenLead: 'Sweeps not tabled:',
    hiddenSweep: (name, runs, ci) => `Sweep “${name}” (${runs} runs${ci ? ', CI/e2e runs' : ''}): `,
    sweepTitle: (name) => `Sweep “${name}” `,
    ciRuns: '(CI/e2e runs — not committed to the repository)',
    protocol: 'Protocol (differs from the reference results):',
    preset: ['Preset: ', (runs) => `, ${runs} runs`],
    epochs: (e) => `Epochs: ${e} (the reference results use 200)`,
    folds: (subjects, n, trials) => `Folds (held-out subjects): ${subjects} — ${n} (the reference results use 9), ${trials} trials`,
    data: 'Data: ',
    windows: (n) => `, ${n} windows`,
    split: 'Evaluation split: ',
    splitWindow: 'stratified split by window (not LOSO, optimistic)',
    splitSubject: 'by subject (LOSO)',
    unseen: (test, unseen) => [
      `Of the ${test} test windows, `,
      String(unseen),
      ' are activities (classes) absent from their fold’s training data, which no model can get right.',
    ],
    backend: (b) => `Backend: ${b}`,
    codeVersion: (v, from, to) => `Code version: ${v}, run between ${from} and ${to}`,
    resultsRegion: (name) => `Results of sweep ${name}`,
    resultsCaption: (name) => `Sweep “${name}”: mean ± std per setting (mean_se rule, each run’s best test accuracy)`,
    groupHeaders: ['Setting', 'Folds × trials', 'Mean ± std', 'Rule'],
    incomplete: 'some folds unfinished — mean over the finished folds only',
    eachRun: (n) => `Show each of the ${n} runs`,
    runsRegion: (name) => `Runs of sweep ${name}`,
    runHeaders: ['Run', 'α', 'Held-out subject', 'Trial', 'Seed', 'Best accuracy (epoch)', 'Last accuracy', 'Time'],
  },
};
