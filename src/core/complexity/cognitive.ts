import type * as TS from 'typescript';

type Ts = typeof TS;

export interface CognitiveFigures {
  /** Equal to eslint-plugin-sonarjs 4.2 `cognitive-complexity` for a function. */
  cognitive: number;
  /** The deepest control-flow nesting level in the function's own code, as cognitive complexity counts nesting. */
  nesting: number;
}

/**
 * Cognitive complexity as sonarjs 4.2 computes it for one function: its own code only (nested functions are
 * scored on their own, with nesting counted from zero), +1 plus the nesting level for if, loops, switch,
 * catch and `?:`; +1 for else, else-if and labelled jumps; +1 for each `&&` that starts a run of `&&` in a
 * flattened sequence of `&&` `||` `??` (only `&&` counts); nothing for a uniform sequence directly in JSX `{}`.
 * The counter takes a function's roots: its parameters and body (or a field initialiser, a static block's body).
 * Recursive: a file deep enough to overflow the stack was already too deep for the parser.
 */
export function cognitiveCounter(ts: Ts, isOwnFunction: (node: TS.Node) => boolean, outerPartsOf: (node: TS.Node) => TS.Node[]): (roots: readonly TS.Node[]) => CognitiveFigures {
  const K = ts.SyntaxKind;
  const isLogical = (node: TS.Node): node is TS.BinaryExpression => {
    if (node.kind !== K.BinaryExpression) return false;
    const operator = (node as TS.BinaryExpression).operatorToken.kind;
    return operator === K.AmpersandAmpersandToken || operator === K.BarBarToken || operator === K.QuestionQuestionToken;
  };
  const unwrap = (node: TS.Node): TS.Node => (ts.isParenthesizedExpression(node) ? unwrap(node.expression) : node);
  const outerParent = (node: TS.Node): TS.Node => (ts.isParenthesizedExpression(node.parent) ? outerParent(node.parent) : node.parent);

  /** The logical expressions of a sequence in source order (parentheses are not nodes in ESTree). */
  const flatten = (node: TS.Node, order: TS.BinaryExpression[]): TS.BinaryExpression[] => {
    const inner = unwrap(node);
    if (isLogical(inner)) {
      flatten(inner.left, order);
      order.push(inner);
      flatten(inner.right, order);
    }
    return order;
  };

  /** A sequence of one operator straight inside JSX `{}` (`{a && b && <X/>}`) adds nothing; null when it is not one. */
  const jsxShortCircuit = (root: TS.BinaryExpression): TS.BinaryExpression[] | null => {
    const container = outerParent(root);
    if (!ts.isJsxExpression(container) || container.dotDotDotToken) return null;
    const uniform = (node: TS.Node, nodes: TS.BinaryExpression[]): boolean => {
      const inner = unwrap(node);
      if (ts.isConditionalExpression(inner)) return false;
      if (!isLogical(inner)) return true;
      if (inner.operatorToken.kind !== root.operatorToken.kind) return false;
      nodes.push(inner);
      return uniform(inner.left, nodes) && uniform(inner.right, nodes);
    };
    const nodes: TS.BinaryExpression[] = [];
    return uniform(root, nodes) ? nodes : null;
  };

  return (roots) => {
    let cognitive = 0;
    let deepest = 0;
    /**
     * sonarjs raises the enclosing function's nesting on entering a nesting node and lowers it on leaving one;
     * when that node is itself a function (a `?:` branch), the raise goes to the enclosing function and the
     * lowering to the nested one, so every later structural increment of the enclosing function costs one
     * more. Visiting in ESLint's order (source order, depth first) counts them alike.
     */
    let leaked = 0;
    const considered = new Set<TS.Node>();

    const visitLogical = (root: TS.BinaryExpression): void => {
      if (considered.has(root)) return;
      const jsx = jsxShortCircuit(root);
      if (jsx) {
        for (const node of jsx) considered.add(node);
        return;
      }
      let previous: TS.SyntaxKind | undefined;
      for (const node of flatten(root, [])) {
        considered.add(node);
        const operator = node.operatorToken.kind;
        if (operator === K.AmpersandAmpersandToken && previous !== operator) cognitive++;
        previous = operator;
      }
    };
    const structural = (nesting: number): void => {
      cognitive += 1 + nesting + leaked;
    };
    /** A node of this function; a nested function is scored on its own, but its decorators and computed key are ours. */
    const visit = (node: TS.Node | undefined, nesting: number): void => {
      if (!node) return;
      if (!isOwnFunction(node)) visitOwn(node, nesting);
      else for (const part of outerPartsOf(node)) visitOwn(part, nesting);
    };
    /** A node where sonarjs opens a nesting level: a function standing there leaks it. */
    const visitSlot = (node: TS.Node | undefined, nesting: number): void => {
      if (node && isOwnFunction(unwrap(node))) leaked++;
      else visit(node, nesting);
    };
    const visitChildren = (node: TS.Node, nesting: number): void => {
      node.forEachChild((child) => visit(child, nesting));
    };

    const visitOwn = (node: TS.Node, nesting: number): void => {
      if (nesting > deepest) deepest = nesting;
      switch (node.kind) {
        case K.IfStatement: {
          const statement = node as TS.IfStatement;
          const elseIf = ts.isIfStatement(statement.parent) && statement.parent.elseStatement === statement;
          if (elseIf) cognitive++;
          else structural(nesting);
          visit(statement.expression, nesting);
          visitSlot(statement.thenStatement, nesting + 1);
          const orElse = statement.elseStatement;
          if (orElse && ts.isIfStatement(orElse)) visit(orElse, nesting);
          else if (orElse) {
            cognitive++;
            visitSlot(orElse, nesting + 1);
          }
          return;
        }
        case K.ForStatement:
        case K.ForInStatement:
        case K.ForOfStatement:
        case K.WhileStatement:
        case K.DoStatement: {
          structural(nesting);
          const body = (node as TS.IterationStatement).statement;
          node.forEachChild((child) => (child === body ? visitSlot(child, nesting + 1) : visit(child, nesting)));
          return;
        }
        case K.SwitchStatement: {
          const statement = node as TS.SwitchStatement;
          structural(nesting);
          visit(statement.expression, nesting);
          for (const clause of statement.caseBlock.clauses) visit(clause, nesting + 1);
          return;
        }
        case K.CatchClause: {
          const clause = node as TS.CatchClause;
          structural(nesting);
          visit(clause.variableDeclaration, nesting);
          visit(clause.block, nesting + 1);
          return;
        }
        case K.ConditionalExpression: {
          const conditional = node as TS.ConditionalExpression;
          structural(nesting);
          visit(conditional.condition, nesting);
          visitSlot(conditional.whenTrue, nesting + 1);
          visitSlot(conditional.whenFalse, nesting + 1);
          return;
        }
        case K.BreakStatement:
        case K.ContinueStatement:
          if ((node as TS.BreakOrContinueStatement).label) cognitive++;
          return;
        case K.BinaryExpression:
          if (isLogical(node)) visitLogical(node);
          break;
      }
      visitChildren(node, nesting);
    };

    for (const root of roots) visit(root, 0);
    return { cognitive, nesting: deepest };
  };
}
