// @ts-check
const tseslint = require('typescript-eslint');

/** Folders of src/ and the folders each may import from (design.md, "Layers"). */
const layers = {
  model: [],
  rules: ['model'],
  constructs: ['model'],
  cdktf: ['constructs', 'model'],
  engine: ['model', 'rules'],
  'backends/graph': ['engine', 'model'],
  'backends/embedded': ['backends/graph', 'server'],
  server: ['model', 'rules'],
  cli: null,
};

/** Third-party SDKs (as import-path regexes) and the layers allowed to import each. */
const sdkOwners = [
  { sdk: 'cdktf', regex: '^(cdktf|@cdktf/.+)$', owners: ['cdktf'] },
  { sdk: '@microsoft/microsoft-graph-client', regex: '^@microsoft/microsoft-graph-client(/.*)?$', owners: ['backends/graph'] },
  { sdk: '@azure/identity', regex: '^@azure/identity(/.*)?$', owners: ['backends/graph'] },
  { sdk: 'undici', regex: '^undici(/.*)?$', owners: ['backends/graph'] },
  { sdk: '@octokit/core', regex: '^@octokit/.+$', owners: ['cli'] },
  { sdk: 'hono', regex: '^(hono|hono/.+|@hono/.+)$', owners: ['server'] },
  { sdk: 'better-sqlite3', regex: '^better-sqlite3$', owners: ['server'] },
  { sdk: 'constructs', regex: '^constructs$', owners: ['constructs', 'cdktf', 'cli'] },
];
const folders = Object.keys(layers);

/** @param {string} layer */
function restrictionsFor(layer) {
  const allowed = layers[layer];
  const patterns = [];
  if (allowed) {
    for (const other of folders) {
      if (other === layer || allowed.includes(other)) continue;
      const escaped = other.replace('/', '\\/');
      let regex = `^\\.\\.?\\/(.*\\/)?${escaped}(\\/|$)`;
      if (layer.startsWith('backends/') && other.startsWith('backends/')) regex = `(${regex})|(^\\.\\.\\/${other.split('/')[1]}(\\/|$))`;
      patterns.push({
        regex,
        message: `layer '${layer}' may not import '${other}' (design.md, Layers: ${layer} -> ${allowed.join(', ') || 'zod only'}).`,
      });
    }
  }
  for (const { sdk, regex, owners } of sdkOwners) {
    if (!owners.includes(layer)) patterns.push({ regex, message: `only src/${owners[0]} wraps '${sdk}'.` });
  }
  return patterns;
}

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', '**/cdktf.out/', 'coverage/', '.enrollkit/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  ...folders.map((layer) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: restrictionsFor(layer) }] },
  })),
);
