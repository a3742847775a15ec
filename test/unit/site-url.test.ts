import { describe, it, expect } from 'vitest';
import { absoluteSiteUrl, baseDir, siteUrl } from '@src/lib/site-url';

// The spellings a base arrives in: local builds ('/'), actions/configure-pages ('/repo', no
// trailing slash), hand-written ('/repo/'), nested project pages, and absolute (page → worker).
describe('site-url', () => {
  it('treats every spelling of the base as a folder', () => {
    for (const [base, dir] of [
      ['/', '/'],
      ['', '/'],
      ['/notes', '/notes/'],
      ['/notes/', '/notes/'],
      ['/a/b', '/a/b/'],
      ['/a/b//', '/a/b/'],
      ['https://u.github.io/notes', 'https://u.github.io/notes/'],
    ] as const) {
      expect(baseDir(base), base).toBe(dir);
    }
  });

  it('puts a root-relative path under the base, with or without its leading slash', () => {
    expect(siteUrl('coi-serviceworker.js', '/notes')).toBe('/notes/coi-serviceworker.js');
    expect(siteUrl('coi-serviceworker.js', '/notes/')).toBe('/notes/coi-serviceworker.js');
    expect(siteUrl('/data/pamap2/manifest.json', '/notes')).toBe('/notes/data/pamap2/manifest.json');
    expect(siteUrl('data/pamap2/manifest.json', '/')).toBe('/data/pamap2/manifest.json');
    expect(siteUrl('x.json', '/a/b')).toBe('/a/b/x.json');
    expect(siteUrl('', '/notes')).toBe('/notes/');
    expect(siteUrl('data/pamap2/manifest.json', 'https://u.github.io/notes')).toBe('https://u.github.io/notes/data/pamap2/manifest.json');
  });

  it('gives a worker an absolute base that resolves under the base, not beside it', () => {
    const page = 'https://u.github.io/notes/research/kd-method/?kd-seed=1';
    const abs = absoluteSiteUrl('', page, '/notes');
    expect(abs).toBe('https://u.github.io/notes/');
    // What the worker does with it: the bug was new URL(file, 'https://…/notes') → 'https://…/file'.
    expect(new URL('data/pamap2/manifest.json', abs).href).toBe('https://u.github.io/notes/data/pamap2/manifest.json');
    expect(absoluteSiteUrl('data/pamap2/', page, '/')).toBe('https://u.github.io/data/pamap2/');
  });

  it('defaults to the build base (vitest: "/")', () => {
    expect(siteUrl('a.json')).toBe(`${baseDir()}a.json`);
  });
});
