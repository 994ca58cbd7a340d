import { measureFolder, type FolderMetrics } from '../../core/pipeline/measure';
import { emit, terminalProgress, UsageError, type Command } from '../command';
import { oneOf } from '../portfolio';
import { renderTable } from '../table';
import { formatWarning } from './scan';

export const metricsCommand: Command = {
  summary: 'complexity of every TS/JS function: cyclomatic (ESLint), cognitive (sonarjs), nesting, lines',
  usage: `debt-portfolio metrics [dir] [options]

Lists every function-like record of the TS/JS files in dir (default: the current folder), as ESLint's
complexity rule reports them: cyclomatic complexity (equal to ESLint's), cognitive complexity (equal to
eslint-plugin-sonarjs), deepest nesting, lines of code and parameters. The table shows the most complex
first; JSON lists them by file and position.

Options:
  --format table|json   output format (default: table)
  --out <file>          write to a file instead of stdout
  --no-git              list files by walking the folder, not with git
  -h, --help            show this help`,
  options: { format: { type: 'string', default: 'table' }, out: { type: 'string' }, 'no-git': { type: 'boolean', default: false } },
  async run(values, positionals) {
    if (positionals.length > 1) throw new UsageError(`expected one folder, got ${positionals.length}`);
    const format = oneOf(values, 'format', ['table', 'json'] as const, 'table');
    const progress = terminalProgress('measuring');
    let metrics: FolderMetrics;
    try {
      metrics = await measureFolder(positionals[0] ?? '.', { noGit: values['no-git'] === true }, { onProgress: progress.onProgress });
    } finally {
      progress.end();
    }
    for (const warning of metrics.warnings) process.stderr.write(`debt-portfolio: ${formatWarning(warning)}\n`);
    await emit(format === 'json' ? `${JSON.stringify(metrics, null, 2)}\n` : `${metricsTable(metrics)}\n`, values.out);
    return 0;
  },
};

function metricsTable(metrics: FolderMetrics): string {
  const functions = [...metrics.functions].sort((a, b) => b.cognitive - a.cognitive || b.cyclomatic - a.cyclomatic);
  const rows = functions.map((f) => [`${f.file}:${f.line}:${f.column}`, f.name, f.kind, String(f.cyclomatic), String(f.cognitive), String(f.nesting), String(f.loc), String(f.params)]);
  const loc = metrics.files.reduce((sum, file) => sum + file.loc, 0);
  return [
    rows.length > 0 ? renderTable(['location', 'name', 'kind', 'cyclomatic', 'cognitive', 'nesting', 'loc', 'params'], rows, [60, 40]) : 'No TS/JS functions found.',
    '',
    `${metrics.functions.length} functions in ${metrics.files.length} files, ${loc} lines of code`,
  ].join('\n');
}
