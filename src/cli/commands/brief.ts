import { toBrief } from '../../core/export/brief';
import { emit, type Command } from '../command';
import { dashboardModelOf } from '../dashboardModel';
import { AS_OF_OPTION, AS_OF_USAGE, COMMON_OPTIONS, COMMON_USAGE, loadPortfolio, oneOf, printNotices } from '../portfolio';

const BRIEF_FORMATS = ['md', 'html'] as const;

export const briefCommand: Command = {
  summary: 'one page for stakeholders: interest and its trend, the plan, delivery, evidence, three items',
  usage: `debt-portfolio brief [dir] [options]

One page for people who do not read code, from the same model as the dashboard and the report: the debt's
interest and its trend, what this sprint's plan removes, adherence to the allocation target, the delivery
figures beside the debt, the back-test's evidence for the ranking, and the three open items that pay back
soonest, each with its numbers in words. A part that cannot be shown (history off, no back-test) says why.

Options:
  --format md|html      Markdown, or one self-contained HTML page (light and dark, prints on one A4 page)
                        (default: md)
  --out <file>          write to a file instead of stdout
  --no-backtest         leave the back-test out (it reads the tree at four past commits)
${AS_OF_USAGE}
${COMMON_USAGE}`,
  options: { ...COMMON_OPTIONS, ...AS_OF_OPTION, format: { type: 'string', default: 'md' }, out: { type: 'string' }, 'no-backtest': { type: 'boolean', default: false } },
  async run(values, positionals) {
    const format = oneOf(values, 'format', BRIEF_FORMATS, 'md');
    const portfolio = await loadPortfolio(values, positionals);
    printNotices(portfolio);
    const model = await dashboardModelOf(portfolio, { backtest: values['no-backtest'] !== true, asOf: values['as-of'] !== undefined });
    await emit(toBrief(model, format), values.out);
    return 0;
  },
};
