/** Writes the report HTML for a portfolio of N generated items (the dashboard benchmark's input). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { toHtmlReport } from '../../src/core/export/html';
import { toDashboardModel } from '../../src/core/portfolio/dashboardModel';
import { planPortfolio } from '../../src/core/portfolio/planner';
import { totalsOf, type PortfolioItem } from '../../src/core/portfolio/view';
import { emptyPortfolio } from '../../src/core/store/schema';

const [count, out] = process.argv.slice(2);
const repo = path.join(__dirname, '../..');
const tags = ['TODO', 'FIXME', 'HACK', 'DEBT', 'XXX'];
const items: PortfolioItem[] = Array.from({ length: Number(count) }, (_, i) => {
  const interest = (i * 7919) % 97 / 10;
  const principal = 1 + ((i * 104729) % 40);
  return {
    id: i.toString(16).padStart(16, '0'), kind: 'annotation', tag: tags[i % tags.length]!, text: `item ${i} that needs work`, meta: {}, file: `src/area${i % 30}/file${i % 400}.ts`, line: 1 + (i % 500), column: 4, endLine: 1 + (i % 500), language: 'typescript', warnings: [],
    status: i % 20 === 0 ? 'planned' : 'open', owner: `dev${i % 12}`,
    score: { interest, principal, payback: interest > 0 ? principal / interest : null, cycleTimeInterest: interest, incidentInterest: 0, statedInterest: 0, share: 1, terms: [{ name: 'interest', value: interest, unit: 'h/sprint', formula: 'generated' }] },
  };
});
const settings = { capacityHours: 240, allocationPercent: 20, sprintLengthDays: 14, firstSprintStart: '2026-01-05', roadmapSprints: 4, adherenceSprints: 6 };
const plan = planPortfolio(items.map((i) => ({ id: i.id, principal: i.score.principal, interest: i.score.interest, status: i.status })), emptyPortfolio(), settings, '2026-11-24');
const view = { version: 1 as const, generatedAt: new Date().toISOString(), root: '/bench', items, plan, totals: totalsOf(items) };
const trend = [1, 2, 3, 4, 5, 6].map((k) => ({ sprint: k, openItems: Number(count) - k * 10, interest: 100 - k }));
const script = buildSync({ entryPoints: [path.join(repo, 'src/webview/main.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, minify: true, tsconfig: path.join(repo, 'tsconfig.webview.json'), logLevel: 'error' }).outputFiles[0]!.text;
const styles = ['dashboard.css', 'report-themes.css'].map((f) => readFileSync(path.join(repo, 'media', f), 'utf8'));
writeFileSync(out!, toHtmlReport(toDashboardModel(view, { readOnly: true, trend }), { script, styles }));
