import * as vscode from 'vscode';
import { describeFilter, filterItems, filterText, groupItems, GROUP_BY, itemsShown, parseFilterText, SHOWN_KINDS, SORT_BY, type GroupBy, type ItemFilter, type ShownKinds, type SortBy } from '../core/portfolio/grouping';
import { costLine, functionNameOf, isOpen, labelOf, severityOf, type PortfolioItem, type Severity } from '../core/portfolio/view';
import { formatInterest } from '../shared/format';
import { colourDotIcon, customTags, isHexColour } from './customTags';
import { snoozedUntil } from './itemCommands';
import { breakdown } from './itemHover';
import type { FolderPortfolio, PortfolioService } from './portfolioService';
import { labelled, pickChoice } from './pick';

type Node =
  | { type: 'folder'; portfolio: FolderPortfolio }
  | { type: 'group'; key: string; label: string; items: PortfolioItem[]; portfolio: FolderPortfolio; interest: number }
  | { type: 'item'; item: PortfolioItem; portfolio: FolderPortfolio };

interface TreeSettings {
  groupBy: GroupBy;
  sortBy: SortBy;
  filter: ItemFilter;
}

const STATE_KEY = 'debtPortfolio.tree';
const SEVERITY_COLOURS = { high: 'debtPortfolio.severity.high', medium: 'debtPortfolio.severity.medium', low: 'debtPortfolio.severity.low', none: 'disabledForeground' } as const;
const TAG_ICONS: Record<string, string> = { TODO: 'checklist', FIXME: 'bug', BUG: 'bug', HACK: 'tools', XXX: 'warning', DEBT: 'credit-card', OPTIMIZE: 'dashboard', REFACTOR: 'symbol-structure', hotspot: 'flame', file: 'file' };

const SHOWN_KEY = 'tree.show';
const shownKinds = (): ShownKinds => {
  const value = vscode.workspace.getConfiguration('debtPortfolio').get<string>(SHOWN_KEY, 'all');
  return (SHOWN_KINDS as readonly string[]).includes(value) ? (value as ShownKinds) : 'all';
};

/** Where a click puts the cursor (the item's first line) and which range it reveals (the whole item), without selecting it. */
export async function openItem(uri: vscode.Uri, line: number, column: number, endLine: number): Promise<vscode.TextEditor> {
  const cursor = new vscode.Position(line - 1, column - 1);
  const editor = await vscode.window.showTextDocument(uri, { preview: true, selection: new vscode.Range(cursor, cursor) });
  editor.revealRange(new vscode.Range(cursor, new vscode.Position(Math.max(endLine, line) - 1, 0)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/**
 * A tag's icon: the user's own icon and colour win (a theme colour tints the icon, a #hex colour is a dot of that
 * colour), else the tag's icon in its severity colour.
 */
function iconOf(tag: string, severity: Severity, storage: vscode.Uri): vscode.TreeItem['iconPath'] {
  const custom = customTags().tags.find((t) => t.tag === tag);
  if (custom?.color && isHexColour(custom.color)) return colourDotIcon(custom.color, storage);
  return new vscode.ThemeIcon(custom?.icon ?? TAG_ICONS[tag] ?? 'comment', new vscode.ThemeColor(custom?.color ?? SEVERITY_COLOURS[severity]));
}

function itemTreeItem(node: Extract<Node, { type: 'item' }>, groupBy: GroupBy, storage: vscode.Uri): vscode.TreeItem {
  const { item, portfolio } = node;
  const treeItem = new vscode.TreeItem(labelOf(item, groupBy), vscode.TreeItemCollapsibleState.None);
  treeItem.id = `${portfolio.folder.uri.toString()}#${item.id}`;
  const container = item.kind === 'hotspot' ? functionNameOf(item.name, item.line).container : undefined;
  const snoozed = snoozedUntil(item);
  treeItem.description = [container, costLine(item.score, portfolio.view.sprintLengthDays), item.status === 'open' ? '' : item.status, snoozed ? `snoozed until ${snoozed}` : '', groupBy === 'file' ? '' : `${item.file}:${item.line}`].filter(Boolean).join(' · ');
  treeItem.tooltip = breakdown(item, portfolio.view);
  const tag = item.kind === 'annotation' ? item.tag : item.kind;
  treeItem.iconPath = iconOf(tag, severityOf(item.score.interest, portfolio.view.totals.severity), storage);
  treeItem.contextValue = `item-${item.status}${snoozed ? '-snoozed' : ''}`;
  const uri = vscode.Uri.joinPath(portfolio.folder.uri, ...item.file.split('/'));
  treeItem.command = { command: 'debtPortfolio.openItem', title: 'Open', arguments: [uri, item.line, item.column, item.endLine] };
  return treeItem;
}

/** The Debt tree: folders (when several), groups, items; grouping, sorting and filtering are remembered per workspace. */
export class DebtTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly service: PortfolioService,
    private readonly state: vscode.Memento,
    private readonly storage: vscode.Uri,
  ) {}

  get settings(): TreeSettings {
    return this.state.get<TreeSettings>(STATE_KEY) ?? { groupBy: 'file', sortBy: 'interest', filter: {} };
  }

  async update(change: Partial<TreeSettings>): Promise<void> {
    await this.state.update(STATE_KEY, { ...this.settings, ...change });
    this.refresh();
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'item') return itemTreeItem(node, this.settings.groupBy, this.storage);
    if (node.type === 'folder') {
      const item = new vscode.TreeItem(node.portfolio.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.portfolio.folder.uri.toString();
      item.iconPath = vscode.ThemeIcon.Folder;
      item.description = node.portfolio.notices.join(' · ');
      return item;
    }
    const byFile = this.settings.groupBy === 'file';
    const slash = node.key.lastIndexOf('/');
    const item = new vscode.TreeItem(byFile ? node.key.slice(slash + 1) : node.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${node.portfolio.folder.uri.toString()}/${this.settings.groupBy}/${node.key}`;
    item.description = [byFile && slash > 0 ? node.key.slice(0, slash) : '', `${node.items.length} · ${formatInterest(node.interest)}`].filter(Boolean).join(' · ');
    item.tooltip = node.key;
    item.contextValue = 'group';
    if (this.settings.groupBy === 'file') item.resourceUri = vscode.Uri.joinPath(node.portfolio.folder.uri, ...node.key.split('/'));
    item.iconPath = this.settings.groupBy === 'file' ? vscode.ThemeIcon.File : this.settings.groupBy === 'folder' ? vscode.ThemeIcon.Folder : undefined;
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const portfolios = this.service.portfolios();
      return portfolios.length === 1 ? this.groupsOf(portfolios[0]!) : portfolios.map((portfolio) => ({ type: 'folder', portfolio }));
    }
    if (node.type === 'folder') return this.groupsOf(node.portfolio);
    if (node.type === 'group') return node.items.map((item) => ({ type: 'item', item, portfolio: node.portfolio }));
    return [];
  }

  /** Items shown after filtering, across folders (for the badge and tests). */
  visibleItems(): PortfolioItem[] {
    return this.service.portfolios().flatMap((portfolio) => filterItems(itemsShown(portfolio.view.items, shownKinds()), this.effectiveFilter()));
  }

  private effectiveFilter(): ItemFilter {
    const filter = this.settings.filter;
    return filter.statuses?.length ? filter : { ...filter, statuses: ['open', 'planned'] };
  }

  private groupsOf(portfolio: FolderPortfolio): Node[] {
    const items = filterItems(itemsShown(portfolio.view.items, shownKinds()), this.effectiveFilter());
    const groups = groupItems(items, this.settings.groupBy, this.settings.sortBy);
    if (this.settings.groupBy === 'none') return (groups[0]?.items ?? []).map((item) => ({ type: 'item', item, portfolio }));
    return groups.map((group) => ({
      type: 'group',
      key: group.key,
      label: group.key,
      items: group.items,
      interest: group.interest,
      portfolio,
    }));
  }
}

export function registerTree(context: vscode.ExtensionContext, service: PortfolioService): DebtTreeProvider {
  const provider = new DebtTreeProvider(service, context.workspaceState, context.globalStorageUri);
  const view = vscode.window.createTreeView('debtPortfolio.tree', { treeDataProvider: provider, showCollapseAll: true });
  const describe = (): void => {
    const filter = provider.settings.filter;
    const shown = shownKinds();
    view.description = [provider.settings.groupBy === 'none' ? 'flat' : `by ${provider.settings.groupBy}`, shown === 'all' ? '' : `${shown} only`, describeFilter(filter)].filter(Boolean).join(' · ');
    void vscode.commands.executeCommand('setContext', 'debtPortfolio.shown', shown);
    const open = service.portfolios().flatMap((p) => p.view.items).filter(isOpen).length;
    view.badge = open > 0 ? { value: open, tooltip: `${open} open debt items` } : undefined;
    void vscode.commands.executeCommand('setContext', 'debtPortfolio.filtered', describeFilter(filter) !== '');
    void vscode.commands.executeCommand('setContext', 'debtPortfolio.hasItems', open > 0);
  };
  describe();
  context.subscriptions.push(
    view,
    service.onDidChange(() => {
      provider.refresh();
      describe();
    }),
    vscode.commands.registerCommand('debtPortfolio.groupBy', async (choice?: GroupBy) => {
      const groupBy = choice ?? (await pickChoice('Group debt by', labelled(GROUP_BY, GROUP_LABELS), provider.settings.groupBy));
      if (groupBy) await provider.update({ groupBy });
      describe();
    }),
    vscode.commands.registerCommand('debtPortfolio.sortBy', async (choice?: SortBy) => {
      const sortBy = choice ?? (await pickChoice('Sort debt by', labelled(SORT_BY, SORT_LABELS), provider.settings.sortBy));
      if (sortBy) await provider.update({ sortBy });
      describe();
    }),
    vscode.commands.registerCommand('debtPortfolio.filter', async (choice?: ItemFilter) => {
      const filter = choice ?? (await askFilter(provider.settings.filter));
      if (filter) await provider.update({ filter });
      describe();
    }),
    vscode.commands.registerCommand('debtPortfolio.openItem', openItem),
    ...SHOWN_KINDS.map((shown) =>
      vscode.commands.registerCommand(`debtPortfolio.show.${shown}`, () => vscode.workspace.getConfiguration('debtPortfolio').update(SHOWN_KEY, shown, vscode.ConfigurationTarget.Global)),
    ),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(`debtPortfolio.${SHOWN_KEY}`)) return;
      provider.refresh();
      describe();
    }),
    vscode.commands.registerCommand('debtPortfolio.clearFilter', async () => {
      await provider.update({ filter: {} });
      describe();
    }),
  );
  return provider;
}

const GROUP_LABELS: Partial<Record<GroupBy, string>> = { file: 'File', folder: 'Folder', tag: 'Tag', owner: 'Owner', status: 'Status', sprint: 'Sprint' };
const SORT_LABELS: Record<SortBy, string> = { interest: 'Interest (h/sprint), highest first', payback: 'Payback, quickest first', age: 'Age, oldest first', principal: 'Principal (hours to fix), smallest first' };

async function askFilter(current: ItemFilter): Promise<ItemFilter | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Filter debt',
    prompt: 'Words to match, and any of tag:TODO owner:alice status:planned >=2 (minimum h/sprint)',
    value: filterText(current),
  });
  return text === undefined ? undefined : parseFilterText(text);
}
