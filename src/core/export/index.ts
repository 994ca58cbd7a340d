import type { PortfolioView } from '../portfolio/view';
import { toCsv } from './csv';
import { toMarkdown } from './markdown';
import { toSarif } from './sarif';

export const EXPORT_FORMATS = ['csv', 'json', 'md', 'sarif'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The portfolio as text in one of the export formats. */
export function exportAs(format: ExportFormat, view: PortfolioView, toolVersion: string): string {
  switch (format) {
    case 'csv':
      return toCsv(view);
    case 'json':
      return `${JSON.stringify(view, null, 2)}\n`;
    case 'md':
      return toMarkdown(view);
    case 'sarif':
      return `${JSON.stringify(toSarif(view, toolVersion), null, 2)}\n`;
  }
}
