import type * as TS from 'typescript';
import type { Comment } from '../annotations/lexer';
import type { Warning } from '../model';
import { commentsOfSource } from './comments';
import { functionRecords, type FunctionRecord } from './records';

type Ts = typeof TS;

export interface FileTotals {
  functions: number;
  cyclomatic: { sum: number; max: number };
  cognitive: { sum: number; max: number };
  /** Lines holding code in the whole file. */
  loc: number;
}

export interface FileAnalysis {
  records: FunctionRecord[];
  totals: FileTotals;
  /** The file's comments, from the same parse (annotations are read from them); undefined when it could not be parsed. */
  comments: Comment[] | undefined;
  warnings: Warning[];
}

export const COMPLEXITY_EXTENSIONS = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

function scriptKind(ts: Ts, file: string): TS.ScriptKind {
  if (/\.tsx$/i.test(file)) return ts.ScriptKind.TSX;
  if (/\.jsx$/i.test(file)) return ts.ScriptKind.JSX;
  return /\.[cm]?js$/i.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/** Parses one TS/JS file once: its function records, totals and comments. A file too deep to parse gives a warning, never a throw. */
export function analyzeSource(ts: Ts, file: string, text: string): FileAnalysis {
  let source: TS.SourceFile;
  let records: FunctionRecord[];
  let comments: Comment[];
  try {
    source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(ts, file));
    records = functionRecords(ts, source);
    comments = commentsOfSource(ts, source);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const totals = { functions: 0, cyclomatic: { sum: 0, max: 0 }, cognitive: { sum: 0, max: 0 }, loc: 0 };
    return { records: [], totals, comments: undefined, warnings: [{ file, code: 'complexity-too-deep', message: 'nested too deeply to parse; no complexity metrics for this file' }] };
  }
  const codeLines = codeLinePrefix(text, source.getLineStarts(), comments);
  for (const record of records) record.loc = codeLines[record.range.endLine]! - codeLines[record.range.startLine - 1]!;
  return { records, totals: totalsOf(records, codeLines[codeLines.length - 1]!), comments, warnings: syntaxWarnings(ts, source, file) };
}

/** The first syntax error, with its position: the metrics are for what parsed. */
function syntaxWarnings(ts: Ts, source: TS.SourceFile, file: string): Warning[] {
  const diagnostics = (source as unknown as { parseDiagnostics?: TS.Diagnostic[] }).parseDiagnostics ?? [];
  return diagnostics.slice(0, 1).map((d) => {
    const at = source.getLineAndCharacterOfPosition(d.start ?? 0);
    return { file, line: at.line + 1, column: at.character + 1, code: 'complexity-syntax', message: `syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}; complexity metrics are for what parsed` };
  });
}

/** prefix[k] = how many of the first k lines hold code (a character that is neither white space nor comment). */
function codeLinePrefix(text: string, starts: readonly number[], comments: readonly Comment[]): Uint32Array {
  const prefix = new Uint32Array(starts.length + 1);
  let next = 0;
  for (let line = 0; line < starts.length; line++) {
    const end = line + 1 < starts.length ? starts[line + 1]! : text.length;
    let code = false;
    for (let i = starts[line]!; i < end && !code; i++) {
      while (next < comments.length && comments[next]!.end <= i) next++;
      const comment = comments[next];
      if (comment && comment.start <= i) {
        i = comment.end - 1;
        continue;
      }
      const c = text.charCodeAt(i);
      code = !(c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029);
    }
    prefix[line + 1] = prefix[line]! + (code ? 1 : 0);
  }
  return prefix;
}

function totalsOf(records: readonly FunctionRecord[], loc: number): FileTotals {
  const totals: FileTotals = { functions: records.length, cyclomatic: { sum: 0, max: 0 }, cognitive: { sum: 0, max: 0 }, loc };
  for (const record of records) {
    totals.cyclomatic.sum += record.cyclomatic;
    totals.cyclomatic.max = Math.max(totals.cyclomatic.max, record.cyclomatic);
    totals.cognitive.sum += record.cognitive;
    totals.cognitive.max = Math.max(totals.cognitive.max, record.cognitive);
  }
  return totals;
}
