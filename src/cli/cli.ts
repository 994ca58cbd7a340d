import { parseArgs } from 'node:util';
import { ScanInputError } from '../core/pipeline/scanFolder';
import { StoreError } from '../core/store/schema';
import { EXIT_USAGE, UsageError, type Command } from './command';
import { backtestCommand } from './commands/backtest';
import { briefCommand } from './commands/brief';
import { calibrateCommand } from './commands/calibrate';
import { checkCommand } from './commands/check';
import { deliveryCommand } from './commands/delivery';
import { exportCommand } from './commands/export';
import { metricsCommand } from './commands/metrics';
import { planCommand } from './commands/plan';
import { reportCommand } from './commands/report';
import { scanCommand } from './commands/scan';
import { statusCommand } from './commands/status';
import { trendCommand } from './commands/trend';
import { guardOutput } from './outputGuard';

/** Every command, by name; each lives in its own file under commands/. */
const COMMANDS: Record<string, Command> = {
  scan: scanCommand,
  plan: planCommand,
  status: statusCommand,
  export: exportCommand,
  report: reportCommand,
  brief: briefCommand,
  check: checkCommand,
  trend: trendCommand,
  delivery: deliveryCommand,
  metrics: metricsCommand,
  backtest: backtestCommand,
  calibrate: calibrateCommand,
};

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
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
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
    if (error instanceof UsageError || error instanceof ScanInputError || error instanceof StoreError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`debt-portfolio ${name}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

if (require.main === module) {
  guardOutput(process.stdout);
  guardOutput(process.stderr);
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`debt-portfolio: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
