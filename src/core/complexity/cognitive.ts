import type * as TS from 'typescript';

type Ts = typeof TS;

export interface CognitiveFigures {
  /** Equal to eslint-plugin-sonarjs 4.2 `cognitive-complexity` for a function. */
  cognitive: number;
  /** The deepest control-flow nesting level in the function's own code, as cognitive complexity counts nesting. */
  nesting: number;
}

interface Visit {
  node: TS.Node;
  nesting: number;
  /** A nested function standing where sonarjs opens a nesting level (a `?:` branch): see `leaked`. */
  leaks?: boolean;
}

/**
 * Cognitive complexity as sonarjs 4.2 computes it for one function: its own code only (nested functions are
 * scored on their own, with nesting counted from zero), +1 plus the nesting level for if, loops, switch,
 * catch and `?:`; +1 for else, else-if and labelled jumps; +1 for each `&&` that starts a run of `&&` in a
 * flattened sequence of `&&` `||` `??` (only `&&` counts); nothing for a uniform sequence directly in JSX `{}`.
 * `roots` are the function's parameters and body (or a field initialiser, a static block's body).
 */
export function cognitiveOf(ts: Ts, roots: readonly TS.Node[], isOwnFunction: (node: TS.Node) => boolean, outerPartsOf: (node: TS.Node) => TS.Node[]): CognitiveFigures {
  const K = ts.SyntaxKind;
  let cognitive = 0;
  let deepest = 0;
  const considered = new Set<TS.Node>();
  const stack: Visit[] = [];

  const isLogical = (node: TS.Node): node is TS.BinaryExpression =>
    ts.isBinaryExpression(node) && (node.operatorToken.kind === K.AmpersandAmpersandToken || node.operatorToken.kind === K.BarBarToken || node.operatorToken.kind === K.QuestionQuestionToken);
  const unwrap = (node: TS.Node): TS.Node => (ts.isParenthesizedExpression(node) ? unwrap(node.expression) : node);
  const outerParent = (node: TS.Node): TS.Node => (ts.isParenthesizedExpression(node.parent) ? outerParent(node.parent) : node.parent);

  /** The logical expressions of a sequence in source order (parentheses are not nodes in ESTree). */
  const flatten = (root: TS.BinaryExpression): TS.BinaryExpression[] => {
    const order: TS.BinaryExpression[] = [];
    const pending: Array<TS.Node | { emit: TS.BinaryExpression }> = [root];
    while (pending.length > 0) {
      const next = pending.pop()!;
      if ('emit' in next) {
        order.push(next.emit);
        continue;
      }
      const node = unwrap(next);
      if (!isLogical(node)) continue;
      pending.push(node.right, { emit: node }, node.left);
    }
    return order;
  };

  /** A sequence of one operator straight inside JSX `{}` (`{a && b && <X/>}`) adds nothing; null when it is not one. */
  const jsxShortCircuit = (root: TS.BinaryExpression): TS.BinaryExpression[] | null => {
    const container = outerParent(root);
    if (!ts.isJsxExpression(container) || container.dotDotDotToken) return null;
    const operator = root.operatorToken.kind;
    const nodes: TS.BinaryExpression[] = [];
    const pending: TS.Node[] = [root];
    while (pending.length > 0) {
      const node = unwrap(pending.pop()!);
      if (ts.isConditionalExpression(node)) return null;
      if (!isLogical(node)) continue;
      if (node.operatorToken.kind !== operator) return null;
      nodes.push(node);
      pending.push(node.left, node.right);
    }
    return nodes;
  };

  const visitLogical = (root: TS.BinaryExpression): void => {
    if (considered.has(root)) return;
    const jsx = jsxShortCircuit(root);
    if (jsx) {
      for (const node of jsx) considered.add(node);
      return;
    }
    let previous: TS.SyntaxKind | undefined;
    for (const node of flatten(root)) {
      considered.add(node);
      const operator = node.operatorToken.kind;
      if (operator === K.AmpersandAmpersandToken && previous !== operator) cognitive++;
      previous = operator;
    }
  };

  /**
   * sonarjs raises the enclosing function's nesting on entering a nesting node, and lowers it on leaving one;
   * when the node is itself a function, the raise goes to the enclosing function and the lowering to the
   * nested one, so every later structural increment of the enclosing function costs one more. We visit in
   * the same order as ESLint (source order, depth first) to count them alike.
   */
  let leaked = 0;
  const structural = (nesting: number): void => {
    cognitive += 1 + nesting + leaked;
  };
  /** Children to visit, in source order; a nested function is scored on its own, but its decorators and computed key are ours. */
  const visit = (children: ReadonlyArray<readonly [TS.Node | undefined, number, 'slot'?]>): void => {
    for (let k = children.length - 1; k >= 0; k--) {
      const [node, nesting, slot] = children[k]!;
      if (!node) continue;
      if (slot && isOwnFunction(unwrap(node))) stack.push({ node: unwrap(node), nesting, leaks: true });
      else if (!isOwnFunction(node)) stack.push({ node, nesting });
      else for (const part of outerPartsOf(node).reverse()) stack.push({ node: part, nesting });
    }
  };
  const childrenOf = (node: TS.Node, nesting: number): Array<readonly [TS.Node, number]> => {
    const children: Array<readonly [TS.Node, number]> = [];
    node.forEachChild((child) => {
      children.push([child, nesting]);
    });
    return children;
  };
  visit(roots.map((root) => [root, 0] as const));

  while (stack.length > 0) {
    const { node, nesting, leaks } = stack.pop()!;
    if (leaks) {
      leaked++;
      visit(outerPartsOf(node).map((part) => [part, nesting] as const));
      continue;
    }
    if (nesting > deepest) deepest = nesting;
    switch (node.kind) {
      case K.IfStatement: {
        const statement = node as TS.IfStatement;
        const elseIf = ts.isIfStatement(statement.parent) && statement.parent.elseStatement === statement;
        if (elseIf) cognitive++;
        else structural(nesting);
        const orElse = statement.elseStatement;
        const plainElse = orElse !== undefined && !ts.isIfStatement(orElse);
        if (plainElse) cognitive++;
        visit([[statement.expression, nesting], [statement.thenStatement, nesting + 1, 'slot'], [orElse, plainElse ? nesting + 1 : nesting, plainElse ? 'slot' : undefined]]);
        continue;
      }
      case K.ForStatement:
      case K.ForInStatement:
      case K.ForOfStatement:
      case K.WhileStatement:
      case K.DoStatement: {
        structural(nesting);
        const body = (node as TS.IterationStatement).statement;
        visit(childrenOf(node, nesting).map(([child]) => (child === body ? [child, nesting + 1, 'slot'] : [child, nesting])));
        continue;
      }
      case K.SwitchStatement: {
        const statement = node as TS.SwitchStatement;
        structural(nesting);
        visit([[statement.expression, nesting], ...statement.caseBlock.clauses.map((clause) => [clause, nesting + 1] as const)]);
        continue;
      }
      case K.CatchClause: {
        const clause = node as TS.CatchClause;
        structural(nesting);
        visit([[clause.variableDeclaration, nesting], [clause.block, nesting + 1]]);
        continue;
      }
      case K.ConditionalExpression: {
        const conditional = node as TS.ConditionalExpression;
        structural(nesting);
        visit([[conditional.condition, nesting], [conditional.whenTrue, nesting + 1, 'slot'], [conditional.whenFalse, nesting + 1, 'slot']]);
        continue;
      }
      case K.BreakStatement:
      case K.ContinueStatement:
        if ((node as TS.BreakOrContinueStatement).label) cognitive++;
        continue;
      case K.BinaryExpression:
        if (isLogical(node)) visitLogical(node);
        break;
    }
    visit(childrenOf(node, nesting));
  }
  return { cognitive, nesting: deepest };
}
