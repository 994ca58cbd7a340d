import type { Log, ReportingDescriptor, Result } from 'sarif';
import { encodeName } from '../files/fileNames';
import { explain, round, titleOf, type PortfolioItem, type PortfolioView } from '../portfolio/view';
import { priorityOf } from './csv';

const ruleIdOf = (item: PortfolioItem): string => (item.kind === 'annotation' ? `debt/${item.tag}` : `debt/${item.kind}`);

/** What encodeURIComponent leaves as it is. */
const UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]$/;

/** A path segment's real bytes percent-encoded: encodeURIComponent's result, also for a name that is not UTF-8 (it throws on those). */
const uriSegment = (segment: string): string =>
  [...encodeName(segment)].map((byte) => (UNRESERVED.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

const uriOf = (file: string): string => file.split('/').map(uriSegment).join('/');

function resultOf(item: PortfolioItem): Result {
  const priority = priorityOf(item);
  return {
    ruleId: ruleIdOf(item),
    level: priority === 'Highest' || priority === 'High' ? 'warning' : 'note',
    message: { text: `${titleOf(item)}: ${round(item.score.interest)} h/sprint interest, ${round(item.score.principal)} h to fix. ${item.score.terms.map(explain).join('; ')}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(item.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: item.line, startColumn: item.column, endLine: Math.max(item.endLine, item.line) },
        },
      },
    ],
    partialFingerprints: { 'debtPortfolioId/v1': item.id },
    properties: { interest: item.score.interest, principal: item.score.principal, payback: item.score.payback, status: item.status },
  };
}

const RULE_TEXTS: Record<string, string> = { 'debt/hotspot': 'Complexity hotspot', 'debt/file': 'Costly file: the part of its interest no other item carries' };

/** SARIF 2.1.0 for code scanning: one rule per tag (and for hotspots and costly files), one result per open item. */
export function toSarif(view: PortfolioView, toolVersion: string): Log {
  const open = view.items.filter((item) => item.status === 'open' || item.status === 'planned');
  const ruleIds = [...new Set(open.map(ruleIdOf))].sort();
  const rules: ReportingDescriptor[] = ruleIds.map((id) => ({
    id,
    name: id.replace('debt/', 'Debt').replace(/[^A-Za-z0-9]/g, ''),
    shortDescription: { text: RULE_TEXTS[id] ?? `${id.slice(5)} annotation` },
  }));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'Tech Debt Portfolio', version: toolVersion, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileUri(view.root)}/` } },
        results: open.map(resultOf),
      },
    ],
  };
}

const pathToFileUri = (root: string): string => `file://${uriOf(root)}`;
