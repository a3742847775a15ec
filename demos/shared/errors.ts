/**
 * What a caught value says, whatever was thrown: `catch (e)` gives `unknown`, and a worker,
 * a CLI or a log line needs one line of text (an Error's message, anything else as a string).
 */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** An Error for a cancelled run, named like the DOM's AbortError so callers can tell it from a failure. */
export function abortError(message = 'cancelled'): Error {
  const e = new Error(message);
  e.name = 'AbortError';
  return e;
}
