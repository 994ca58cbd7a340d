import * as vscode from 'vscode';
import { costLine, explain, isOpen, severityOf, titleOf, type PortfolioItem, type Severity } from '../core/portfolio/view';
import { customTags, isHexColour } from './customTags';
import { snoozedUntil } from './itemCommands';
import { breakdown } from './itemHover';
import { itemsInDocument, squiggleRangeOf } from './documentItems';
import { relativePath, type PortfolioService } from './portfolioService';

const config = () => vscode.workspace.getConfiguration('debtPortfolio');

/** "5.6 h/sprint · payback 2.1 sprints", after the figures that make a hotspot one. */
const lensTitle = (item: PortfolioItem, sprintLengthDays?: number): string =>
  item.kind === 'hotspot' ? `Hotspot: cognitive ${item.metrics.cognitive}, cyclomatic ${item.metrics.cyclomatic} · ${costLine(item.score, sprintLengthDays)}` : costLine(item.score, sprintLengthDays);

/** The cost, then what to do about it: plan it this sprint (or unplan it), snooze it (or wake it), or open it in the dashboard. */
function lensesOf(item: PortfolioItem, at: vscode.Range, sprintLengthDays?: number): vscode.CodeLens[] {
  const plan = item.status === 'planned' ? { title: 'Unplan', command: 'debtPortfolio.unplan' } : { title: 'Plan this sprint', command: 'debtPortfolio.planThisSprint' };
  const snoozed = snoozedUntil(item);
  const snooze = snoozed ? { title: `Unsnooze (snoozed until ${snoozed})`, command: 'debtPortfolio.unsnooze' } : { title: 'Snooze', command: 'debtPortfolio.snooze' };
  return [
    new vscode.CodeLens(at, { title: lensTitle(item, sprintLengthDays), command: 'debtPortfolio.showInDashboard', arguments: [item.id], tooltip: item.score.terms.map(explain).join('\n') }),
    new vscode.CodeLens(at, { ...plan, arguments: [item.id] }),
    new vscode.CodeLens(at, { ...snooze, arguments: [item.id] }),
    new vscode.CodeLens(at, { title: 'Open in dashboard', command: 'debtPortfolio.showInDashboard', arguments: [item.id] }),
  ];
}

class DebtCodeLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;
  constructor(private readonly service: PortfolioService) {
    this.onDidChangeCodeLenses = service.onDidChange;
  }
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!config().get<boolean>('codeLens.enabled', true)) return [];
    return itemsInDocument(this.service, document)
      .filter(({ item }) => isOpen(item))
      .flatMap(({ item, range, view }) => lensesOf(item, new vscode.Range(range.start, range.start), view.sprintLengthDays));
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

/** Theme colours the manifest contributes (themable, defaulting to the chart colours). */
const GUTTER_COLOURS: Record<Exclude<Severity, 'none'>, string> = { high: 'debtPortfolio.severity.high', medium: 'debtPortfolio.severity.medium', low: 'debtPortfolio.severity.low' };

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

/** The tag of each debt comment in a document, by the colour it is highlighted in (undefined: the theme's default). */
export function tagRanges(items: ReturnType<typeof itemsInDocument>, document: vscode.TextDocument, colours: ReadonlyMap<string, string>): Map<string | undefined, vscode.Range[]> {
  const byColour = new Map<string | undefined, vscode.Range[]>();
  for (const { item } of items) {
    if (item.kind !== 'annotation' || item.line > document.lineCount) continue;
    const start = document.lineAt(item.line - 1).text.indexOf(item.tag, item.column - 1);
    if (start < 0) continue;
    const colour = colours.get(item.tag);
    byColour.set(colour, [...(byColour.get(colour) ?? []), new vscode.Range(item.line - 1, start, item.line - 1, start + item.tag.length)]);
  }
  return byColour;
}

/** One decoration type per highlight colour, made when first needed. */
function tagHighlights(): { typeOf(colour: string | undefined): vscode.TextEditorDecorationType; all(): vscode.TextEditorDecorationType[]; dispose(): void } {
  const types = new Map<string | undefined, vscode.TextEditorDecorationType>();
  const typeOf = (colour: string | undefined) => {
    const color = colour === undefined ? new vscode.ThemeColor('editorWarning.foreground') : isHexColour(colour) ? colour : new vscode.ThemeColor(colour);
    if (!types.has(colour)) types.set(colour, vscode.window.createTextEditorDecorationType({ color, fontWeight: 'bold' }));
    return types.get(colour)!;
  };
  return { typeOf, all: () => [...types.values()], dispose: () => types.forEach((type) => type.dispose()) };
}

/** The Problems panel's level for each severity in the portfolio. */
const DIAGNOSTIC_SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  high: vscode.DiagnosticSeverity.Warning,
  medium: vscode.DiagnosticSeverity.Information,
  low: vscode.DiagnosticSeverity.Hint,
  none: vscode.DiagnosticSeverity.Hint,
};

/** A line's text from the folder's open documents (files are keyed by their path in the folder), if the file is open. */
function openDocumentLines(folder: vscode.WorkspaceFolder): (file: string, line: number) => string | undefined {
  const open = new Map(vscode.workspace.textDocuments.filter((d) => vscode.workspace.getWorkspaceFolder(d.uri)?.uri.toString() === folder.uri.toString()).map((d) => [relativePath(folder, d.uri), d]));
  return (file, line) => {
    const document = open.get(file);
    return document && line <= document.lineCount ? document.lineAt(line - 1).text : undefined;
  };
}

/** CodeLens, hovers, severity marks, tag highlights and (when enabled) diagnostics for debt in open editors. */
export function registerEditorInsights(context: vscode.ExtensionContext, service: PortfolioService): vscode.DiagnosticCollection {
  const decorations = gutterDecorations();
  const highlights = tagHighlights();
  highlights.typeOf(undefined);
  const diagnostics = vscode.languages.createDiagnosticCollection('Tech Debt');

  const decorate = (editor: vscode.TextEditor): void => {
    const enabled = config().get<boolean>('decorations.enabled', true);
    const bySeverity: Record<Exclude<Severity, 'none'>, vscode.Range[]> = { high: [], medium: [], low: [] };
    if (enabled) {
      for (const { item, range, severity } of itemsInDocument(service, editor.document)) {
        if (severity !== 'none' && isOpen(item)) bySeverity[severity].push(range);
      }
    }
    for (const severity of ['high', 'medium', 'low'] as const) editor.setDecorations(decorations[severity], bySeverity[severity]);
    const colours = new Map(customTags().tags.flatMap((t) => (t.color ? [[t.tag, t.color] as const] : [])));
    const tags = config().get<boolean>('highlight.enabled', true) ? tagRanges(itemsInDocument(service, editor.document), editor.document, colours) : new Map<string | undefined, vscode.Range[]>();
    for (const colour of tags.keys()) highlights.typeOf(colour);
    for (const type of highlights.all()) editor.setDecorations(type, []);
    for (const [colour, ranges] of tags) editor.setDecorations(highlights.typeOf(colour), ranges);
  };

  const diagnose = (): void => {
    diagnostics.clear();
    if (!config().get<boolean>('diagnostics.enabled', false)) return;
    const min = config().get<number>('diagnostics.minInterest', 4);
    for (const portfolio of service.portfolios()) {
      const byFile = new Map<string, vscode.Diagnostic[]>();
      const openText = openDocumentLines(portfolio.folder);
      for (const item of portfolio.view.items.filter((i) => isOpen(i) && i.score.interest >= min)) {
        const severity = severityOf(item.score.interest, portfolio.view.totals.severity);
        const diagnostic = new vscode.Diagnostic(squiggleRangeOf(item, openText(item.file, item.line)), `${titleOf(item)}: ${costLine(item.score, portfolio.view.sprintLengthDays)}`, DIAGNOSTIC_SEVERITY[severity]);
        diagnostic.source = 'Tech Debt';
        diagnostic.code = item.kind === 'annotation' ? item.tag : 'hotspot';
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
    highlights,
    ...Object.values(decorations),
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, new DebtCodeLensProvider(service)),
    vscode.languages.registerHoverProvider({ scheme: 'file' }, new DebtHoverProvider(service)),
    service.onDidChange(refresh),
    vscode.window.onDidChangeVisibleTextEditors(refresh),
    vscode.workspace.onDidOpenTextDocument(diagnose),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('debtPortfolio')) refresh();
    }),
  );
  refresh();
  return diagnostics;
}
