import { commentsOf, findAnnotations, languageOf, type FoundAnnotation, type TagMatcher } from '../annotations';
import { annotationsFromComments } from '../annotations/grammar';
import type { FileItems } from '../cache/scanCacheFile';
import { analyzeSource, COMPLEXITY_EXTENSIONS } from '../complexity/analyze';
import type { FunctionRecord } from '../complexity/records';
import { loadTypeScript } from '../complexity/typescript';
import type { TeamConfig } from '../config';
import { annotationIds, hotspotIds } from '../ids';
import type { AnnotationItem, FileMeasure, HotspotItem } from '../model';
import { nonBlankLines } from '../text/lines';

/** A function over either threshold is a hotspot. */
export interface HotspotThresholds {
  cognitive: number;
  cyclomatic: number;
}

/** How a file's items are found: the same for a folder, a commit and an editor's buffer. */
export interface ItemContext {
  tags: TagMatcher;
  /** Parse TS/JS files: their comments come from the parse and annotations know their function. Off: the fast lexer reads every language. */
  parse: boolean;
  /** Report functions over these thresholds as hotspots (needs `parse`); none when absent. */
  hotspots?: HotspotThresholds;
}

export const thresholdsOf = (config: TeamConfig): HotspotThresholds => ({ cognitive: config.hotspotCognitive, cyclomatic: config.hotspotCyclomatic });

/** The item context of a run: complexity on parses TS/JS and reports hotspots; off lexes every file. */
export const itemContextOf = (tags: TagMatcher, config: TeamConfig, complexity: boolean): ItemContext => (complexity ? { tags, parse: true, hotspots: thresholdsOf(config) } : { tags, parse: false });

/** What of the context changes a file's items: part of a cache key. */
export const contextKey = (context: ItemContext): string =>
  `${context.tags.anywhere.source}\u0000${!context.parse ? 'lex' : context.hotspots ? `${context.hotspots.cognitive}/${context.hotspots.cyclomatic}` : 'parse'}`;

function toAnnotationItems(file: string, language: string, found: readonly FoundAnnotation[]): AnnotationItem[] {
  const ids = annotationIds(file, found);
  return found.map((a, k) => ({ id: ids[k]!, kind: 'annotation', tag: a.tag, text: a.text, meta: a.meta, file, line: a.line, column: a.column, endLine: a.endLine, language, warnings: a.warnings }));
}

function toHotspotItems(file: string, language: string, records: readonly FunctionRecord[], over: HotspotThresholds): HotspotItem[] {
  const hot = records.filter((r) => r.cognitive > over.cognitive || r.cyclomatic > over.cyclomatic);
  const ids = hotspotIds(file, hot.map((r) => r.name));
  return hot.map((r, k) => ({
    id: ids[k]!,
    kind: 'hotspot',
    name: r.name,
    metrics: { cyclomatic: r.cyclomatic, cognitive: r.cognitive, nesting: r.nesting, loc: r.loc, params: r.params },
    file,
    line: r.line,
    column: r.column,
    endLine: r.range.endLine,
    language,
    warnings: [],
  }));
}

/** Sets the innermost function (not a class field's initialiser) whose range holds the annotation. */
function withEnclosing(item: AnnotationItem, records: readonly FunctionRecord[]): AnnotationItem {
  const before = (line: number, column: number, otherLine: number, otherColumn: number) => line < otherLine || (line === otherLine && column <= otherColumn);
  let innermost: FunctionRecord | undefined;
  for (const record of records) {
    const { startLine, startColumn, endLine, endColumn } = record.range;
    if (record.kind === 'class-field' || !before(startLine, startColumn, item.line, item.column) || !before(item.line, item.column, endLine, endColumn)) continue;
    if (!innermost || before(innermost.range.startLine, innermost.range.startColumn, startLine, startColumn)) innermost = record;
  }
  return innermost ? { ...item, enclosing: { name: innermost.name, cognitive: innermost.cognitive } } : item;
}

/**
 * The items of a file's text, wherever the text comes from (a folder, a commit, an editor's unsaved buffer);
 * undefined for a language the table does not know. A parsed TS/JS file is parsed once: its comments give the
 * annotations, its functions the hotspots.
 */
export async function fileItems(file: string, text: string, context: ItemContext): Promise<FileItems | undefined> {
  const language = languageOf(file);
  if (!language) return undefined;
  const measure: FileMeasure = { file, lines: nonBlankLines(text) };
  if (!context.parse || !COMPLEXITY_EXTENSIONS.test(file)) return { items: toAnnotationItems(file, language.id, findAnnotations(text, language, file, context.tags)), warnings: [], measure };
  const hasTag = context.tags.anywhere.test(text);
  if (!hasTag && !context.hotspots) return { items: [], warnings: [], measure };
  const analysis = analyzeSource(await loadTypeScript(), file, text);
  if (analysis.comments) measure.complexity = { functions: analysis.totals.functions, cognitive: analysis.totals.cognitive.sum, cyclomatic: analysis.totals.cyclomatic.sum };
  const found = hasTag ? annotationsFromComments(text, analysis.comments ?? commentsOf(text, language), file, context.tags) : [];
  const annotations = toAnnotationItems(file, language.id, found).map((item) => withEnclosing(item, analysis.records));
  return { items: [...annotations, ...(context.hotspots ? toHotspotItems(file, language.id, analysis.records, context.hotspots) : [])], warnings: analysis.warnings, measure };
}
