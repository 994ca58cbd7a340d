import type * as TS from 'typescript';
import { cognitiveCounter } from './cognitive';
import { cyclomaticCounter } from './cyclomatic';

type Ts = typeof TS;

export type FunctionKind = 'function' | 'arrow' | 'method' | 'getter' | 'setter' | 'constructor' | 'class-field' | 'static-block';

/** One record of ESLint's `complexity` rule, with every figure we compute for it. Positions are 1-based. */
export interface FunctionRecord {
  /**
   * `Class.method`, `object.key`, the variable or property chain it is assigned to, the call it is passed to
   * (`items.map callback`, `new Promise callback`), `default export`, else `<anonymous>`.
   */
  name: string;
  kind: FunctionKind;
  /** Where ESLint's `complexity` rule reports it (the function's head). */
  line: number;
  column: number;
  range: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  cyclomatic: number;
  cognitive: number;
  /** Where sonarjs `cognitive-complexity` reports it (a name, a key, an arrow's `=>`); absent for class fields and static blocks, which sonarjs does not score. */
  cognitiveAt?: { line: number; column: number };
  nesting: number;
  /** Lines in the range holding code (not blank, not only comment); set by the file's analysis. */
  loc: number;
  params: number;
}

/** Every record ESLint's `complexity` rule emits for a parsed file, with both complexities, nesting and parameters (recursive, like the parser). */
export function functionRecords(ts: Ts, source: TS.SourceFile): FunctionRecord[] {
  const K = ts.SyntaxKind;
  const position = (offset: number) => {
    const { line, character } = source.getLineAndCharacterOfPosition(offset);
    return { line: line + 1, column: character + 1 };
  };
  const rangeOf = (node: TS.Node): FunctionRecord['range'] => {
    const start = position(node.getStart(source));
    const end = position(node.getEnd());
    return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
  };
  const outerParent = (node: TS.Node): TS.Node => (ts.isParenthesizedExpression(node.parent) ? outerParent(node.parent) : node.parent);

  const METHOD_KINDS = new Set([K.MethodDeclaration, K.GetAccessor, K.SetAccessor, K.Constructor]);
  const FUNCTION_KINDS = new Set([K.FunctionDeclaration, K.FunctionExpression, K.ArrowFunction, ...METHOD_KINDS]);
  const isMethodLike = (node: TS.Node): node is TS.MethodDeclaration | TS.AccessorDeclaration | TS.ConstructorDeclaration => METHOD_KINDS.has(node.kind);
  /** A function with a body: what both rules score (a bodiless overload or abstract member is not one). */
  const isFunction = (node: TS.Node): node is TS.FunctionLikeDeclaration => FUNCTION_KINDS.has(node.kind) && (node as TS.FunctionLikeDeclaration).body !== undefined;
  const isFieldInitializer = (node: TS.Node): boolean => node.parent !== undefined && ts.isPropertyDeclaration(node.parent) && node.parent.initializer === node;
  /** ESLint's `complexity` also gives class field initialisers and static blocks records of their own. */
  const isOwnRecord = (node: TS.Node): boolean => isFunction(node) || ts.isClassStaticBlockDeclaration(node) || isFieldInitializer(node);
  /** Parts of a method that ESTree puts outside its function: decorators and a computed key's expression. */
  const outerPartsOf = (node: TS.Node): TS.Node[] => {
    if (!isMethodLike(node)) return [];
    const parts: TS.Node[] = ts.canHaveDecorators(node) ? [...(ts.getDecorators(node) ?? [])] : [];
    if (!ts.isConstructorDeclaration(node) && ts.isComputedPropertyName(node.name)) parts.push(node.name.expression);
    return parts;
  };

  /** ESLint's getFunctionHeadLoc: a class or object member's start, an arrow's `=>`, else the first token after export/default. */
  const eslintHead = (node: TS.FunctionLikeDeclaration): number => {
    const parent = outerParent(node);
    if (isMethodLike(node)) return node.getStart(source);
    if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.getStart(source);
    if (ts.isArrowFunction(node)) return node.equalsGreaterThanToken.getStart(source);
    const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
    const first = modifiers.find((m) => m.kind !== K.ExportKeyword && m.kind !== K.DefaultKeyword);
    return first ? first.getStart(source) : afterModifiers(node);
  };
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true);
  /** The first token after a node's modifiers and decorators (`function`, `constructor`), without building its token list. */
  const afterModifiers = (node: TS.Node): number => {
    const modifiers = ts.canHaveModifiers(node) || ts.canHaveDecorators(node) ? ((node as TS.HasModifiers).modifiers ?? []) : [];
    if (modifiers.length === 0) return node.getStart(source);
    scanner.setText(source.text, modifiers[modifiers.length - 1]!.end);
    scanner.scan();
    return scanner.getTokenStart();
  };
  const keyStart = (name: TS.Node): number => (ts.isComputedPropertyName(name) ? name.expression : name).getStart(source);

  /** sonarjs getMainFunctionTokenLocation: a declaration's name, a member's key, an arrow's `=>`, else `function`. */
  const sonarHead = (node: TS.FunctionLikeDeclaration): number => {
    const parent = outerParent(node);
    if (ts.isConstructorDeclaration(node)) return afterModifiers(node);
    if (isMethodLike(node)) return keyStart(node.name);
    if (ts.isArrowFunction(node)) return node.equalsGreaterThanToken.getStart(source);
    if (ts.isFunctionDeclaration(node)) return node.name ? node.name.getStart(source) : afterModifiers(node);
    if (ts.isPropertyAssignment(parent)) return keyStart(parent.name);
    return afterModifiers(node);
  };

  const className = (member: TS.Node): string | undefined => (member.parent && (ts.isClassDeclaration(member.parent) || ts.isClassExpression(member.parent)) ? member.parent.name?.text : undefined);
  /** The variable, or the property chain (`a.b.c`), a value is assigned to. */
  const variableOf = (node: TS.Node): string | undefined => {
    const parent = outerParent(node);
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
    const isChain = (target: TS.Expression): boolean => ts.isIdentifier(target) || target.kind === K.ThisKeyword || (ts.isPropertyAccessExpression(target) && isChain(target.expression));
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === K.EqualsToken && isChain(parent.left)) return parent.left.getText(source);
    return undefined;
  };
  const memberName = (member: TS.Node, name: TS.PropertyName): string => {
    const key = ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : name.getText(source);
    const owner = className(member) ?? (ts.isObjectLiteralExpression(member.parent) ? variableOf(member.parent) : undefined);
    return owner ? `${owner}.${key}` : key;
  };
  /** `items.map`, `setTimeout`, `new Promise`: the call a function is passed to, by its last two names. */
  const calleeName = (call: TS.CallExpression | TS.NewExpression): string | undefined => {
    const callee = call.expression;
    const last = (e: TS.Expression): string | undefined => (ts.isIdentifier(e) ? e.text : e.kind === K.ThisKeyword ? 'this' : ts.isPropertyAccessExpression(e) ? e.name.text : undefined);
    const name = ts.isPropertyAccessExpression(callee) ? [last(callee.expression), callee.name.text].filter(Boolean).join('.') : last(callee);
    return name && (ts.isNewExpression(call) ? `new ${name}` : name);
  };
  const callbackName = (node: TS.Node): string | undefined => {
    const parent = outerParent(node);
    const passed = (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && node.pos >= parent.expression.end;
    const callee = passed ? calleeName(parent) : undefined;
    return callee && `${callee} callback`;
  };
  const isDefaultExport = (node: TS.Node): boolean =>
    (ts.isFunctionDeclaration(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === K.DefaultKeyword)) || ts.isExportAssignment(outerParent(node));
  const nameOf = (node: TS.FunctionLikeDeclaration): string => {
    const parent = outerParent(node);
    if (ts.isConstructorDeclaration(node)) return className(node) ? `${className(node)}.constructor` : 'constructor';
    if (isMethodLike(node)) return memberName(node, node.name);
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.name) return node.name.text;
    if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return memberName(parent, parent.name);
    return variableOf(node) ?? callbackName(node) ?? (isDefaultExport(node) ? 'default export' : '<anonymous>');
  };
  const kindOf = (node: TS.FunctionLikeDeclaration): FunctionKind =>
    ts.isConstructorDeclaration(node) ? 'constructor' : ts.isGetAccessorDeclaration(node) ? 'getter' : ts.isSetAccessorDeclaration(node) ? 'setter' : ts.isMethodDeclaration(node) ? 'method' : ts.isArrowFunction(node) ? 'arrow' : 'function';

  const cyclomaticOf = cyclomaticCounter(ts, isOwnRecord, outerPartsOf);
  const cognitiveOf = cognitiveCounter(ts, isFunction, outerPartsOf);
  const figures = (roots: TS.Node[]) => ({ cyclomatic: cyclomaticOf(roots.filter((root) => !isFunction(root))), ...cognitiveOf(roots) });

  const records: FunctionRecord[] = [];
  const visit = (node: TS.Node): void => {
    if (isFunction(node)) {
      const roots = [...node.parameters, node.body!];
      records.push({ name: nameOf(node), kind: kindOf(node), ...position(eslintHead(node)), range: rangeOf(node), ...figures(roots), cognitiveAt: position(sonarHead(node)), loc: 0, params: node.parameters.length });
    } else if (ts.isClassStaticBlockDeclaration(node)) {
      records.push({ name: className(node) ? `${className(node)}.static` : 'static', kind: 'static-block', ...position(node.getStart(source)), range: rangeOf(node), ...figures([node.body]), loc: 0, params: 0 });
    }
    if (isFieldInitializer(node)) {
      const property = node.parent as TS.PropertyDeclaration;
      records.push({ name: memberName(property, property.name), kind: 'class-field', ...position(node.getStart(source)), range: rangeOf(node), ...figures([node]), loc: 0, params: 0 });
    }
    node.forEachChild(visit);
  };
  visit(source);
  return records.sort((a, b) => a.line - b.line || a.column - b.column);
}
