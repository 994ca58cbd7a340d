import { loadConfig } from '../../core/config';
import { BadRefError, resolveCommit } from '../../core/git/snapshot';
import { annotationsAtCommit } from '../../core/history/atCommit';
import { checkGate } from '../../core/portfolio/gate';
import { EXIT_GATE_FAILED, EXIT_OK, UsageError, type Command } from '../command';
import { COMMON_OPTIONS, configNumber, loadPortfolio, printNotices } from '../portfolio';

async function itemsAt(root: string, ref: string) {
  const commit = await resolveCommit(root, ref).catch((error: unknown) => {
    throw error instanceof BadRefError ? new UsageError(error.message) : error;
  });
  return (await annotationsAtCommit(root, commit, (await loadConfig(root)).config)).items;
}

export const checkCommand: Command = {
  summary: 'gate CI: fail on new debt without META, or on interest over budget',
  usage: `debt-portfolio check [dir] [options]

Fails (exit 1) when an annotation without META (owner, effort, impact…) is new compared with --base,
or when the total interest is over --max-interest (or the team config's interestBudget).
Exit codes: 0 pass, 1 gate failed, 2 usage or input error. Nothing is written.

Options:
  --base <ref>          the commit to compare with (e.g. origin/main)
  --max-interest <h>    interest budget in hours per sprint
  --no-git              no git at all (no --base then)
  -h, --help            show this help`,
  options: { ...COMMON_OPTIONS, base: { type: 'string' }, 'max-interest': { type: 'string' } },
  async run(values, positionals) {
    if (values.base !== undefined && values['no-git']) throw new UsageError('--base needs git; drop --no-git');
    const maxInterest = configNumber(values, 'max-interest', 'interestBudget');
    const portfolio = await loadPortfolio(values, positionals, { record: false });
    printNotices(portfolio);
    const root = portfolio.view.root;
    const base = typeof values.base === 'string' ? await itemsAt(root, values.base) : undefined;
    const budget = maxInterest ?? (await loadConfig(root)).config.interestBudget;
    const result = checkGate(portfolio.scan.items, base, portfolio.view.totals.interest, budget);
    for (const item of result.newWithoutMeta) process.stdout.write(`${item.file}:${item.line}:${item.column}: new ${item.kind === 'annotation' ? item.tag : item.kind} without META: ${item.kind === 'annotation' ? item.text : ''}\n`);
    process.stdout.write(result.passed ? `check passed: ${portfolio.scan.items.length} items, ${result.interest.toFixed(2)} h/sprint interest\n` : `check failed: ${result.reasons.join('; ')}\n`);
    return result.passed ? EXIT_OK : EXIT_GATE_FAILED;
  },
};
