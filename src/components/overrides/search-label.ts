/**
 * Starlight's search button names itself with aria-label ("검색") while it shows "검색" plus a
 * "Ctrl K" hint: visible text that is not in the accessible name (WCAG 2.5.3, label in name).
 * This rewrites the rendered button so that its name comes from its content: a screen-reader copy
 * of the label (the visible one is display:none on phones and aria-hidden), and the hint hidden
 * from assistive tech (aria-keyshortcuts already announces the shortcut). It throws when
 * Starlight's markup no longer has the expected shape, so an upgrade cannot silently undo it.
 */
const OPEN_BUTTON = /<button data-open-modal([^>]*?) aria-label="([^"]*)"([^>]*)>/;
const VISIBLE_LABEL = '<span class="sl-hidden md:sl-block';
const SHORTCUT_HINT = '<kbd class="sl-hidden md:sl-flex';

export function nameSearchButtonFromContent(html: string): string {
  const open = OPEN_BUTTON.exec(html);
  if (!open) throw new Error('Search override: Starlight\'s Search has no <button data-open-modal … aria-label="…">');
  const start = open.index;
  const end = html.indexOf('</button>', start);
  let button = html.slice(start, end);
  if (end < 0 || !button.includes(VISIBLE_LABEL) || !button.includes(SHORTCUT_HINT)) {
    throw new Error('Search override: the search button has no visible label <span> or shortcut <kbd>');
  }
  button = button
    .replace(open[0], `<button data-open-modal${open[1] ?? ''}${open[3] ?? ''}>`)
    .replace(VISIBLE_LABEL, `<span class="sr-only">${open[2] ?? ''}</span>${VISIBLE_LABEL}`)
    .replace(SHORTCUT_HINT, `<kbd aria-hidden="true" class="sl-hidden md:sl-flex`);
  return html.slice(0, start) + button + html.slice(end);
}
