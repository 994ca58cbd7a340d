import { randomBytes } from 'node:crypto';
import type { DashboardModel } from '../../shared/dashboard';
import { dashboardPage } from '../../shared/page';

export interface ReportAssets {
  /** The dashboard's browser bundle (dist/webview.js). */
  script: string;
  /** media/dashboard.css and media/report-themes.css. */
  styles: string[];
}

/**
 * The dashboard as one standalone HTML file: data and code inline, nothing fetched, read-only. Without a theme it
 * follows the reader's `prefers-color-scheme` (light or dark), as it changes.
 */
export function toHtmlReport(model: DashboardModel, assets: ReportAssets, theme?: 'vscode-dark' | 'vscode-light' | 'vscode-high-contrast'): string {
  return dashboardPage({
    nonce: randomBytes(16).toString('base64'),
    title: `Tech Debt Portfolio: ${model.root}`,
    cspSource: '',
    script: { inline: assets.script },
    styles: assets.styles.map((inline) => ({ inline })),
    embeddedModel: model,
    bodyClass: theme,
  });
}
