import * as vscode from 'vscode';
import { DEFAULT_TAGS } from '../core/annotations/grammar';
import type { Meta } from '../core/model';
import { commentSyntaxOf } from '../core/tagging/commentSyntax';
import { debtCommentLine, tagInLine, trackAsDebt } from '../core/tagging/debtComment';
import { metaCompletions } from '../core/tagging/metaCompletion';
import type { PortfolioService } from './portfolioService';
import { askDebtComment, askMeta } from './tagWizard';

const today = (): string => new Date().toISOString().slice(0, 10);

function knownOwners(service: PortfolioService): string[] {
  return [...new Set(service.portfolios().flatMap((p) => p.view.items.map((item) => item.owner).filter((o): o is string => Boolean(o))))].sort();
}

/** Inserts a debt comment for the file's language above the selection (or at the cursor's line). */
async function tagAsDebt(service: PortfolioService, preset?: { tag: string; meta: Meta; text: string }): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Tech Debt: open a file and put the cursor where the debt is, then run Tag as Debt.');
    return false;
  }
  const syntax = commentSyntaxOf(editor.document.languageId);
  if (!syntax) {
    void vscode.window.showWarningMessage(`Tech Debt: no comment syntax known for ${editor.document.languageId}.`);
    return false;
  }
  const answers = preset ?? (await askDebtComment(knownOwners(service)));
  if (!answers) return false;
  const { text } = answers;
  const line = editor.document.lineAt(editor.selection.start.line);
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const comment = debtCommentLine(syntax, indent, { tag: answers.tag, meta: answers.meta, text });
  return editor.edit((edit) => edit.insert(new vscode.Position(line.lineNumber, 0), `${comment}\n`));
}

class MetaCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly service: PortfolioService) {}
  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const line = document.lineAt(position.line).text;
    const completions = metaCompletions(line, position.character, DEFAULT_TAGS, { owners: knownOwners(this.service), today: today() });
    return completions?.map((c, index) => {
      const item = new vscode.CompletionItem(c.label, c.kind === 'key' ? vscode.CompletionItemKind.Property : vscode.CompletionItemKind.Value);
      item.insertText = c.insertText;
      item.sortText = String(index).padStart(4, '0');
      item.detail = c.detail;
      if (c.kind === 'key') item.command = { command: 'editor.action.triggerSuggest', title: 'values' };
      return item;
    });
  }
}

class TrackAsDebtActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  provideCodeActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const syntax = commentSyntaxOf(document.languageId);
    if (!syntax) return [];
    const found = tagInLine(document.lineAt(range.start.line).text, syntax, DEFAULT_TAGS);
    if (!found || found.tag === 'DEBT') return [];
    const action = new vscode.CodeAction(`Track this ${found.tag} as a DEBT item…`, vscode.CodeActionKind.QuickFix);
    action.command = { command: 'debtPortfolio.trackAsDebt', title: action.title, arguments: [document.uri, range.start.line] };
    return [action];
  }
}

/** Rewrites the TODO/FIXME on a line as DEBT(meta), asking for the META (or taking it as an argument). */
async function trackLine(service: PortfolioService, uri: vscode.Uri, lineNumber: number, meta?: Meta): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(uri);
  const syntax = commentSyntaxOf(document.languageId);
  if (!syntax) return false;
  const chosen = meta ?? (await askMeta(knownOwners(service)));
  if (!chosen) return false;
  const line = document.lineAt(lineNumber);
  const rewritten = trackAsDebt(line.text, syntax, DEFAULT_TAGS, chosen);
  if (rewritten === undefined) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, line.range, rewritten);
  return vscode.workspace.applyEdit(edit);
}

export function registerTagging(context: vscode.ExtensionContext, service: PortfolioService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('debtPortfolio.tagAsDebt', (preset?: { tag: string; meta: Meta; text: string }) => tagAsDebt(service, preset)),
    vscode.commands.registerCommand('debtPortfolio.trackAsDebt', (uri: vscode.Uri, line: number, meta?: Meta) => trackLine(service, uri, line, meta)),
    vscode.languages.registerCompletionItemProvider({ scheme: 'file' }, new MetaCompletionProvider(service), '(', ',', ':', '=', ' '),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new TrackAsDebtActions(), { providedCodeActionKinds: TrackAsDebtActions.kinds }),
  );
}

