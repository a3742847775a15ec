/**
 * The KD-run island (main thread): wiring and drawing only. Owns one Web Worker
 * (kd-worker.ts) that loads data, picks the tfjs backend and trains; this module turns the
 * controls into a RunConfig, sends zod-checked messages, and draws what comes back.
 * Nothing heavy runs here, so the page stays responsive while the worker trains.
 *
 * Lifecycle: mountKdRun(el) once per element (after whenVisible); the worker lives as long
 * as the page. State: the current data summary, per-phase curves and results.
 */
import { z } from 'zod';
import { DEFAULT_CONFIG, PHASES, parseConfig, type Phase, type RunConfig, type SplitKind } from '../../../demos/kd/run/config';
import { defaultSplitFor, windowSplitCounts } from '../../../demos/kd/run/split';
import { PHASE_LABELS } from '../../../demos/kd/run/labels';
import { ACTIVITIES } from '../../../demos/kd/run/activities';
import { parseFromWorker, type DataSummary, type FromWorker, type PhaseResult, type ToWorker } from '../../../demos/kd/run/protocol';
import { renderRuntimeBadge } from '../runtime-badge';
import { frameCurves, updateCurves, type CurveData } from './draw-curves';
import { drawConfusion } from './draw-confusion';
import { drawGaf, drawSignal } from './draw-gaf';
import { clearRow, exportRun, fillRow, markRow } from './results-view';
import { ensureSplitControl, readControls, summaryText, syncFoldControl } from './controls';

// zod 4 compiles an object schema's parser on its first use (70 ms for the message union in
// Node, 160 ms measured on this page under load): a long task in the middle of training.
// Interpreted parsing costs ~0.1 ms per message here, so turn the compiler off.
z.config({ jitless: true });

export function mountKdRun(root: HTMLElement): void {
  const q = <T extends Element>(role: string): T => {
    const el = root.querySelector<T>(`[data-role="${role}"]`);
    if (!el) throw new Error(`kd-run: missing [data-role=${role}]`);
    return el;
  };
  const status = root.querySelector<HTMLElement>('[data-testid="kd-status"]')!;
  const badge = root.querySelector<HTMLElement>('[data-testid="kd-badge"]')!;
  const summaryEl = root.querySelector<HTMLElement>('[data-testid="kd-data-summary"]')!;
  const dataError = root.querySelector<HTMLElement>('[data-testid="kd-data-error"]')!;
  const table = root.querySelector<HTMLTableElement>('[data-testid="kd-table"]')!;
  const startBtn = q<HTMLButtonElement>('start'), cancelBtn = q<HTMLButtonElement>('cancel');
  const fileInput = q<HTMLInputElement>('file'), progress = q<HTMLProgressElement>('progress');
  const cmSvg = q<SVGSVGElement>('cm'), cmPhase = q<HTMLSelectElement>('cm-phase');
  const foldSel = q<HTMLSelectElement>('fold');
  const splitSel = ensureSplitControl(root);
  const split = (): SplitKind => (splitSel.value === 'window' ? 'window' : 'loso');
  const base = root.dataset['base'] ?? '/';

  let data: DataSummary | null = null;
  let running = false;
  let backend = '?';
  let lastConfig: RunConfig = DEFAULT_CONFIG;
  /** The current split's test windows of classes absent from training (fold-info), for the exported artifact. */
  let unseenTest = 0;
  const results = new Map<Phase, PhaseResult>();
  const curves = new Map<Phase, CurveData>();
  let drawPending = false;

  const worker = new Worker(new URL('./kd-worker.ts', import.meta.url), { type: 'module' });
  const send = (m: ToWorker, transfer: Transferable[] = []): void => worker.postMessage(m, transfer);
  const setStatus = (t: string): void => { status.textContent = t; };
  /** Why the chosen split cannot run on the loaded data, or null. */
  const splitProblem = (): string | null => {
    if (!data) return null;
    if (split() === 'window') {
      return windowSplitCounts(data.classCounts).test > 0 ? null : '창이 2개 이상인 클래스가 없어 창 단위 분할을 할 수 없습니다.';
    }
    const usable = data.subjects.filter((x) => x.windows > 0).length;
    return usable < 2 ? `창이 있는 피험자가 ${usable}명뿐이라 피험자 단위 평가(LOSO)를 할 수 없습니다. "창 단위 층화 분할"을 고르거나 다른 피험자 파일을 함께 올리세요.` : null;
  };
  const showSummary = (): void => {
    if (!data) return;
    summaryEl.textContent = summaryText(data, { split: split(), testSubject: Number(foldSel.value) || DEFAULT_CONFIG.testSubject });
    const cap = table.querySelector('caption');
    if (cap) cap.textContent = split() === 'window'
      ? '평가 창(창 단위 층화 분할, LOSO 아님)에 대한 정확도 (%) — 최고 에폭 / 마지막 에폭'
      : '평가 피험자(LOSO)에 대한 정확도 (%) — 최고 에폭 / 마지막 에폭';
    const legend = root.querySelector('.kd-legend')?.lastChild;
    if (legend?.nodeType === Node.TEXT_NODE) legend.textContent = ` ${split() === 'window' ? '평가 창(창 단위 분할)' : '평가 피험자'} 정확도 (에폭마다, 오른쪽 축)`;
  };
  const onSplitChange = (): void => {
    syncFoldControl(root, split());
    showSummary();
    if (!running) {
      startBtn.disabled = data === null || splitProblem() !== null;
      const why = splitProblem();
      if (why) setStatus(why);
    }
  };
  const setRunning = (r: boolean): void => {
    running = r;
    root.dataset['state'] = r ? 'running' : 'idle';
    startBtn.disabled = r || data === null || splitProblem() !== null;
    cancelBtn.disabled = !r;
  };

  // Coalesced redraw: at most one every 250 ms, so a burst of worker messages costs the main
  // thread one small SVG update instead of one per message.
  let lastDraw = 0;
  const redraw = (): void => {
    if (drawPending) return;
    drawPending = true;
    const wait = Math.max(0, 250 - (performance.now() - lastDraw));
    setTimeout(() => requestAnimationFrame(() => {
      drawPending = false;
      lastDraw = performance.now();
      for (const p of PHASES) {
        const d = curves.get(p);
        if (d) updateCurves(curveSvg(p), d);
      }
    }), wait);
  };
  const curveSvg = (p: Phase): SVGSVGElement => root.querySelector<SVGSVGElement>(`svg.kd-curve[data-phase="${p}"]`)!;
  const newCurve = (p: Phase, d: CurveData): void => { curves.set(p, d); frameCurves(curveSvg(p), PHASE_LABELS[p], d.epochs); };
  const showConfusion = (): void => {
    const p = cmPhase.value as Phase;
    const r = results.get(p);
    const where = lastConfig.split === 'window' ? '창 단위 층화 분할의 평가 창 (LOSO 아님)' : `평가 피험자 ${lastConfig.testSubject}`;
    const caption = `${PHASE_LABELS[p]} — ${where}, 마지막 에폭 (행: 정답, 열: 예측)`;
    q<HTMLElement>('cm-caption').textContent = r ? caption : '';
    if (r) drawConfusion(cmSvg, r.confusion, caption);
    else cmSvg.replaceChildren();
  };

  const onMessage = (m: FromWorker): void => {
    switch (m.type) {
      case 'runtime':
        backend = m.info.backend;
        renderRuntimeBadge(badge, m.info);
        root.dataset.wasmKernels = m.wasmKernels === null ? 'n/a' : m.wasmKernels ? 'on' : 'off';
        root.querySelector('[data-role="backend-note"]')!.textContent = [m.note,
          m.wasmKernels === true ? 'WASM SIMD 커널로 학습합니다' : m.wasmKernels === false ? 'WASM SIMD 커널을 쓸 수 없어 JS 루프로 학습합니다(더 느림)' : null,
        ].filter(Boolean).join(' · ');
        if (m.deviceLost) setStatus(`WebGPU 장치를 잃어 ${m.info.backend} 백엔드로 전환했습니다. 진행 중인 단계는 다시 시작합니다.`);
        break;
      case 'data-progress':
        progress.hidden = false;
        progress.value = m.total > 0 ? m.done / m.total : 0;
        setStatus(`${m.file} 읽는 중… ${(m.done / 1e6).toFixed(1)} / ${(m.total / 1e6).toFixed(1)} MB`);
        break;
      case 'data-ready':
        progress.hidden = true;
        dataError.hidden = true;
        data = m.summary;
        // Results of other data no longer apply.
        results.clear(); curves.clear(); cmSvg.replaceChildren();
        q<HTMLElement>('fold-note').textContent = '';
        for (const p of PHASES) { clearRow(table, p); root.querySelector(`svg.kd-curve[data-phase="${p}"]`)?.querySelectorAll(':not(.kd-curve-title)').forEach((n) => n.remove()); }
        fillFolds(m.summary);
        {
          // The window split where LOSO is degenerate (the excerpt: one subject per activity) or
          // impossible (a single subject's file); LOSO, the protocol, everywhere else.
          const usable = m.summary.subjects.filter((x) => x.windows > 0).length;
          splitSel.value = usable < 2 ? 'window' : defaultSplitFor(m.summary.source);
        }
        syncFoldControl(root, split());
        showSummary();
        if (m.preview) {
          drawSignal(q<HTMLCanvasElement>('signal'), m.preview);
          drawGaf(q<HTMLCanvasElement>('gaf'), m.preview);
          q<HTMLElement>('signal-cap').textContent = `실제 창 하나: 피험자 ${m.preview.subject}, ${ACTIVITIES[m.preview.label]?.ko ?? m.preview.label}, 채널 ${m.preview.channel} (${m.preview.signal.length} 스텝, 33.3 Hz)`;
          q<HTMLElement>('gaf-cap').textContent = `같은 창·채널의 GASF ${m.preview.size}×${m.preview.size} (파랑 −1 … 빨강 +1)`;
        }
        setRunning(false);
        {
          const why = splitProblem();
          setStatus(why ? `데이터를 읽었지만 ${why}` : '데이터 준비 완료. "증류 실행"을 누르세요.');
        }
        break;
      case 'data-error':
        progress.hidden = true;
        dataError.hidden = false;
        dataError.textContent = m.message;
        setStatus(data ? `파일을 읽지 못했습니다. 이전 데이터(${data.label})를 그대로 씁니다.` : '파일을 읽지 못했습니다.');
        // The radios show the data in use again, so choosing the failed source retries it.
        if (data) {
          const inUse = root.querySelector<HTMLInputElement>(`input[name="kd-data"][value="${data.source}"]`);
          if (inUse) { inUse.checked = true; fileInput.hidden = data.source !== 'upload'; }
        }
        setRunning(false);
        break;
      case 'checkpoints-ready':
        setStatus(`체크포인트 교사를 불러왔습니다: ${m.names.join(', ')}`);
        break;
      case 'phase-start':
        newCurve(m.phase, { losses: [], acc: [], epochs: lastConfig.epochs });
        results.delete(m.phase);
        clearRow(table, m.phase);
        markRow(table, m.phase, 'running');
        setStatus(`${PHASE_LABELS[m.phase]}: 학습 창 ${m.trainWindows}개, 평가 창 ${m.testWindows}개`);
        redraw();
        break;
      case 'step': {
        const c = curves.get(m.phase);
        if (c) c.losses.push({ x: m.epoch - 1 + m.step / m.steps, loss: m.loss });
        redraw();
        break;
      }
      case 'epoch': {
        const c = curves.get(m.phase);
        if (c) c.acc.push({ epoch: m.epoch, testAcc: m.testAcc });
        setStatus(`${PHASE_LABELS[m.phase]}: 에폭 ${m.epoch}/${lastConfig.epochs} — 손실 ${m.trainLoss.toFixed(3)}, 평가 정확도 ${m.testAcc.toFixed(1)}%`);
        redraw();
        break;
      }
      case 'phase-done':
        results.set(m.result.phase, m.result);
        if (!curves.has(m.result.phase) || m.result.origin !== 'trained') {
          newCurve(m.result.phase, { losses: m.result.curve.map((p) => ({ x: p.epoch, loss: p.trainLoss })), acc: m.result.curve, epochs: Math.max(1, m.result.curve.length) });
        }
        fillRow(table, m.result, (r) => void exportRun(r, lastConfig, data!, backend, unseenTest).then((err) => { if (err) setStatus(`내보내기 실패: ${err}`); }));
        // The 144-cell matrix is drawn when the run stops (or on request), not mid-run: rebuilding
        // it is the one DOM-heavy update, and the main thread must stay free while training.
        cmPhase.value = m.result.phase;
        redraw();
        break;
      case 'run-done':
        showConfusion();
        root.dataset['done'] = 'true';
        setStatus(`완료: 교사 2개와 학생 2개 — ${m.results.map((r) => `${PHASE_LABELS[r.phase].split(' ·')[0]} ${r.bestAcc.toFixed(1)}%`).join(', ')}`);
        setRunning(false);
        break;
      case 'cancelled':
        setStatus(`취소했습니다${m.phase ? ` (${PHASE_LABELS[m.phase]} 도중)` : ''}. 다시 실행하면 끝난 단계부터 이어 갑니다.`);
        if (m.phase) markRow(table, m.phase, 'idle');
        if (results.has(cmPhase.value as Phase)) showConfusion();
        setRunning(false);
        break;
      case 'memory': {
        const out = q<HTMLOutputElement>('tensors');
        const leaked = m.numTensors - m.baseline - m.held;
        out.value = `${m.numTensors} (모델 ${m.held} + 기준 ${m.baseline}, 누수 ${leaked})`;
        Object.assign(out.dataset, { numTensors: String(m.numTensors), held: String(m.held), baseline: String(m.baseline), leaked: String(leaked), when: m.when });
        break;
      }
      case 'fold-info': {
        unseenTest = m.unseenTest;
        const which = m.split === 'window' ? '이번 분할(창 단위 층화, LOSO 아님)' : `이번 fold(평가 피험자 ${m.testSubject ?? '?'})`;
        const capNote = m.capped
          ? ` 전체 ${m.capped.from.toLocaleString('ko-KR')}개 창은 브라우저 한 번의 실행에 너무 많아(메모리·시간), GAF 크기에 따른 상한 ${m.capped.cap}개 안에서 클래스 비율을 유지해 시드 ${m.capped.seed}로 ${m.capped.used}개를 뽑아 씁니다.`
          : '';
        q<HTMLElement>('fold-note').textContent = (m.unseenTest > 0
          ? `${which}: 학습 창 ${m.train}개, 평가 창 ${m.test}개 — 그중 ${m.unseenTest}개는 학습 데이터에 한 번도 없는 클래스라서, 맞히더라도 우연입니다 (발췌본에서는 활동마다 피험자가 한 명뿐이기 때문).`
          : `${which}: 학습 창 ${m.train}개, 평가 창 ${m.test}개.`) + capNote;
        q<HTMLElement>('fold-note').dataset['capped'] = m.capped ? String(m.capped.used) : '';
        break;
      }
      case 'full-data': {
        const radio = q<HTMLInputElement>('full-radio');
        radio.disabled = false;
        q<HTMLElement>('full-note').textContent = `(${m.description})`;
        break;
      }
      case 'notice':
        setStatus(m.message);
        break;
      case 'error':
        setStatus(`오류: ${m.message}`);
        root.dataset['error'] = m.message;
        setRunning(false);
        break;
    }
  };

  const fillFolds = (s: DataSummary): void => {
    const prev = Number(foldSel.value);
    const options = s.subjects.filter((x) => x.windows > 0);
    foldSel.replaceChildren(...options.map((x) => new Option(`${x.id} (창 ${x.windows}개)`, String(x.id), false, x.id === prev)));
    if (!options.some((x) => x.id === prev) && options[0]) foldSel.value = String(options[0].id);
  };

  worker.addEventListener('message', (e: MessageEvent<unknown>) => onMessage(parseFromWorker(e.data)));
  worker.addEventListener('error', (e) => onMessage({ type: 'error', message: `worker: ${e.message || 'failed to start'}` }));

  startBtn.addEventListener('click', () => {
    const parsed = parseConfig(readControls(root));
    if (!parsed.ok) { setStatus(parsed.message); return; }
    lastConfig = parsed.config;
    delete root.dataset['done'];
    delete root.dataset['error'];
    showSummary();
    setRunning(true);
    setStatus('실행 시작…');
    send({ type: 'start', config: parsed.config });
  });
  cancelBtn.addEventListener('click', () => { if (running) send({ type: 'cancel' }); });
  q<HTMLButtonElement>('clear').addEventListener('click', () => { send({ type: 'clear-cache' }); });
  cmPhase.addEventListener('change', showConfusion);
  foldSel.addEventListener('change', showSummary);
  splitSel.addEventListener('change', onSplitChange);

  root.querySelectorAll<HTMLInputElement>('input[name="kd-data"]').forEach((r) => r.addEventListener('change', () => {
    fileInput.hidden = r.value !== 'upload';
    if (!r.checked) return;
    if (r.value === 'upload') fileInput.click();
    else { setRunning(false); startBtn.disabled = true; send({ type: 'load-bundled', which: r.value === 'full' ? 'full' : 'excerpt' }); }
  }));
  fileInput.addEventListener('change', () => {
    const files = [...(fileInput.files ?? [])];
    if (files.length === 0) return;
    const up = root.querySelector<HTMLInputElement>('input[name="kd-data"][value="upload"]');
    if (up) up.checked = true;
    setStatus(`${files.map((f) => f.name).join(', ')} 읽는 중…`);
    send({ type: 'load-files', files });
  });

  const teachersSel = q<HTMLSelectElement>('teachers');
  const ckptBox = q<HTMLElement>('ckpt-box');
  teachersSel.addEventListener('change', () => { ckptBox.hidden = teachersSel.value !== 'checkpoint'; });
  const ckptInputs = [q<HTMLInputElement>('ckpt-gaf'), q<HTMLInputElement>('ckpt-signal')] as const;
  const onCkpt = async (): Promise<void> => {
    const [g, s] = ckptInputs.map((i) => i.files?.[0]);
    if (!g || !s) return;
    const [gb, sb] = await Promise.all([g.arrayBuffer(), s.arrayBuffer()]);
    send({ type: 'load-checkpoints', gaf: gb, signal: sb, names: [g.name, s.name] }, [gb, sb]);
  };
  ckptInputs.forEach((i) => i.addEventListener('change', () => void onCkpt()));

  // Test hook: e2e dispatches `kd-debug-lose-device` on the element to simulate a GPU reset.
  root.addEventListener('kd-debug-lose-device', () => send({ type: 'debug-lose-device' }));

  setStatus('백엔드와 데이터 준비 중…');
  send({ type: 'init', search: location.search, baseUrl: new URL(base, location.href).href });
  send({ type: 'load-bundled', which: 'excerpt' });
  root.dataset['hydrated'] = 'true';
}
