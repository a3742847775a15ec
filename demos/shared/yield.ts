/**
 * The one yield helper: resolves on the next macrotask, so a page or worker handles input and
 * messages between batches of a long computation (training loops, evaluation).
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((r) => setImmediate(r));
  if (typeof MessageChannel === 'function') {
    // setTimeout(0) in a loop is clamped to 4 ms; a MessageChannel message is not.
    return new Promise((r) => {
      const c = new MessageChannel();
      c.port1.onmessage = () => {
        c.port1.close();
        r();
      };
      c.port2.postMessage(0);
    });
  }
  return new Promise((r) => setTimeout(r, 0));
}
