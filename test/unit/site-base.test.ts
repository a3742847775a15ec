import { describe, it, expect } from 'vitest';
import { siteAndBase } from '../../scripts/site-base.mjs';

describe('siteAndBase', () => {
  it('defaults to root base and no site', () => {
    expect(siteAndBase({})).toEqual({ site: undefined, base: '/' });
  });
  it('takes the Pages values and adds a leading slash', () => {
    expect(siteAndBase({ SITE_URL: 'https://u.github.io', BASE_PATH: 'repo' })).toEqual({ site: 'https://u.github.io', base: '/repo' });
  });
});
