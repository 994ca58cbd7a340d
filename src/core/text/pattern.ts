import { RE2JS } from 're2js';

/** A user-supplied regular expression, matched in time linear in the text (RE2: no backtracking). */
export interface Pattern {
  readonly source: string;
  test(text: string): boolean;
  /** Every non-overlapping match, left to right. */
  matchAll(text: string): string[];
}

/** A pattern RE2 cannot compile: a syntax error, or syntax it does not support (backreferences, lookaround). */
export class PatternSyntaxError extends Error {}

export function compilePattern(source: string, options: { ignoreCase?: boolean } = {}): Pattern {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    const detail = (error as Error).message.replace(/^error parsing regexp: /, '');
    throw new PatternSyntaxError(`not a pattern the linear-time matcher accepts (${detail}); backreferences and lookaround are not supported`);
  }
  return {
    source,
    test: (text) => compiled.test(text),
    matchAll(text) {
      const matcher = compiled.matcher(text);
      const found: string[] = [];
      while (matcher.find()) found.push(matcher.group() ?? '');
      return found;
    },
  };
}

/** Why `source` cannot be a pattern, or undefined when it can. */
export function patternProblem(source: string): string | undefined {
  try {
    compilePattern(source);
    return undefined;
  } catch (error) {
    if (error instanceof PatternSyntaxError) return error.message;
    throw error;
  }
}
