import type * as TS from 'typescript';
import type { Warning } from '../model';

/** A function-like record as ESLint's `complexity` rule reports it: where, what, and its cyclomatic complexity. */
export interface FunctionRecord {
  name: string;
  kind: 'function' | 'arrow' | 'method' | 'getter' | 'setter' | 'constructor' | 'class-field' | 'static-block';
  /** 1-based line and column where ESLint's `complexity` rule reports it (the function's head). */
  line: number;
  column: number;
  range: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  cyclomatic: number;
  params: number;
}

type Ts = typeof TS;

/** Every record ESLint's `complexity` rule (default variant) emits for a source file, from the TypeScript AST. */
export function cyclomaticRecords(ts: Ts, source: TS.SourceFile): FunctionRecord[] {
  const position = (offset: number) => {
    const { line, character } = source.getLineAndCharacterOfPosition(offset);
    return { line: line + 1, column: character + 1 };
  };
  const rangeOf = (node: TS.Node): FunctionRecord['range'] => {
    const start = position(node.getStart(source));
    const end = position(node.getEnd());
    return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
  };

  const isFunctionLike = (node: TS.Node): node is TS.FunctionLikeDeclaration =>
    (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node) || ts.isConstructorDeclaration(node)) &&
    (node as TS.FunctionLikeDeclaration).body !== undefined;
  const isFieldInitializer = (node: TS.Node): boolean => node.parent !== undefined && ts.isPropertyDeclaration(node.parent) && node.parent.initializer === node;
  /** A node that is a record of its own, so the enclosing record does not count inside it. */
  const isOwnRecord = (node: TS.Node): boolean => isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node) || isFieldInitializer(node);

  const LOGICAL = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken]);

  /** `[a = 1] = x`, `({ a = 1 } = x)`: a default inside a pattern being assigned to. */
  const isDestructuringDefault = (node: TS.BinaryExpression): boolean => {
    let top: TS.Node = node;
    while (ts.isArrayLiteralExpression(top.parent) || ts.isObjectLiteralExpression(top.parent) || ts.isPropertyAssignment(top.parent)) top = top.parent;
    if (top === node) return false;
    const parent = top.parent;
    return (ts.isBinaryExpression(parent) && parent.left === top && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) || ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === top);
  };

  const increments = (node: TS.Node): number => {
    switch (node.kind) {
      case ts.SyntaxKind.IfStatement:
      case ts.SyntaxKind.ConditionalExpression:
      case ts.SyntaxKind.ForStatement:
      case ts.SyntaxKind.ForInStatement:
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement:
      case ts.SyntaxKind.CatchClause:
      case ts.SyntaxKind.CaseClause:
        return 1;
      case ts.SyntaxKind.BinaryExpression: {
        const binary = node as TS.BinaryExpression;
        if (LOGICAL.has(binary.operatorToken.kind)) return 1;
        return binary.operatorToken.kind === ts.SyntaxKind.EqualsToken && isDestructuringDefault(binary) ? 1 : 0;
      }
      case ts.SyntaxKind.Parameter:
        return (node as TS.ParameterDeclaration).initializer ? 1 : 0;
      case ts.SyntaxKind.BindingElement:
        return (node as TS.BindingElement).initializer ? 1 : 0;
      case ts.SyntaxKind.ShorthandPropertyAssignment:
        return (node as TS.ShorthandPropertyAssignment).objectAssignmentInitializer ? 1 : 0;
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression:
      case ts.SyntaxKind.CallExpression:
        return (node as TS.PropertyAccessExpression).questionDotToken ? 1 : 0;
      default:
        return 0;
    }
  };

  /** 1 + the increments of the nodes under `roots` that do not belong to a record of their own (iterative: deep code cannot overflow). */
  const complexityOf = (roots: readonly TS.Node[]): number => {
    let total = 1;
    const stack = roots.filter((root) => !isFunctionLike(root));
    while (stack.length > 0) {
      const node = stack.pop()!;
      total += increments(node);
      node.forEachChild((child) => {
        if (!isOwnRecord(child)) stack.push(child);
      });
    }
    return total;
  };

  /** ESLint's getFunctionHeadLoc: a class or object member's start, an arrow's `=>`, else the first token after export/default. */
  const headOf = (node: TS.FunctionLikeDeclaration): number => {
    if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node) || ts.isConstructorDeclaration(node)) return node.getStart(source);
    if (ts.isPropertyAssignment(node.parent) || ts.isPropertyDeclaration(node.parent)) return node.parent.getStart(source);
    if (ts.isArrowFunction(node)) return node.equalsGreaterThanToken.getStart(source);
    const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
    const first = modifiers.find((m) => m.kind !== ts.SyntaxKind.ExportKeyword && m.kind !== ts.SyntaxKind.DefaultKeyword);
    if (first) return first.getStart(source);
    const keyword = node.getChildren(source).find((child) => child.kind === ts.SyntaxKind.FunctionKeyword);
    return (keyword ?? node).getStart(source);
  };

  const className = (member: TS.Node): string | undefined => (member.parent && (ts.isClassDeclaration(member.parent) || ts.isClassExpression(member.parent)) ? member.parent.name?.text : undefined);
  const variableOf = (node: TS.Node): string | undefined => (ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : undefined);
  const memberName = (member: TS.Node, name: TS.PropertyName): string => {
    const key = ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : name.getText(source);
    const owner = className(member) ?? (ts.isObjectLiteralExpression(member.parent) ? variableOf(member.parent) : undefined);
    return owner ? `${owner}.${key}` : key;
  };

  const nameOf = (node: TS.FunctionLikeDeclaration): string => {
    if (ts.isConstructorDeclaration(node)) return className(node) ? `${className(node)}.constructor` : 'constructor';
    if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) return memberName(node, node.name);
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.name) return node.name.text;
    if (ts.isPropertyAssignment(node.parent) || ts.isPropertyDeclaration(node.parent)) return memberName(node.parent, node.parent.name);
    return variableOf(node) ?? '<anonymous>';
  };

  const kindOf = (node: TS.FunctionLikeDeclaration): FunctionRecord['kind'] =>
    ts.isConstructorDeclaration(node) ? 'constructor' : ts.isGetAccessorDeclaration(node) ? 'getter' : ts.isSetAccessorDeclaration(node) ? 'setter' : ts.isMethodDeclaration(node) ? 'method' : ts.isArrowFunction(node) ? 'arrow' : 'function';

  const records: FunctionRecord[] = [];
  const stack: TS.Node[] = [source];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isFunctionLike(node)) {
      records.push({ name: nameOf(node), kind: kindOf(node), ...position(headOf(node)), range: rangeOf(node), cyclomatic: complexityOf([...node.parameters, node.body!]), params: node.parameters.length });
    } else if (ts.isClassStaticBlockDeclaration(node)) {
      records.push({ name: className(node) ? `${className(node)}.static` : 'static', kind: 'static-block', ...position(node.getStart(source)), range: rangeOf(node), cyclomatic: complexityOf([node.body]), params: 0 });
    }
    if (isFieldInitializer(node)) {
      const property = node.parent as TS.PropertyDeclaration;
      records.push({ name: memberName(property, property.name), kind: 'class-field', ...position(node.getStart(source)), range: rangeOf(node), cyclomatic: complexityOf([node]), params: 0 });
    }
    node.forEachChild((child) => {
      stack.push(child);
    });
  }
  return records.sort((a, b) => a.line - b.line || a.column - b.column);
}

export interface FileRecords {
  records: FunctionRecord[];
  warnings: Warning[];
}

/** Parses one file and returns its records; a file too deep for the parser gives a warning, never a throw. */
export function analyzeSource(ts: Ts, file: string, text: string): FileRecords {
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  try {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const warnings: Warning[] = (source as unknown as { parseDiagnostics: TS.Diagnostic[] }).parseDiagnostics.slice(0, 1).map((d) => {
      const at = source.getLineAndCharacterOfPosition(d.start ?? 0);
      return { file, line: at.line + 1, column: at.character + 1, code: 'complexity-syntax', message: `syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}; metrics are for what parsed` };
    });
    return { records: cyclomaticRecords(ts, source), warnings };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { records: [], warnings: [{ file, code: 'complexity-too-deep', message: 'nested too deeply to parse; no metrics for this file' }] };
  }
}
