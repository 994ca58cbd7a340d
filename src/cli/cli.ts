import { writeFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ScanResult } from '../core/model';
import { scan, ScanInputError } from '../core/scan';
import { renderTable } from './table';

const EXIT_USAGE = 2;

class UsageError extends Error {}

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  scan: {
    summary: 'find debt annotations in a folder and print them',
    usage: `debt-portfolio scan [dir] [options]

Scans dir (default: the current folder) for debt annotations in comments.

Options:
  --format table|json   output format (default: table)
  --out <file>          write the output to a file instead of stdout
  --write <file>        also write the JSON result to a file
  --tags A,B            tags to look for (default: the team config's, else ${'DEBT,TODO,FIXME,HACK,XXX,BUG,OPTIMIZE,REFACTOR'})
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
      const progress = process.stderr.isTTY ? (done: number, total: number) => process.stderr.write(`\rscanning ${done}/${total} files`) : undefined;
      const result = await scan(positionals[0] ?? '.', { tags, noGit: values['no-git'] === true }, { onProgress: progress });
      if (progress) process.stderr.write('\r\x1b[K');
      const json = `${JSON.stringify(result, null, 2)}\n`;
      if (typeof values.write === 'string') await writeFile(values.write, json);
      await emit(format === 'json' ? json : `${scanTable(result)}\n`, values.out);
      return 0;
    },
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

const formatWarning = (w: ScanResult['warnings'][number]): string => `${w.file}${w.line ? `:${w.line}:${w.column ?? 1}` : ''}: ${w.message}`;

async function emit(text: string, out: unknown): Promise<void> {
  if (typeof out === 'string') await writeFile(out, text);
  else process.stdout.write(text);
}

function mainHelp(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return `Usage: debt-portfolio <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun debt-portfolio <command> --help for a command's options.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(`${mainHelp()}\n`);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`debt-portfolio: unknown command "${name}"\n${mainHelp()}\n`);
    return EXIT_USAGE;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (values.help) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return await command.run(values, positionals);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ScanInputError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`debt-portfolio ${name}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`debt-portfolio: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
