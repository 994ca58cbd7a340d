import type { TeamConfig } from '../config';
import type { DebtItem } from '../model';
import type { FileHealth } from './fileCost';
import { pct, type ItemShare } from './share';
import { r, term } from './terms';
import type { ItemScore, ScoreTerm } from './types';

export { penaltyOf } from './fileCost';

/** What an item's score is computed from: its file's cost, computed once, and the item's share of it. */
export interface ScoringInput {
  item: DebtItem;
  file: FileHealth;
  share: ItemShare;
  settings: TeamConfig;
}

/** Hours to fix: META effort (a day is hoursPerDay, a point hoursPerPoint), hotspots by their excess, a file item by its share of the file's estimate, else a default by tag. */
export function principalOf(item: DebtItem, settings: TeamConfig, file?: { principal: number; share: number }): ScoreTerm {
  if (item.kind === 'annotation' && item.meta.effort) {
    const m = /^(\d+(?:\.\d+)?)(m|h|d|pt)$/.exec(item.meta.effort);
    if (m) {
      const unit = { m: 1 / 60, h: 1, d: settings.hoursPerDay, pt: settings.hoursPerPoint }[m[2] as 'm' | 'h' | 'd' | 'pt'];
      return term('principal', Number(m[1]) * unit, 'h', `effort ${item.meta.effort}${m[2] === 'h' ? '' : ` × ${r(unit)} h`}`);
    }
  }
  if (item.kind === 'hotspot') {
    const excess = Math.max(0, item.metrics.cognitive - settings.hotspotCognitive) + Math.max(0, item.metrics.cyclomatic - settings.hotspotCyclomatic);
    const base = settings.defaultPrincipal.hotspot ?? settings.defaultPrincipal.other ?? 2;
    return term('principal', base + excess * settings.hoursPerExcessPoint, 'h', `${r(base)} h + ${excess} points over the thresholds × ${settings.hoursPerExcessPoint} h`);
  }
  if (item.kind === 'file' && file) {
    const hours = Math.max(1, file.principal * file.share);
    return term('principal', hours, 'h', `${pct(file.share)} of the file's ${r(file.principal, 1)} h (${item.measure.lines} lines ÷ ${settings.fileLinesPerHour} lines/h), at least 1 h`);
  }
  const tag = item.kind === 'annotation' ? item.tag : 'other';
  const hours = settings.defaultPrincipal[tag] ?? settings.defaultPrincipal.other ?? 2;
  return term('principal', hours, 'h', `default for ${tag}`);
}

/** The floor a stated impact gives an annotation's interest: stated by the team, not measured; measured history replaces it as it accrues. */
function statedFloorOf(item: DebtItem, settings: TeamConfig): { hours: number; impact: string } | undefined {
  if (item.kind !== 'annotation' || !item.meta.impact) return undefined;
  return { hours: settings.statedImpactFloor[item.meta.impact], impact: item.meta.impact };
}

/** DESIGN §5 with conservation: an item's interest is its share of its file's cost (plus a stated floor where measured is less). */
export function scoreItem(input: ScoringInput): ItemScore {
  const { settings, item, file, share } = input;
  const terms: ScoreTerm[] = [...file.terms];
  const measured = file.interest * share.fraction;
  terms.push(term('share', share.fraction, '', `${pct(share.fraction)} of the file's ${r(file.interest, 1)} h/sprint (${share.basis})`));
  const floor = statedFloorOf(item, settings);
  const interest = floor && floor.hours > measured ? floor.hours : measured;
  const formula = floor && floor.hours > measured ? `impact ${floor.impact}: ${r(floor.hours)} h/sprint, stated by the team, not measured (measured ${r(measured)} h/sprint)` : `${pct(share.fraction)} × ${r(file.interest)} h/sprint`;
  terms.push(term('interest', interest, 'h/sprint', formula));

  const principal = principalOf(item, settings, { principal: file.principal, share: share.fraction });
  terms.push(principal);
  const payback = interest > 0 ? principal.value / interest : null;
  terms.push(term('payback', payback ?? 0, 'sprints', payback === null ? 'no interest: never pays back' : `${r(principal.value)} h ÷ ${r(interest)} h/sprint`));
  const stated = interest - measured;
  return { interest, principal: principal.value, payback, cycleTimeInterest: file.cycleTimeInterest * share.fraction, incidentInterest: file.incidentInterest * share.fraction, statedInterest: stated, share: share.fraction, terms };
}
