// Dependency rules `npm test` checks (npm run lint:deps). A violation fails with the rule's name;
// each rule's comment says why. See ARCHITECTURE.md ("pure core, thin island").
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'demos-not-to-src',
      comment: 'demos/ is the pure core shared by the page, Node scripts and tests: it never reaches into the site (src/).',
      severity: 'error',
      from: { path: '^demos/' },
      to: { path: '^src/' },
    },
    {
      name: 'node-builtins-only-in-node-code',
      comment:
        'Code that can reach a browser must not import Node built-ins: they belong in node/ folders, scripts/, bench/, test/ and the root config files.',
      severity: 'error',
      from: { pathNot: '(^|/)node/|^scripts/|^bench/|^test/|^[^/]+\\.(mjs|cjs|ts)$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'islands-not-to-node-code',
      comment:
        'An island runs in the browser: it must not import the Node-only parts of the core (demos/**/node/) or of the site (src/node/).',
      severity: 'error',
      from: { path: '^src/islands/' },
      to: { path: '^(demos/.+/node/|src/node/)' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes load order matter and modules impossible to test alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.work|\\.astro|public)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
