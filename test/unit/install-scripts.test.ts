/**
 * npm (11.16+) lists every dependency whose install scripts package.json's `allowScripts` does not
 * cover, and a later npm runs only the approved ones. Every package the lockfile marks
 * `hasInstallScript` must therefore be decided here (approved or denied), so a fresh `npm ci` says
 * nothing and keeps working once npm enforces it. `node` must stay approved: its preinstall
 * installs the Node 22 binary that npm scripts run on (package.json engines).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const PackageJson = z.object({ allowScripts: z.record(z.string(), z.boolean()) });
const Lock = z.object({ packages: z.record(z.string(), z.object({ hasInstallScript: z.boolean().optional() }).loose()) });

/** Names (without a pinned version) of the packages the lockfile says run install scripts. */
function withInstallScripts(lock: z.infer<typeof Lock>): string[] {
  const names = Object.entries(lock.packages)
    .filter(([path, p]) => path !== '' && p.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  return [...new Set(names)].sort();
}

/** Those not covered by allowScripts (keys may be pinned: "pkg@1.2.3"). */
function uncovered(allow: Record<string, boolean>, names: string[]): string[] {
  const keys = new Set(Object.keys(allow).map((k) => k.replace(/(.)@[^@]*$/, '$1')));
  return names.filter((n) => !keys.has(n));
}

describe('install scripts', () => {
  const pkg = PackageJson.parse(JSON.parse(readFileSync('package.json', 'utf8')));
  const lock = Lock.parse(JSON.parse(readFileSync('package-lock.json', 'utf8')));

  it('every dependency with an install script is approved or denied in package.json allowScripts', () => {
    const names = withInstallScripts(lock);
    expect(names).toContain('node');
    expect(uncovered(pkg.allowScripts, names)).toEqual([]);
  });

  it('the node package (Node 22 for npm scripts) is approved', () => {
    expect(pkg.allowScripts['node']).toBe(true);
  });

  it('a new package with an install script is reported', () => {
    expect(uncovered({ node: true, 'esbuild@0.28.2': true }, ['esbuild', 'node', 'sharp'])).toEqual(['sharp']);
  });
});
