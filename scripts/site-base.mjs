// Derives Astro's `site` and `base` from the environment.
// SITE_URL (e.g. https://user.github.io) and BASE_PATH (e.g. /repo) are set by the
// Pages workflow from the repository; both are optional for local builds.
/** @param {Record<string, string | undefined>} env */
export function siteAndBase(env) {
  const site = env.SITE_URL || undefined;
  let base = env.BASE_PATH || '/';
  if (!base.startsWith('/')) base = `/${base}`;
  return { site, base };
}
