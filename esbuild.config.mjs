import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** Where the bundles go: dist, or --outdir=<dir> (the tests bundle the CLI into a temporary folder). */
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  /** jsonc-parser's UMD main requires its parts at run time, which a bundle cannot follow: bundle its ESM build. */
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

/** ts-morph (with the TypeScript compiler, ~9 MB) is a bundle of its own, required only when a TS/JS file is parsed. */
const typescriptApart = {
  name: 'typescript-apart',
  setup(build) {
    build.onResolve({ filter: /^ts-morph$/ }, () => ({ path: './typescript.js', external: true }));
  },
};

const bundles = [
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'], plugins: [typescriptApart], banner: { js: 'globalThis.__debtPortfolioBundleStart = performance.now();' } },
  { ...node, entryPoints: ['src/core/pipeline/sessionWorker.ts'], outfile: `${outdir}/worker.js`, plugins: [typescriptApart] },
  { ...node, entryPoints: ['src/cli/cli.ts'], outfile: `${outdir}/cli.js`, plugins: [typescriptApart], banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['src/core/complexity/tsMorph.ts'], outfile: `${outdir}/typescript.js`, sourcemap: false, minify: true },
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['src/webview/main.ts'],
    outfile: `${outdir}/webview.js`,
    tsconfig: 'tsconfig.webview.json',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
  },
];

if (watch) {
  for (const options of bundles) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
}
