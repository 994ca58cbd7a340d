import { STATUSES, type Status } from '../store/schema';
import type { PortfolioItem } from './view';

export const GROUP_BY = ['file', 'folder', 'tag', 'owner', 'status', 'sprint', 'none'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export const SORT_BY = ['interest', 'payback', 'age', 'principal'] as const;
export type SortBy = (typeof SORT_BY)[number];

/** Which items the tree shows: what people wrote, what the code measures (hotspots), or both. */
export const SHOWN_KINDS = ['all', 'annotations', 'hotspots'] as const;
export type ShownKinds = (typeof SHOWN_KINDS)[number];

export const itemsShown = (items: readonly PortfolioItem[], shown: ShownKinds): PortfolioItem[] =>
  shown === 'all' ? [...items] : items.filter((item) => (item.kind === 'annotation') === (shown === 'annotations'));

export interface ItemFilter {
  text?: string;
  tags?: string[];
  owners?: string[];
  statuses?: Status[];
  minInterest?: number;
}

export interface ItemGroup {
  key: string;
  items: PortfolioItem[];
  interest: number;
  principal: number;
}

const tagOf = (item: PortfolioItem): string => (item.kind === 'annotation' ? item.tag : item.kind);

export function filterItems(items: readonly PortfolioItem[], filter: ItemFilter): PortfolioItem[] {
  const text = filter.text?.toLowerCase();
  return items.filter(
    (item) =>
      (!text || `${item.kind === 'annotation' ? item.text : ''} ${item.file}`.toLowerCase().includes(text)) &&
      (!filter.tags?.length || filter.tags.includes(tagOf(item))) &&
      (!filter.owners?.length || filter.owners.includes(item.owner ?? '')) &&
      (!filter.statuses?.length || filter.statuses.includes(item.status)) &&
      (filter.minInterest === undefined || item.score.interest >= filter.minInterest),
  );
}

/** Highest interest, fastest payback, oldest, or largest principal first; ties by place in the code. */
export function sortItems(items: readonly PortfolioItem[], sortBy: SortBy): PortfolioItem[] {
  const key: Record<SortBy, (item: PortfolioItem) => number> = {
    interest: (item) => -item.score.interest,
    payback: (item) => item.score.payback ?? Number.POSITIVE_INFINITY,
    age: (item) => (item.age ? Date.parse(item.age.introduced) : Number.POSITIVE_INFINITY),
    principal: (item) => -item.score.principal,
  };
  const by = key[sortBy];
  return [...items].sort((a, b) => by(a) - by(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

function groupKeyOf(item: PortfolioItem, groupBy: GroupBy): string {
  switch (groupBy) {
    case 'file':
      return item.file;
    case 'folder':
      return item.file.includes('/') ? item.file.slice(0, item.file.lastIndexOf('/')) : '.';
    case 'tag':
      return tagOf(item);
    case 'owner':
      return item.owner ?? '(no owner)';
    case 'status':
      return item.status;
    case 'sprint':
      return item.sprint === undefined ? '(no sprint)' : `sprint ${item.sprint}`;
    case 'none':
      return 'all items';
  }
}

/** Groups sorted by total interest (highest first), items inside sorted by `sortBy`. */
export function groupItems(items: readonly PortfolioItem[], groupBy: GroupBy, sortBy: SortBy): ItemGroup[] {
  const groups = new Map<string, PortfolioItem[]>();
  for (const item of items) {
    const key = groupKeyOf(item, groupBy);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()]
    .map(([key, members]) => ({
      key,
      items: sortItems(members, sortBy),
      interest: members.reduce((sum, item) => sum + item.score.interest, 0),
      principal: members.reduce((sum, item) => sum + item.score.principal, 0),
    }))
    .sort((a, b) => b.interest - a.interest || (a.key < b.key ? -1 : 1));
}

/** The active filter in words, for a view's description; empty when nothing filters. */
export function describeFilter(filter: ItemFilter): string {
  const parts: string[] = [];
  if (filter.text) parts.push(`"${filter.text}"`);
  if (filter.tags?.length) parts.push(`tag ${filter.tags.join('|')}`);
  if (filter.owners?.length) parts.push(`owner ${filter.owners.join('|')}`);
  if (filter.statuses?.length) parts.push(`status ${filter.statuses.join('|')}`);
  if (filter.minInterest !== undefined) parts.push(`≥ ${filter.minInterest} h/sprint`);
  return parts.join(', ');
}

/** A filter as the text parseFilterText reads back (the filter box shows it while the filter is active). */
export function filterText(filter: ItemFilter): string {
  return [
    ...(filter.text ? [filter.text] : []),
    ...(filter.tags ?? []).map((tag) => `tag:${tag}`),
    ...(filter.owners ?? []).map((owner) => `owner:${owner}`),
    ...(filter.statuses ?? []).map((status) => `status:${status}`),
    ...(filter.minInterest !== undefined ? [`>=${filter.minInterest}`] : []),
  ].join(' ');
}

/** Filter text: words, plus `tag:X`, `owner:X`, `status:X` and `>=N` (minimum interest). */
export function parseFilterText(text: string): ItemFilter {
  const filter: ItemFilter = {};
  const words: string[] = [];
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const [key, value] = token.includes(':') ? [token.slice(0, token.indexOf(':')), token.slice(token.indexOf(':') + 1)] : ['', token];
    if (key === 'tag') (filter.tags ??= []).push(value);
    else if (key === 'owner') (filter.owners ??= []).push(value);
    else if (key === 'status') {
      if ((STATUSES as readonly string[]).includes(value)) (filter.statuses ??= []).push(value as Status);
    } else if (/^>=\d+(\.\d+)?$/.test(token)) filter.minInterest = Number(token.slice(2));
    else words.push(token);
  }
  if (words.length) filter.text = words.join(' ');
  return filter;
}
