// Boundaries between the parts of src/, checked by `npm run lint`.
// A module is a folder under src/modules/; others reach it only through its
// index.ts, modules never import each other in a loop, and the thin shared
// layers (shared/, db/, config/) import no module.
/* global module */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-module-cycles',
      severity: 'error',
      comment:
        'Two modules that import each other (directly or round a loop) are one module in two folders: ' +
        'give the shared piece an owner both can import.',
      // Folder scope: a module's folder stands for every file under it, so a loop
      // is found even when no single file imports itself back.
      scope: 'folder',
      from: { path: '^src/modules/[^/]+$' },
      to: { circular: true },
    },
    {
      name: 'no-module-internals',
      severity: 'error',
      comment: "Another module's files are its own business: import what it offers from its index.ts.",
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/.', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'no-module-internals-from-outside',
      severity: 'error',
      comment: 'Outside src/modules/, a module is reached through its index.ts alone.',
      from: { path: '^src/', pathNot: '^src/modules/' },
      to: { path: '^src/modules/[^/]+/.', pathNot: '^src/modules/[^/]+/index\\.tsx?$' },
    },
    {
      name: 'shared-imports-no-module',
      severity: 'error',
      comment: 'shared/, db/ and config/ sit under every module; importing one would make a loop through them.',
      from: { path: '^src/(shared|db|config)/' },
      to: { path: '^src/modules/' },
    },
  ],
  options: {
    includeOnly: '^src/',
    // Tests beside the files may reach across modules to set a scene; the rules are about the product.
    exclude: { path: '\\.test\\.tsx?$' },
    // Type-only imports tie modules as much as value imports do.
    tsPreCompilationDeps: true,
    // Sources import each other as './x.js' (NodeNext); the file on disk is x.ts or x.tsx.
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
