import { BadRefError } from '../../core/git/snapshot';
import { checkFolder } from '../../core/pipeline/check';
import { EXIT_GATE_FAILED, EXIT_OK, UsageError, type Command } from '../command';
import { buildOptionsOf, COMMON_OPTIONS, configNumber, folderOf, printNotices, withProgress, withScanCache } from '../portfolio';

export const checkCommand: Command = {
  summary: 'gate CI: fail on new debt without META, or on interest over budget',
  usage: `debt-portfolio check [dir] [options]

Fails (exit 1) when an annotation without META (owner, effort, impact…) is new compared with --base,
or when the total interest is over --max-interest (or the team config's interestBudget).
Exit codes: 0 pass, 1 gate failed, 2 usage or input error. Nothing is written in the repository.

Options:
  --base <ref>          the commit to compare with (e.g. origin/main)
  --max-interest <h>    interest budget in hours per sprint
  --no-git              no git at all (no --base then)
  --no-cache            neither read nor write the scan cache
  -h, --help            show this help`,
  options: { ...COMMON_OPTIONS, base: { type: 'string' }, 'max-interest': { type: 'string' } },
  async run(values, positionals) {
    if (values.base !== undefined && values['no-git']) throw new UsageError('--base needs git; drop --no-git');
    const base = typeof values.base === 'string' ? values.base : undefined;
    const folder = folderOf(positionals);
    const maxInterest = configNumber(values, 'max-interest', 'interestBudget');
    const { portfolio, gate } = await withScanCache(values, folder, (cache) =>
      withProgress((onProgress) =>
        checkFolder(folder, { ...buildOptionsOf(values), cache, base, maxInterest }, { onProgress }).catch((error: unknown) => {
          throw error instanceof BadRefError ? new UsageError(error.message) : error;
        }),
      ),
    );
    printNotices(portfolio);
    for (const item of gate.newWithoutMeta) process.stdout.write(`${item.file}:${item.line}:${item.column}: new ${item.kind === 'annotation' ? item.tag : item.kind} without META: ${item.kind === 'annotation' ? item.text : ''}\n`);
    process.stdout.write(gate.passed ? `check passed: ${portfolio.scan.items.length} items, ${gate.interest.toFixed(2)} h/sprint interest\n` : `check failed: ${gate.reasons.join('; ')}\n`);
    return gate.passed ? EXIT_OK : EXIT_GATE_FAILED;
  },
};
