import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NO_VSCODE = { name: 'vscode', message: 'src/core, src/shared and src/webview never import vscode.' };

/**
 * The layers of src/core, lowest first: a folder (or a root module) may import its own layer and those below,
 * never one above, so the stages cannot form a cycle and only pipeline/ joins them (DESIGN §1).
 */
const CORE_LAYERS = [
  ['model', 'ids', 'text'],
  ['git', 'files', 'annotations'],
  ['complexity', 'tagging', 'config'],
  ['history', 'store', 'cache'],
  ['scoring'],
  ['portfolio'],
  ['export'],
  ['pipeline'],
];

/** What a module in `name` may not import: every core folder or root module in a layer above its own. */
function layerRule(name, index, depth) {
  const above = CORE_LAYERS.slice(index + 1).flat();
  const up = depth === 0 ? '\\./' : '\\.\\./';
  return {
    files: depth === 0 ? [`src/core/${name}.ts`] : [`src/core/${name}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_VSCODE],
          patterns: above.length === 0 ? [] : [{ regex: `^${up}(${above.join('|')})(/|$)`, message: `src/core/${name} is below ${above.join(', ')} (see the layers in eslint.config.mjs): import downwards only.` }],
        },
      ],
    },
  };
}

function layering() {
  const folderRules = CORE_LAYERS.flatMap((names, index) => names.flatMap((name) => [layerRule(name, index, 0), layerRule(name, index, 1)]));
  return [
    { files: ['src/core/**', 'src/shared/**', 'src/webview/**'], rules: { 'no-restricted-imports': ['error', { paths: [NO_VSCODE] }] } },
    ...folderRules,
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/fixtures/**', '.vscode-test/**', 'bench/corpus/**', 'bench/out/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  ...layering(),
);
