import assert from 'node:assert/strict';
import fc from 'fast-check';
import { commentsOf } from '../../../../src/core/annotations';
import { LANGUAGES, languageById, type Language } from '../../../../src/core/annotations/languages';
import type { LexSpec, Meter } from '../../../../src/core/annotations/lexer';

/** Steps a linear lexer may take per character of input. */
const STEPS_PER_CHARACTER = 12;
/** Long enough that a lexer re-scanning the rest of the input from every opener takes hundreds of steps a character. */
const LENGTH = 6000;

/** Openers of every family and construct, each without its closer, and what makes them nest or run on. */
const OPENERS = [
  '//', '/*', '#', '--', ';', '%', '<!--', '<![CDATA[', '"', "'", '`', '"""', "'''", '${', '{', '}', '/', '/[', '[', ']', '\\',
  'r"', 'r#"', 'br"', "b'", 'R"', 'R"x', '#"', '##', '~r(', '~s"""', '[[', '[==[', '--[[', '--[=[', "'\\", "'a",
  '<<EOF\n', '<<-EOF\n', "<<'EOF'\n", '<< EOF\n', '<<~SQL\n', 'x = <<EOS\n', '<<<EOT\n', '<<A<<B\n',
  '<script', '<script>', '<style lang="scss">', '</script', '<', '>', '<?php ', '<?', '?>',
  '=begin', '=end', '=pod', '=cut', '%{', '%}', '{-', '-}', '#|', '|#', '<#', '#>', '@"', '$@"', 'url(',
  '```', '``', '~~~', '\t', '\n', '\r\n', '\r', ' ', '-', '=', 'x', 'EOF', 'TODO: x', '# TODO: x\n',
];

/** The openers of a spec's own rules, so that a language's constructs are always among the pieces. */
function ownOpeners(spec: LexSpec | undefined): string[] {
  if (!spec) return [];
  return [...(spec.lineComments ?? []), ...(spec.blockComments ?? []), ...(spec.strings ?? [])].map((rule) => rule.open);
}

const specOf = (language: Language): LexSpec | undefined => (language.family.type === 'lex' ? language.family.spec : undefined);

/** A few openers of the language's pieces (an opener without closer, nested openers, many tags). */
const openersOf = (language: Language): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...OPENERS, ...ownOpeners(specOf(language))), { minLength: 1, maxLength: 4 }).map((openers) => openers.join(''));

/** The unit a worst case repeats: a few openers, maybe followed by a run of others (a long run of one character, many openers before one closer). */
const unitOf = (language: Language): fc.Arbitrary<string> =>
  fc.oneof(
    openersOf(language),
    fc.tuple(openersOf(language), openersOf(language), fc.integer({ min: 2, max: 300 })).map(([head, run, times]) => head + run.repeat(times)),
  );

const repeatedTo = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length));

function stepsFor(text: string, language: Language): number {
  const meter: Meter = { steps: 0 };
  commentsOf(text, language, meter);
  return meter.steps;
}

/** Lexes the unit repeated to `length` characters and bounds the steps. */
function assertLinear(unit: string, length: number, language: Language): void {
  const text = repeatedTo(unit, length);
  const steps = stepsFor(text, language);
  assert.ok(steps <= STEPS_PER_CHARACTER * text.length, `${language.id}: ${steps} steps (${(steps / text.length).toFixed(1)} a character) for ${JSON.stringify(unit)} repeated to ${text.length} characters`);
}

describe('every lexer is linear in its input (steps counted, not time)', () => {
  for (const language of LANGUAGES) {
    it(`${language.id}: worst cases take at most ${STEPS_PER_CHARACTER} steps a character`, () => {
      fc.assert(fc.property(unitOf(language), (unit) => assertLinear(unit, LENGTH, language)), { numRuns: 25 });
    });
  }

  /** The issue's cases: 600 KB of unterminated here-documents took over 8 s, 960 KB of `<script` without `>` 109 s. */
  const ISSUE_CASES: Array<[string, string]> = [
    ['shell', 'cat <<EOF\n# TODO: x\n'],
    ['ruby', 'x = <<EOS\n# TODO: x\n'],
    ['perl', 'print <<EOS;\n# TODO: x\n'],
    ['php', '<?php $s = <<<EOT\n// TODO: x\n'],
    ['html', '<script\n'],
    ['html', 'TODO: x <style lang="x"\n'],
  ];
  for (const [id, unit] of ISSUE_CASES) {
    it(`${id}: ${JSON.stringify(unit)} repeated to 60,000 characters`, () => {
      assertLinear(unit, 60_000, languageById(id)!);
    });
  }
});
