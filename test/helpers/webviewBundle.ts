import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { ReportAssets } from '../../src/core/export/html';

let assets: ReportAssets | undefined;

/** The dashboard bundle built from source, and the report's styles, as the CLI embeds them. */
export function reportAssets(): ReportAssets {
  if (assets) return assets;
  const repo = path.join(__dirname, '../..');
  const result = buildSync({ entryPoints: [path.join(repo, 'src/webview/main.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, minify: true, tsconfig: path.join(repo, 'tsconfig.webview.json'), logLevel: 'error' });
  const styles = ['media/dashboard.css', 'media/report-themes.css'].map((file) => readFileSync(path.join(repo, file), 'utf8'));
  return (assets = { script: result.outputFiles[0]!.text, styles });
}
