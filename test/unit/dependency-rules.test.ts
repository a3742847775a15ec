/**
 * The dependency rules (.dependency-cruiser.cjs) catch what they are meant to: each rule is
 * broken once in a throw-away tree and `depcruise` must fail naming it. The real tree is
 * checked by `npm run lint:deps` in `npm test`.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** An import line of a fixture file (built, so that no tool rewriting imports mistakes it for this file's own). */
const imp = (names: string, from: string): string => `import { ${names} } ${'from'} '${from}';\n`;
const DEPCRUISE = join(ROOT, 'node_modules/.bin/depcruise');

function cruise(files: Record<string, string>): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'deps-'));
  try {
    copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
    writeFileSync(join(dir, 'tsconfig.json'), '{ "compilerOptions": { "module": "esnext", "moduleResolution": "bundler" } }');
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const r = spawnSync(DEPCRUISE, ['demos', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
      cwd: dir,
      encoding: 'utf8',
    });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('dependency rules', () => {
  it('a clean tree passes', () => {
    const r = cruise({ 'demos/a.ts': 'export const a = 1;\n', 'src/islands/b.ts': `${imp('a', '../../demos/a')}export const b = a;\n` });
    expect(r.out).toContain('no dependency violations');
    expect(r.status).toBe(0);
  });

  it.each([
    ['demos-not-to-src', { 'demos/a.ts': "import { b } from '../src/b';\nexport const a = b;\n", 'src/b.ts': 'export const b = 1;\n' }],
    [
      'node-builtins-only-in-node-code',
      { 'src/islands/c.ts': "import { readFileSync } from 'node:fs';\nexport const c = readFileSync;\n", 'demos/ok.ts': 'export {};\n' },
    ],
    [
      'islands-not-to-node-code',
      { 'demos/x/node/y.ts': 'export const y = 1;\n', 'src/islands/d.ts': `${imp('y', '../../demos/x/node/y')}export const d = y;\n` },
    ],
    [
      'no-circular',
      {
        'demos/e.ts': "import { f } from './f';\nexport const e = () => f;\n",
        'demos/f.ts': "import { e } from './e';\nexport const f = () => e;\n",
        'src/ok.ts': 'export {};\n',
      },
    ],
  ])('%s: a deliberate violation fails with the rule name', (rule, files) => {
    const r = cruise(files);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain(`error ${rule}:`);
  });
});
