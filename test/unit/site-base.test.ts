import { describe, it, expect } from 'vitest';
import { siteAndBase } from '../../scripts/site-base.mjs';

describe('siteAndBase', () => {
  it('defaults to root base and no site', () => {
    expect(siteAndBase({})).toEqual({ site: undefined, base: '/' });
    expect(siteAndBase({ BASE_PATH: '' })).toEqual({ site: undefined, base: '/' });
    expect(siteAndBase({ BASE_PATH: '/' })).toEqual({ site: undefined, base: '/' });
  });
  it('takes the Pages values and makes the base a folder: leading and trailing slash', () => {
    expect(siteAndBase({ SITE_URL: 'https://u.github.io', BASE_PATH: 'repo' })).toEqual({ site: 'https://u.github.io', base: '/repo/' });
    // Exactly as actions/configure-pages passes base_path: no trailing slash.
    expect(siteAndBase({ BASE_PATH: '/repo' }).base).toBe('/repo/');
    expect(siteAndBase({ BASE_PATH: '/repo/' }).base).toBe('/repo/');
    expect(siteAndBase({ BASE_PATH: '/a/b' }).base).toBe('/a/b/');
  });
});
