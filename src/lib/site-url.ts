/**
 * URLs under the site's base, for every island, component and worker that builds one.
 *
 * Why one helper: Astro's BASE_URL is the base as configured, and the GitHub Pages workflow
 * passes `base_path` from actions/configure-pages WITHOUT a trailing slash (`/<repo>`). Gluing
 * `${base}file` then gives `/<repo>file`, and `new URL('file', 'https://host/<repo>')` resolves
 * against the parent folder (`https://host/file`): both 404 on Pages. Here the base is always
 * treated as a folder, whatever its spelling (`/`, `/repo`, `/repo/`, `/a/b`, or an absolute
 * `https://host/repo` a page hands to its worker).
 */

/** The base as a folder: `base` with exactly one trailing slash ('' counts as the root). */
export function baseDir(base: string = import.meta.env.BASE_URL): string {
  return `${base.replace(/\/+$/, '')}/`;
}

/**
 * `path` (relative to the site root; leading slashes are ignored) under `base`:
 * siteUrl('data/x.json') → '/repo/data/x.json' for base '/repo' or '/repo/'.
 */
export function siteUrl(path: string, base: string = import.meta.env.BASE_URL): string {
  return `${baseDir(base)}${path.replace(/^\/+/, '')}`;
}

/**
 * siteUrl as an absolute URL against `location` (a page's location.href): what a page hands
 * to its worker, whose own location is a script URL under `_astro/`.
 */
export function absoluteSiteUrl(path: string, location: string, base: string = import.meta.env.BASE_URL): string {
  return new URL(siteUrl(path, base), location).href;
}
