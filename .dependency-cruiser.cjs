// The layers of Aan Tafel and the one direction of their dependencies (docs/layers.md).
// `npm run lint` checks them (.ci/check-layers.mjs runs dependency-cruiser with this file; on
// Node >= 22 `npx depcruise src server` reads it too). Type-only imports count as well.
//
// To add a folder: give it a line in LAYERS with the layers it may import (its own folder is
// always allowed). A folder that is not listed here fails the check until it is.

/** Each layer: where it lives and which other layers it may import. Lower layers come first. */
const LAYERS = {
  // The tafel document: schema, vocabulary, values, typed reads, analytics. Pure.
  model: { path: '^src/model/', may: [] },
  // The one ownership rulebook, the document as its rule state, the relay's validator. Pure.
  ownership: { path: '^src/ownership/', may: ['model'] },
  // Typed writes: each asks the rulebook first. Pure.
  operations: { path: '^src/operations/', may: ['model', 'ownership'] },
  // The wire protocol and the relay's close codes, shared by client and relay. Pure.
  protocol: { path: '^src/protocol/', may: ['model', 'ownership'] },
  // Import and export of tafel data (files in, files out): above the rulebook, below sync/ui/cli.
  exchange: { path: '^src/exchange/', may: ['model', 'ownership', 'operations'] },
  // The client's persistence, provider, rejection recovery and device data.
  sync: { path: '^src/sync/', may: ['model', 'ownership', 'operations', 'protocol', 'exchange'] },
  // A headless Node client: everything a client has except the UI.
  cli: { path: '^src/cli/', may: ['model', 'ownership', 'operations', 'protocol', 'exchange', 'sync'] },
  // The service worker glue; its texts come from the one strings module.
  pwa: { path: '^src/pwa/', may: ['uiStrings'] },
  // The React app.
  ui: { path: '^src/ui/', may: ['model', 'ownership', 'operations', 'protocol', 'exchange', 'sync', 'pwa'] },
  // The browser entry point: opens the local copy early (sync) and renders the app.
  entry: { path: '^src/main\\.tsx$', may: ['ui', 'pwa', 'sync'] },
  // The relay.
  server: { path: '^server/', may: ['model', 'ownership', 'operations', 'protocol', 'exchange'] },
};

/** Paths that are not a layer of their own but may be named in `may`. */
const EXTRA = {
  uiStrings: '^src/ui/strings\\.ts$',
};

/** Packages that do I/O or render: never in the pure layers. */
const IMPURE_PACKAGES = '^node_modules/(react|react-dom|react-router-dom|dexie|y-indexeddb|y-websocket|ws|better-sqlite3|pg|sirv)/';
const PURE = ['model', 'ownership', 'operations', 'protocol'];

const pathOf = (name) => LAYERS[name]?.path ?? EXTRA[name];

const directionRules = Object.entries(LAYERS).map(([name, layer]) => ({
  name: `layer-${name}`,
  comment: `${name} may import only: ${[name, ...layer.may].join(', ')} (see docs/layers.md)`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: '^(src|server)/', pathNot: [layer.path, ...layer.may.map(pathOf)] },
}));

module.exports = {
  forbidden: [
    ...directionRules,
    {
      name: 'no-circular',
      comment: 'No import cycles, not even through type-only imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-layers',
      comment: `${PURE.join(', ')} are pure: no React, no storage, no network, no Node built-ins.`,
      severity: 'error',
      from: { path: PURE.map(pathOf) },
      to: { path: IMPURE_PACKAGES },
    },
    {
      name: 'pure-layers-no-node',
      comment: `${PURE.join(', ')} run in the browser and the relay alike: no Node built-ins.`,
      severity: 'error',
      from: { path: PURE.map(pathOf) },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'unlisted-folder',
      comment: 'Every folder of src/ belongs to a layer in .dependency-cruiser.cjs; add new ones there.',
      severity: 'error',
      from: { path: '^src/', pathNot: Object.values(LAYERS).map((l) => l.path) },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve hides a dependency from these rules.',
      severity: 'error',
      from: { path: '^(src|server)/' },
      // Relative imports only: packages (and Vite's virtual: modules) are checked by tsc.
      to: { couldNotResolve: true, path: '^[.]' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.css$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
