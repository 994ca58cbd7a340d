export const SCAN_FORMAT_VERSION = 1;

export type Impact = 'low' | 'medium' | 'high' | 'critical';
export type DebtKind = 'design' | 'code' | 'test' | 'docs' | 'deps' | 'infra' | 'security' | 'performance';

export interface Meta {
  owner?: string;
  effort?: string;
  impact?: Impact;
  incident?: string[];
  ticket?: string;
  due?: string;
  kind?: DebtKind;
  /** Keys the grammar does not know, kept as written (each also produced a warning). */
  [key: string]: string | string[] | undefined;
}

/** A problem found in the input; never thrown, always reported. */
export interface Warning {
  file: string;
  line?: number;
  column?: number;
  code: string;
  message: string;
}

/** What every item has: its stable id and where it is (file relative to the root, 1-based positions). */
interface ItemBase {
  id: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  language: string;
  warnings: Warning[];
}

export interface AnnotationItem extends ItemBase {
  kind: 'annotation';
  tag: string;
  text: string;
  meta: Meta;
  /** The innermost TS/JS function holding the annotation, when complexity is on: its cognitive complexity drives the penalty. */
  enclosing?: { name: string; cognitive: number };
}

/** Per-function complexity figures (issue 3: equal to ESLint's `complexity` and sonarjs `cognitive-complexity`). */
export interface HotspotMetrics {
  cyclomatic: number;
  cognitive: number;
  nesting: number;
  loc: number;
  params: number;
}

/** A function over the team's complexity thresholds. */
export interface HotspotItem extends ItemBase {
  kind: 'hotspot';
  /** Qualified name: `Class.method`, `object.key`, the variable an arrow is assigned to, or `<anonymous>`. */
  name: string;
  metrics: HotspotMetrics;
}

/** What a source file is, for its health record: non-blank lines, and the parse's complexity totals (TS/JS only). */
export interface FileMeasure {
  file: string;
  lines: number;
  complexity?: { functions: number; cognitive: number; cyclomatic: number };
}

/** The part of a costly file's interest that none of its other items carries (issue 13), over the team's threshold. */
export interface FileItem extends ItemBase {
  kind: 'file';
  measure: FileMeasure;
}

export type DebtItem = AnnotationItem | HotspotItem | FileItem;

export type SkipReason =
  | 'excluded'
  | 'language'
  | 'binary'
  | 'too-large'
  | 'minified'
  | 'unreadable'
  | 'vanished'
  | 'not-a-file'
  | 'symlink'
  | 'symlink-outside-root'
  | 'symlink-loop'
  | 'symlink-broken'
  | 'submodule'
  | 'vendored';

export interface SkippedFile {
  file: string;
  reason: SkipReason;
  /** Why the file was left out, when the reason alone does not say (which rule made it vendored). */
  why?: string;
}

export interface ScanStats {
  lister: 'git' | 'walk';
  filesListed: number;
  filesScanned: number;
  bytesScanned: number;
  durationMs: number;
}

export interface ScanResult {
  version: typeof SCAN_FORMAT_VERSION;
  root: string;
  items: DebtItem[];
  /** Every source file read, measured: the file health records are computed from these. */
  files: FileMeasure[];
  skipped: Partial<Record<SkipReason, number>>;
  skippedFiles: SkippedFile[];
  warnings: Warning[];
  stats: ScanStats;
}
