import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { exportAs } from '../core/export';
import { toDashboardModel } from '../core/portfolio/dashboardModel';
import { planActionChange } from '../core/store/decide';
import { dashboardPage } from '../shared/page';
import { parseWebviewMessage, type HostMessage, type WebviewMessage } from '../shared/protocol';
import type { FolderPortfolio, PortfolioService } from './portfolioService';

const VIEW_TYPE = 'debtPortfolio.dashboard';

type PanelKind = 'backtest' | 'delivery';
const PANEL_NAMES: Record<PanelKind, string> = { backtest: 'the back-test', delivery: 'the delivery figures' };

/** The dashboard webview: one panel, revived on restart, fed by the service, validating every message. */
export class DashboardPanel implements vscode.Disposable {
  private static current: DashboardPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  /** The panels of the folder shown that the worker computes beside its scans (the back-test reads four past trees). */
  private readonly panels = new Map<PanelKind, { folder: string; panel: unknown }>();

  static createOrShow(context: vscode.ExtensionContext, service: PortfolioService, log: vscode.LogOutputChannel, focusId?: string): DashboardPanel {
    if (DashboardPanel.current) {
      DashboardPanel.current.panel.reveal();
    } else {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Tech Debt Portfolio', vscode.ViewColumn.Active, DashboardPanel.options(context));
      DashboardPanel.current = new DashboardPanel(panel, context, service, log);
    }
    if (focusId) DashboardPanel.current.post({ type: 'focus', id: focusId });
    return DashboardPanel.current;
  }

  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, service: PortfolioService, log: vscode.LogOutputChannel): void {
    panel.webview.options = DashboardPanel.options(context);
    DashboardPanel.current = new DashboardPanel(panel, context, service, log);
  }

  private static options(context: vscode.ExtensionContext): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist'), vscode.Uri.joinPath(context.extensionUri, 'media')] };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly service: PortfolioService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const webview = panel.webview;
    const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, ...parts)).toString();
    webview.html = dashboardPage({
      nonce: randomBytes(16).toString('base64'),
      title: 'Tech Debt Portfolio',
      cspSource: webview.cspSource,
      script: { src: asset('dist', 'webview.js') },
      styles: [{ href: asset('media', 'dashboard.css') }],
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      service.onDidChange(() => this.sendModel()),
    );
  }

  private portfolio(): FolderPortfolio | undefined {
    return this.service.portfolios()[0];
  }

  private sendModel(): void {
    const portfolio = this.portfolio();
    if (!this.ready || !portfolio) return;
    const notices = this.service.portfolios().length > 1 ? [...portfolio.notices, `showing ${portfolio.folder.name}, the first of ${this.service.portfolios().length} folders`] : portfolio.notices;
    this.post({ type: 'model', model: toDashboardModel(portfolio.view, { readOnly: false, notices, trend: portfolio.trend, backtest: this.panelOf('backtest', portfolio, (folder) => this.service.backtest(folder)), delivery: this.panelOf('delivery', portfolio, (folder) => this.service.delivery(folder)) }) });
  }

  /** The folder's panel when the worker has it; the first call asks for it and shows the model again when it comes. */
  private panelOf<T>(kind: PanelKind, portfolio: FolderPortfolio, ask: (folder: vscode.WorkspaceFolder) => Promise<T>): T | null {
    const folder = portfolio.folder.uri.toString();
    const known = this.panels.get(kind);
    if (known?.folder === folder) return known.panel as T | null;
    const asked = { folder, panel: null as unknown };
    this.panels.set(kind, asked);
    ask(portfolio.folder).then(
      (panel) => {
        asked.panel = panel;
        if (this.panels.get(kind) === asked) this.sendModel();
      },
      (error: unknown) => this.log.warn(`dashboard: ${PANEL_NAMES[kind]} could not be computed: ${(error as Error).message}`),
    );
    return null;
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.log.warn(`dashboard: ignored a message: ${parsed.reason}`);
      return;
    }
    try {
      await this.handle(parsed.message);
    } catch (error) {
      this.log.error(`dashboard: ${(error as Error).message}`);
      this.post({ type: 'error', message: (error as Error).message });
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        return this.sendModel();
      case 'refresh':
        return this.service.rescanAll();
      case 'openCalendar':
        return void (await vscode.commands.executeCommand('debtPortfolio.openTeamConfig'));
      case 'reveal': {
        const found = this.service.find(message.id, this.portfolio()?.folder.uri.toString());
        if (!found) return;
        const uri = vscode.Uri.joinPath(found.portfolio.folder.uri, ...found.item.file.split('/'));
        const line = found.item.line - 1;
        await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, found.item.column - 1, line, found.item.column - 1), viewColumn: vscode.ViewColumn.One });
        return;
      }
      case 'plan': {
        const folder = this.portfolio()?.folder.uri.toString();
        const found = this.service.find(message.id, folder);
        if (!found) return;
        const sprint = found.portfolio.view.plan.roadmap[0]?.sprint ?? found.portfolio.view.plan.current.sprint + 1;
        return this.service.decide(message.id, planActionChange(message.action, sprint), folder);
      }
      case 'export': {
        const portfolio = this.portfolio();
        if (!portfolio) return;
        const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(portfolio.folder.uri, `debt-portfolio.${message.format}`), filters: { [message.format.toUpperCase()]: [message.format] } });
        if (!target) return;
        const version = String((this.context.extension.packageJSON as { version?: string }).version ?? '0.0.0');
        await writeFile(target.fsPath, exportAs(message.format, portfolio.view, version));
        this.log.info(`exported ${message.format} to ${target.fsPath}`);
        return;
      }
    }
  }

  dispose(): void {
    DashboardPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

export function registerDashboard(context: vscode.ExtensionContext, service: PortfolioService, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('debtPortfolio.openDashboard', () => {
      DashboardPanel.createOrShow(context, service, log);
      return true;
    }),
    vscode.commands.registerCommand('debtPortfolio.showInDashboard', (argument?: string | { item?: { id: string } }) => {
      const id = typeof argument === 'string' ? argument : argument?.item?.id;
      DashboardPanel.createOrShow(context, service, log, id);
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => DashboardPanel.revive(panel, context, service, log),
    }),
  );
}
