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
  'backends/embedded': ['backends/graph', 'server', 'engine', 'model'],
  server: ['model', 'rules'],
  cli: null,
};

/** Third-party SDKs and the one layer allowed to import each. */
const sdkOwners = {
  cdktf: 'cdktf',
  '@cdktf/*': 'cdktf',
  '@microsoft/microsoft-graph-client': 'backends/graph',
  '@azure/identity': 'backends/graph',
  hono: 'server',
  'hono/*': 'server',
  '@hono/*': 'server',
  'better-sqlite3': 'server',
  constructs: 'constructs',
};
const folders = Object.keys(layers);

/** @param {string} layer */
function restrictionsFor(layer) {
  const allowed = layers[layer];
  const patterns = [];
  if (allowed) {
    for (const other of folders) {
      if (other === layer || allowed.includes(other)) continue;
      const group = [`**/${other}`, `**/${other}/**`];
      if (layer.startsWith('backends/') && other.startsWith('backends/')) {
        const sibling = other.split('/')[1];
        group.push(`../${sibling}`, `../${sibling}/**`);
      }
      patterns.push({
        group,
        message: `layer '${layer}' may not import '${other}' (design.md, Layers: ${layer} -> ${allowed.join(', ') || 'zod only'}).`,
      });
    }
  }
  for (const [sdk, owner] of Object.entries(sdkOwners)) {
    const mayUse = owner === layer || (sdk === 'constructs' && ['cdktf', 'cli'].includes(layer));
    if (!mayUse) patterns.push({ group: [sdk], message: `only src/${owner} wraps '${sdk}'.` });
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
