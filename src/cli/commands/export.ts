import { version } from '../../../package.json';
import { EXPORT_FORMATS, exportAs } from '../../core/export';
import { emit, UsageError, type Command } from '../command';
import { deliveryBeside } from '../dashboardModel';
import { AS_OF_OPTION, AS_OF_USAGE, COMMON_OPTIONS, COMMON_USAGE, loadPortfolio, oneOf, printNotices } from '../portfolio';

export const exportCommand: Command = {
  summary: 'export the portfolio as CSV, JSON, Markdown or SARIF',
  usage: `debt-portfolio export [dir] --format csv|json|md|sarif [options]

  csv     one row per item, for Jira, Linear and GitHub importers (formula cells neutralised)
  json    the versioned portfolio: items with scores and decisions, the plan, totals, and with history
          the delivery figures of the last deliverySprints sprints (not with --as-of)
  md      the next sprint's plan, ready to paste into a planning document
  sarif   SARIF 2.1.0 for code scanning

Options:
  --format <format>     required
  --out <file>          write to a file instead of stdout
${AS_OF_USAGE}
${COMMON_USAGE}`,
  options: { ...COMMON_OPTIONS, ...AS_OF_OPTION, format: { type: 'string' }, out: { type: 'string' } },
  async run(values, positionals) {
    if (values.format === undefined) throw new UsageError(`--format is required (${EXPORT_FORMATS.join(', ')})`);
    const format = oneOf(values, 'format', EXPORT_FORMATS, 'json');
    const portfolio = await loadPortfolio(values, positionals);
    printNotices(portfolio);
    const delivery = format === 'json' && !values['as-of'] ? await deliveryBeside(portfolio) : undefined;
    await emit(exportAs(format, delivery ? { ...portfolio.view, delivery } : portfolio.view, version), values.out);
    return 0;
  },
};
