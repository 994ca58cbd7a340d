import * as vscode from 'vscode';
import type { HotspotItem } from '../core/model';
import { costLine, explain, isOpen, leadLine, ownerText, readerTerms, severityOf, titleOf, type PortfolioItem, type PortfolioView, type Severity } from '../core/portfolio/view';
import { itemsInDocument, markRangeOf } from './documentItems';
import type { PortfolioService } from './portfolioService';

const config = () => vscode.workspace.getConfiguration('debtPortfolio');

/** One line that says what the item costs, then what a reader needs: what it is, whose, where the cost comes from. */
export function breakdown(item: PortfolioItem, view: PortfolioView): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${leadLine(item, view)}**\n\n`);
  md.appendText(`${titleOf(item)}\n`);
  md.appendMarkdown(`\n*${ownerText(item)} · ${item.status}${item.kind === 'hotspot' ? ` · ${metricsLine(item)}` : ''}*\n\n`);
  for (const line of readerTerms(item)) md.appendText(`• ${line}\n`);
  if (item.age) md.appendText(`\nAdded ${item.age.introduced.slice(0, 10)} by ${item.age.author} (${item.age.commit.slice(0, 8)})\n`);
  return md;
}

const metricsLine = ({ metrics }: HotspotItem): string =>
  `cognitive ${metrics.cognitive} · cyclomatic ${metrics.cyclomatic} · nesting ${metrics.nesting} · ${metrics.loc} lines · ${metrics.params} params`;

/** "5.6 h/sprint · payback 2.1 sprints", after the figures that make a hotspot one. */
const lensTitle = (item: PortfolioItem, sprintLengthDays?: number): string =>
  item.kind === 'hotspot' ? `Hotspot: cognitive ${item.metrics.cognitive}, cyclomatic ${item.metrics.cyclomatic} · ${costLine(item.score, sprintLengthDays)}` : costLine(item.score, sprintLengthDays);

class DebtCodeLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;
  constructor(private readonly service: PortfolioService) {
    this.onDidChangeCodeLenses = service.onDidChange;
  }
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!config().get<boolean>('codeLens.enabled', true)) return [];
    return itemsInDocument(this.service, document)
      .filter(({ item }) => isOpen(item))
      .map(({ item, range, view }) => new vscode.CodeLens(new vscode.Range(range.start, range.start), { title: lensTitle(item, view.sprintLengthDays), command: 'debtPortfolio.showInDashboard', arguments: [item.id], tooltip: item.score.terms.map(explain).join('\n') }));
  }
}

class DebtHoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: PortfolioService) {}
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const hits = itemsInDocument(this.service, document).filter(({ range }) => position.line >= range.start.line && position.line <= range.end.line);
    const hit = hits.sort((a, b) => a.range.end.line - a.range.start.line - (b.range.end.line - b.range.start.line))[0];
    return hit ? new vscode.Hover(breakdown(hit.item, hit.view), new vscode.Range(hit.range.start.line, 0, hit.range.end.line, Number.MAX_SAFE_INTEGER)) : undefined;
  }
}

const GUTTER_COLOURS: Record<Exclude<Severity, 'none'>, string> = { high: 'charts.red', medium: 'charts.orange', low: 'charts.yellow' };

function gutterDecorations(): Record<Exclude<Severity, 'none'>, vscode.TextEditorDecorationType> {
  const make = (colour: string) =>
    vscode.window.createTextEditorDecorationType({
      isWholeLine: true,
      overviewRulerColor: new vscode.ThemeColor(colour),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      borderColor: new vscode.ThemeColor(colour),
      borderStyle: 'solid',
      borderWidth: '0 0 0 2px',
    });
  return { high: make(GUTTER_COLOURS.high), medium: make(GUTTER_COLOURS.medium), low: make(GUTTER_COLOURS.low) };
}

/** CodeLens, hovers, severity marks and (when enabled) diagnostics for debt in open editors. */
export function registerEditorInsights(context: vscode.ExtensionContext, service: PortfolioService): vscode.DiagnosticCollection {
  const decorations = gutterDecorations();
  const diagnostics = vscode.languages.createDiagnosticCollection('Tech Debt');

  const decorate = (editor: vscode.TextEditor): void => {
    const enabled = config().get<boolean>('decorations.enabled', true);
    const bySeverity: Record<Exclude<Severity, 'none'>, vscode.Range[]> = { high: [], medium: [], low: [] };
    if (enabled) {
      for (const { item, range } of itemsInDocument(service, editor.document)) {
        const severity = severityOf(item.score.interest);
        if (severity !== 'none' && isOpen(item)) bySeverity[severity].push(range);
      }
    }
    for (const severity of ['high', 'medium', 'low'] as const) editor.setDecorations(decorations[severity], bySeverity[severity]);
  };

  const diagnose = (): void => {
    diagnostics.clear();
    if (!config().get<boolean>('diagnostics.enabled', false)) return;
    const min = config().get<number>('diagnostics.minInterest', 4);
    for (const portfolio of service.portfolios()) {
      const byFile = new Map<string, vscode.Diagnostic[]>();
      for (const item of portfolio.view.items.filter((i) => isOpen(i) && i.score.interest >= min)) {
        const diagnostic = new vscode.Diagnostic(markRangeOf(item), `${titleOf(item)}: ${costLine(item.score, portfolio.view.sprintLengthDays)}`, severityOf(item.score.interest) === 'high' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
        diagnostic.source = 'Tech Debt';
        diagnostic.code = item.id;
        byFile.set(item.file, [...(byFile.get(item.file) ?? []), diagnostic]);
      }
      for (const [file, list] of byFile) diagnostics.set(vscode.Uri.joinPath(portfolio.folder.uri, ...file.split('/')), list);
    }
  };

  const refresh = (): void => {
    vscode.window.visibleTextEditors.forEach(decorate);
    diagnose();
  };

  context.subscriptions.push(
    diagnostics,
    ...Object.values(decorations),
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, new DebtCodeLensProvider(service)),
    vscode.languages.registerHoverProvider({ scheme: 'file' }, new DebtHoverProvider(service)),
    service.onDidChange(refresh),
    vscode.window.onDidChangeVisibleTextEditors(refresh),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('debtPortfolio')) refresh();
    }),
  );
  refresh();
  return diagnostics;
}
