/** Resolves once `el` is near the viewport; islands await this before importing tfjs. */
export function whenVisible(el: Element, rootMargin = '200px'): Promise<void> {
  return new Promise((resolve) => {
    if (!('IntersectionObserver' in window)) return resolve();
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          resolve();
        }
      },
      { rootMargin },
    );
    io.observe(el);
  });
}
