// Derives Astro's `site` and `base` from the environment.
// SITE_URL (e.g. https://user.github.io) and BASE_PATH (e.g. /repo) are set by the
// Pages workflow from the repository; both are optional for local builds.
// actions/configure-pages gives base_path WITHOUT a trailing slash ('/repo'); the base is
// normalised to a folder ('/repo/') so that BASE_URL reads the same however it was written.
// Code that builds URLs still goes through src/lib/site-url.ts, correct with either spelling.
/** @param {Record<string, string | undefined>} env */
export function siteAndBase(env) {
  const site = env.SITE_URL || undefined;
  const path = (env.BASE_PATH || '').replace(/^\/+|\/+$/g, '');
  const base = path ? `/${path}/` : '/';
  return { site, base };
}
