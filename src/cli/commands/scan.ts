import { formatPayback } from '../../shared/format';
import type { ScanResult, Warning } from '../../core/model';
import { CONFIG_FILE } from '../../core/config';
import { sortItems } from '../../core/portfolio/grouping';
import { detailOf, round, type PortfolioItem } from '../../core/portfolio/view';
import { emit, UsageError, type Command } from '../command';
import type { Portfolio } from '../../core/pipeline/build';
import { AS_OF_OPTION, AS_OF_USAGE, COMMON_OPTIONS, COMMON_USAGE, loadPortfolio, printNotices } from '../portfolio';
import { writeOutput } from '../output';
import { renderTable } from '../table';
import { reportHtml } from './report';

/** The scan contract: what was scanned, and every item with its score and the team's decision. */
export type ScanOutput = Omit<ScanResult, 'items' | 'files'> & { items: PortfolioItem[]; files: Portfolio['files']; health: Portfolio['health'] };

export const scanCommand: Command = {
  summary: 'find debt annotations and complexity hotspots in a folder and print them',
  usage: `debt-portfolio scan [dir] [options]

Scans dir (default: the current folder) for debt annotations in comments and, in TS/JS, for
functions over the team's complexity thresholds (hotspots), and prints them with their interest
(hours per sprint), principal (hours) and payback (sprints), highest interest first.
It reads the team's decisions from .debt/portfolio.json but writes nothing there.

Options:
  --format table|json   output format (default: table)
  --out <file>          write the output to a file instead of stdout
  --write <file>        also write the JSON result to a file
  --report <file>       also write the dashboard as a standalone HTML file
  --tags A,B            tags to look for (default: the team config's, else DEBT,TODO,FIXME,HACK,XXX,BUG,OPTIMIZE,REFACTOR)
  --no-complexity       no hotspots: TS/JS files are lexed for annotations, not parsed
${AS_OF_USAGE}
${COMMON_USAGE}`,
  options: {
    format: { type: 'string', default: 'table' },
    out: { type: 'string' },
    write: { type: 'string' },
    report: { type: 'string' },
    tags: { type: 'string' },
    'no-complexity': { type: 'boolean', default: false },
    ...COMMON_OPTIONS,
    ...AS_OF_OPTION,
  },
  async run(values, positionals) {
    if (positionals.length > 1) throw new UsageError(`scan takes one folder, got ${positionals.length}`);
    const format = String(values.format);
    if (format !== 'table' && format !== 'json') throw new UsageError(`--format must be table or json, not "${format}"`);
    const tags = typeof values.tags === 'string' ? values.tags.split(',').map((t) => t.trim()).filter(Boolean) : undefined;
    if (tags && (tags.length === 0 || tags.some((t) => !/^[A-Za-z][\w-]*$/.test(t)))) throw new UsageError(`--tags must be a comma-separated list of words, not "${values.tags}"`);
    const portfolio = await loadPortfolio(values, positionals, { tags, record: false, complexity: values['no-complexity'] !== true });
    printNotices(portfolio);
    const { files: _measures, ...scan } = portfolio.scan;
    const result: ScanOutput = { ...scan, items: portfolio.view.items, files: portfolio.files, health: portfolio.health };
    const json = `${JSON.stringify(result, null, 2)}\n`;
    if (typeof values.write === 'string') await writeOutput(values.write, json);
    if (typeof values.report === 'string') await writeOutput(values.report, await reportHtml(portfolio, { backtest: false, asOf: values['as-of'] !== undefined }));
    await emit(format === 'json' ? json : `${scanTable(result)}\n`, values.out);
    return 0;
  },
};

export function scanTable(result: ScanOutput): string {
  const rows = sortItems(result.items, 'interest').map((item) => [
    `${item.file}:${item.line}:${item.column}`,
    item.kind === 'annotation' ? item.tag : item.kind,
    item.owner ?? '',
    round(item.score.interest),
    round(item.score.principal),
    formatPayback(item.score.payback),
    detailOf(item),
  ]);
  const skipped = Object.entries(result.skipped).map(([reason, count]) => `${reason} ${count}`).join(', ');
  const files = new Set(result.items.map((item) => item.file)).size;
  return [
    rows.length > 0 ? renderTable(['location', 'tag', 'owner', 'h/sprint', 'h', 'payback', 'text'], rows, [60, 10, 16, 8, 6, 12, 70]) : 'No debt annotations or hotspots found.',
    '',
    `${result.items.length} items in ${files} files; ${result.stats.filesScanned} of ${result.stats.filesListed} files scanned (${result.stats.lister}) in ${result.stats.durationMs} ms`,
    ...(skipped ? [`skipped: ${skipped}`] : []),
    ...vendoredLines(result.skippedFiles),
    ...(result.warnings.length > 0 ? [`${result.warnings.length} warnings (see --format json); first: ${formatWarning(result.warnings[0]!)}`] : []),
  ].join('\n');
}

/** Which files were left out as vendored and why, the first few by name. */
function vendoredLines(skippedFiles: ScanOutput['skippedFiles']): string[] {
  const vendored = skippedFiles.filter((skip) => skip.reason === 'vendored');
  const shown = vendored.slice(0, VENDORED_SHOWN).map((skip) => `  ${skip.file}: ${skip.why ?? 'vendored'}`);
  const more = vendored.length > VENDORED_SHOWN ? [`  … ${vendored.length - VENDORED_SHOWN} more (see --format json)`] : [];
  return vendored.length > 0 ? [`left out as vendored (set "vendored" in ${CONFIG_FILE}, or -linguist-vendored in .gitattributes, to scan them):`, ...shown, ...more] : [];
}

const VENDORED_SHOWN = 5;

export const formatWarning = (w: Warning): string => `${w.file}${w.line ? `:${w.line}:${w.column ?? 1}` : ''}: ${w.message}`;
