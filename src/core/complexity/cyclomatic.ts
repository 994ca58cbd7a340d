import type * as TS from 'typescript';

type Ts = typeof TS;

/**
 * Cyclomatic complexity as ESLint's `complexity` rule (default variant) computes it: 1 + one for each if, `?:`,
 * loop, catch, `case` with a test, `&&` `||` `??` and their assignments, default value and optional `?.` link
 * in the record's own code. The counter takes a record's roots: a function's parameters and body (or a field
 * initialiser, a static block's body), none of them a function; nodes below them that are records of their own
 * are skipped, but not their decorators or computed key.
 */
export function cyclomaticCounter(ts: Ts, isOwnRecord: (node: TS.Node) => boolean, outerPartsOf: (node: TS.Node) => TS.Node[]): (roots: readonly TS.Node[]) => number {
  const K = ts.SyntaxKind;
  const LOGICAL = new Set([K.AmpersandAmpersandToken, K.BarBarToken, K.QuestionQuestionToken, K.AmpersandAmpersandEqualsToken, K.BarBarEqualsToken, K.QuestionQuestionEqualsToken]);

  /** `[a = 1] = x`, `({ a = 1 } = x)`: a default inside a pattern being assigned to. */
  const isDestructuringDefault = (node: TS.BinaryExpression): boolean => {
    let top: TS.Node = node;
    while (ts.isArrayLiteralExpression(top.parent) || ts.isObjectLiteralExpression(top.parent) || ts.isPropertyAssignment(top.parent)) top = top.parent;
    if (top === node) return false;
    const parent = top.parent;
    return (ts.isBinaryExpression(parent) && parent.left === top && parent.operatorToken.kind === K.EqualsToken) || ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === top);
  };

  const increments = (node: TS.Node): number => {
    switch (node.kind) {
      case K.IfStatement:
      case K.ConditionalExpression:
      case K.ForStatement:
      case K.ForInStatement:
      case K.ForOfStatement:
      case K.WhileStatement:
      case K.DoStatement:
      case K.CatchClause:
      case K.CaseClause:
        return 1;
      case K.BinaryExpression: {
        const binary = node as TS.BinaryExpression;
        if (LOGICAL.has(binary.operatorToken.kind)) return 1;
        return binary.operatorToken.kind === K.EqualsToken && isDestructuringDefault(binary) ? 1 : 0;
      }
      case K.Parameter:
        return (node as TS.ParameterDeclaration).initializer ? 1 : 0;
      case K.BindingElement:
        return (node as TS.BindingElement).initializer ? 1 : 0;
      case K.ShorthandPropertyAssignment:
        return (node as TS.ShorthandPropertyAssignment).objectAssignmentInitializer ? 1 : 0;
      case K.PropertyAccessExpression:
      case K.ElementAccessExpression:
      case K.CallExpression:
        return (node as TS.PropertyAccessExpression).questionDotToken ? 1 : 0;
      default:
        return 0;
    }
  };

  return (roots) => {
    let total = 1;
    const visitOwn = (node: TS.Node): void => {
      total += increments(node);
      node.forEachChild(visit);
    };
    const visit = (node: TS.Node): void => {
      if (!isOwnRecord(node)) visitOwn(node);
      else for (const part of outerPartsOf(node)) visitOwn(part);
    };
    for (const root of roots) visitOwn(root);
    return total;
  };
}
