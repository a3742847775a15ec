/**
 * The KD story island's state and its one pure update function (no DOM): reader actions and
 * worker messages in, the next state and the requests to send out. Results are kept per
 * setting, so switching back to a setting already run shows it again without recomputing.
 */
import type { z } from 'zod';
import { DEFAULT_CONFIG, STORY_CONTROLS, type Setting, type StoryConfig } from '@demos/kd/story/config';
import { parseControl } from '@demos/shared/controls';
import type { StoryRequest, StoryResponse, StoryResultSchema } from '@demos/kd/story/protocol';
import { KDS_TEXT } from './strings';

export type StoryResult = z.infer<typeof StoryResultSchema>;
export interface KdsState {
  setting: Setting;
  /** What the seeds field holds (may be invalid), and the last valid count. */
  seedsText: string;
  seeds: number;
  inputError: string | null;
  runId: number;
  running: boolean;
  progress: { done: number; total: number } | null;
  results: Partial<Record<Setting, { result: StoryResult; backend: string }>>;
  message: string | null;
}

export type KdsEvent =
  | { type: 'setting'; setting: Setting }
  | { type: 'seeds'; text: string }
  | { type: 'start' }
  | { type: 'cancel' }
  | { type: 'worker'; msg: StoryResponse }
  | { type: 'refused'; message: string };

export function initialKdsState(url: { setting: Setting; seeds: number }): KdsState {
  return {
    setting: url.setting,
    seedsText: String(url.seeds),
    seeds: url.seeds,
    inputError: null,
    runId: 0,
    running: false,
    progress: null,
    results: {},
    message: null,
  };
}

/** The seeds field -> a count, or the Korean reason it cannot be used. */
export function parseSeeds(text: string): number | string {
  const r = parseControl(STORY_CONTROLS.seeds, text.trim());
  return r.ok ? r.value : KDS_TEXT.seedsError(text);
}

function configOf(s: KdsState): StoryConfig {
  return { ...DEFAULT_CONFIG, setting: s.setting, seeds: s.seeds };
}

export function updateKds(s: KdsState, e: KdsEvent, dataBase = '', search = ''): { state: KdsState; send: StoryRequest[] } {
  switch (e.type) {
    case 'setting':
      return { state: { ...s, setting: e.setting }, send: [] };
    case 'seeds': {
      const v = parseSeeds(e.text);
      return {
        state: typeof v === 'number' ? { ...s, seedsText: e.text, seeds: v, inputError: null } : { ...s, seedsText: e.text, inputError: v },
        send: [],
      };
    }
    case 'start': {
      if (s.inputError) return { state: s, send: [] };
      const id = s.runId + 1;
      const send: StoryRequest[] = s.running ? [{ type: 'cancel', id: s.runId }] : [];
      send.push({ type: 'run', id, config: configOf(s), dataBase, search });
      return { state: { ...s, runId: id, running: true, progress: null, message: KDS_TEXT.starting }, send };
    }
    case 'cancel':
      return s.running
        ? { state: { ...s, running: false, progress: null, message: KDS_TEXT.cancelled }, send: [{ type: 'cancel', id: s.runId }] }
        : { state: s, send: [] };
    case 'refused':
      return { state: { ...s, running: false, progress: null, message: KDS_TEXT.failed(e.message) }, send: [] };
    case 'worker': {
      const m = e.msg;
      if (m.type === 'runtime') return { state: s, send: [] };
      if (m.id !== s.runId || !s.running) return { state: s, send: [] }; // an answer to a superseded run
      if (m.type === 'progress')
        return { state: { ...s, progress: { done: m.done, total: m.total }, message: KDS_TEXT.running(m.done, m.total) }, send: [] };
      if (m.type === 'error') return { state: { ...s, running: false, progress: null, message: KDS_TEXT.failed(m.message) }, send: [] };
      const setting = m.result.config.setting;
      return {
        state: {
          ...s,
          running: false,
          progress: null,
          message: null,
          setting,
          results: { ...s.results, [setting]: { result: m.result, backend: m.backend } },
        },
        send: [],
      };
    }
  }
}
