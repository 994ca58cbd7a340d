import { printParseErrorCode, visit } from 'jsonc-parser';

/**
 * Parses JSON text (a leading BOM allowed). A syntax error says where it is and what was expected,
 * never the text itself: JSON.parse's own message quotes the file's first characters.
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  const json = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch {
    return { ok: false, problem: `not valid JSON: ${syntaxErrorOf(json)}` };
  }
}

function syntaxErrorOf(json: string): string {
  let found: string | undefined;
  visit(
    json,
    {
      onError(code, _offset, _length, line, character) {
        found ??= `${words(printParseErrorCode(code))} at line ${line + 1}, column ${character + 1}`;
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return found ?? 'a character JSON does not allow';
}

const words = (code: string): string => code.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
