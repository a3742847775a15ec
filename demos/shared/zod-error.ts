/**
 * The one way this project turns a zod error into text, so a reader, a build log or a test sees
 * the same shape everywhere: `[<file>: ]field <path>: <message>` per issue ("cells[12].mean";
 * a root-level issue is "(root)"). `file` names where the value came from; `limit` keeps the
 * first issues only (a message in the page); `separator` joins them ('; ' by default, '\n' for
 * build logs).
 */
import type { z } from 'zod';

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(root)';
}

export function formatZodError(error: z.ZodError, opts: { file?: string; separator?: string; limit?: number } = {}): string {
  const head = opts.file ? `${opts.file}: ` : '';
  const issues = opts.limit === undefined ? error.issues : error.issues.slice(0, opts.limit);
  return issues.map((i) => `${head}field ${formatIssuePath(i.path)}: ${i.message}`).join(opts.separator ?? '; ');
}
