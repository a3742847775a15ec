/**
 * The one way this project turns a zod error into text: "path: message; path: message".
 * A root-level issue is named "(root)". `prefix` (a file name, "worker message") goes in
 * front of every issue so a reader or a build log can tell where it came from.
 */
import type { z } from 'zod';

export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

export function formatZodError(error: z.ZodError, opts: { prefix?: string; separator?: string } = {}): string {
  const head = opts.prefix ? `${opts.prefix}: ` : '';
  return error.issues.map((i) => `${head}${formatIssuePath(i.path)}: ${i.message}`).join(opts.separator ?? '; ');
}
