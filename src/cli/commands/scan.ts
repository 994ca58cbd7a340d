import { writeFile } from 'node:fs/promises';
import type { ScanResult, Warning } from '../../core/model';
import { scan } from '../../core/scan';
import { emit, terminalProgress, UsageError, type Command } from '../command';
import { renderTable } from '../table';

export const scanCommand: Command = {
  summary: 'find debt annotations in a folder and print them',
  usage: `debt-portfolio scan [dir] [options]

Scans dir (default: the current folder) for debt annotations in comments.

Options:
  --format table|json   output format (default: table)
  --out <file>          write the output to a file instead of stdout
  --write <file>        also write the JSON result to a file
  --tags A,B            tags to look for (default: the team config's, else DEBT,TODO,FIXME,HACK,XXX,BUG,OPTIMIZE,REFACTOR)
  --no-git              list files by walking the folder even inside a git work tree
  -h, --help            show this help`,
  options: {
    format: { type: 'string', default: 'table' },
    out: { type: 'string' },
    write: { type: 'string' },
    tags: { type: 'string' },
    'no-git': { type: 'boolean', default: false },
  },
  async run(values, positionals) {
    if (positionals.length > 1) throw new UsageError(`scan takes one folder, got ${positionals.length}`);
    const format = String(values.format);
    if (format !== 'table' && format !== 'json') throw new UsageError(`--format must be table or json, not "${format}"`);
    const tags = typeof values.tags === 'string' ? values.tags.split(',').map((t) => t.trim()).filter(Boolean) : undefined;
    if (tags && (tags.length === 0 || tags.some((t) => !/^[A-Za-z][\w-]*$/.test(t)))) throw new UsageError(`--tags must be a comma-separated list of words, not "${values.tags}"`);
    const progress = terminalProgress('scanning');
    const result = await scan(positionals[0] ?? '.', { tags, noGit: values['no-git'] === true }, { onProgress: progress.onProgress });
    progress.end();
    const json = `${JSON.stringify(result, null, 2)}\n`;
    if (typeof values.write === 'string') await writeFile(values.write, json);
    await emit(format === 'json' ? json : `${scanTable(result)}\n`, values.out);
    return 0;
  },
};

export function scanTable(result: ScanResult): string {
  const rows = result.items.map((item) => [`${item.file}:${item.line}:${item.column}`, item.tag, item.meta.owner ?? '', item.text]);
  const skipped = Object.entries(result.skipped).map(([reason, count]) => `${reason} ${count}`).join(', ');
  const files = new Set(result.items.map((item) => item.file)).size;
  return [
    rows.length > 0 ? renderTable(['location', 'tag', 'owner', 'text'], rows, [60, 10, 16, 80]) : 'No debt annotations found.',
    '',
    `${result.items.length} items in ${files} files; ${result.stats.filesScanned} of ${result.stats.filesListed} files scanned (${result.stats.lister}) in ${result.stats.durationMs} ms`,
    ...(skipped ? [`skipped: ${skipped}`] : []),
    ...(result.warnings.length > 0 ? [`${result.warnings.length} warnings (see --format json); first: ${formatWarning(result.warnings[0]!)}`] : []),
  ].join('\n');
}

export const formatWarning = (w: Warning): string => `${w.file}${w.line ? `:${w.line}:${w.column ?? 1}` : ''}: ${w.message}`;
