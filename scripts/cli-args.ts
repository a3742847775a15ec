/**
 * The command-line options of the project's scripts and benches, read one way: `--name value`
 * (the value may not start with "--") and bare `--flag`s. An option given without its value is
 * an error naming it, not a silent default.
 */
export function option(name: string, argv: readonly string[] = process.argv): string | undefined {
  const flag = name.startsWith('--') ? name : `--${name}`;
  const i = argv.indexOf(flag);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
  return v;
}

export function hasFlag(name: string, argv: readonly string[] = process.argv): boolean {
  return argv.includes(name.startsWith('--') ? name : `--${name}`);
}
