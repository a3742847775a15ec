/**
 * The story's controls in the query string (prefix kds-): kds-setting=few|lab, kds-seeds=N, through
 * the site's one URL codec (src/lib/url-codec.ts) over demos/kd/story/config.ts STORY_CONTROLS.
 * Pure. Bad or out-of-range values fall back to the defaults and are named in `problems`;
 * only values that differ from the defaults are written (other parameters are kept).
 */
import { STORY_CONTROLS, type Setting } from '@demos/kd/story/config';
import { urlCodec, type UrlProblem } from '@src/lib/url-codec';

const codec = urlCodec('kds-', STORY_CONTROLS, { omitDefaults: true });

export function readKdsUrl(search: string): { setting: Setting; seeds: number; problems: UrlProblem[] } {
  const { values, problems } = codec.read(search);
  return { ...values, problems };
}

export function writeKdsUrl(search: string, s: { setting: Setting; seeds: number }): string {
  return codec.write(search, s);
}
