/**
 * The story's controls in the query string (prefix kds-): kds-setting=few|lab, kds-seeds=N.
 * Pure. Bad or out-of-range values fall back to the defaults and are named in `problems`.
 */
import { DEFAULT_CONFIG, SETTINGS, type Setting } from '@demos/kd/story/config';
import { parseSeeds } from './state';

export function readKdsUrl(search: string): { setting: Setting; seeds: number; problems: string[] } {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  let setting = DEFAULT_CONFIG.setting;
  let seeds = DEFAULT_CONFIG.seeds;
  const st = q.get('kds-setting');
  if (st !== null) {
    if ((SETTINGS as readonly string[]).includes(st)) setting = st as Setting;
    else problems.push(`kds-setting=${st}`);
  }
  const sd = q.get('kds-seeds');
  if (sd !== null) {
    const v = parseSeeds(sd);
    if (typeof v === 'number') seeds = v;
    else problems.push(`kds-seeds=${sd}`);
  }
  return { setting, seeds, problems };
}

/** Writes only valid, non-default values; other parameters are kept. */
export function writeKdsUrl(search: string, s: { setting: Setting; seeds: number }): string {
  const q = new URLSearchParams(search);
  q.delete('kds-setting');
  q.delete('kds-seeds');
  if (s.setting !== DEFAULT_CONFIG.setting) q.set('kds-setting', s.setting);
  if (s.seeds !== DEFAULT_CONFIG.seeds) q.set('kds-seeds', String(s.seeds));
  const out = q.toString();
  return out ? `?${out}` : '';
}
