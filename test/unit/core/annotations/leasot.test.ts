import assert from 'node:assert/strict';
import path from 'node:path';
import { DEFAULT_TAGS, findAnnotations, languageOf, tagMatcher } from '../../../../src/core/annotations';
import { FAMILIES, fixtureFiles, fixtureText } from './fixtures';

/**
 * A differential test against leasot 14 on the language fixtures: every item leasot finds in a real comment we
 * find on the same line, and every difference, item by item (`line:TAG`), has a named reason. The test fails when
 * a difference appears or goes away, so a change in either tool shows up here.
 */

type Leasot = typeof import('leasot');

/** Why only one of the two tools reports an item. */
const WHY = {
  trailing: 'a comment after code on its line: leasot reads only line comments that start their line',
  decoration: 'more comment characters before the tag (`///`, `//!`, `%%`, `----`): leasot allows only blanks between the comment marker and the tag',
  nested: 'a line after an inner comment of a nested block comment: leasot ends the block at the first closer',
  haskellBlock: 'a {- -} block comment: leasot reads Haskell line comments only',
  rubyBlock: 'a Ruby =begin/=end block: leasot reads Ruby line comments only',
  perlPod: 'Perl POD: leasot reads Perl line comments only',
  phpHash: 'a PHP # comment: leasot reads PHP with its C-style parser',
  matlab: 'a MATLAB % comment: leasot reads .m as Objective-C',
  htmlMultiLine: 'a line of a multi-line <!-- --> comment: leasot reads only one-line HTML comments',
  htmlEmbedded: 'a comment in an embedded <script> or <style>: leasot reads .html with its template parser only',
  luaLongComment: 'a --[[ ]] long comment with code after it on its line: leasot wants the tag on a line of its own',
  jsxText: 'JSX text (a known limitation of ours): "//" in JSX text reads as a comment to our JavaScript lexer',
  string: 'inside a string, raw string, text block or template literal: leasot matches comment syntax in the raw text',
  heredoc: 'inside a here-document or heredoc string',
  docstring: 'a one-line Python docstring: leasot reads """TODO""" as a comment; to us it is a string',
  markdownCode: 'inside a Markdown code span or fenced code block',
  lowerCase: 'a lower-case tag: leasot matches tags in any case; ours are case-sensitive by design',
  jsxApostrophe: 'a real comment we miss (a known limitation of ours): the apostrophe in JSX text opens a string',
} as const;
type Why = keyof typeof WHY;

/** Per fixture: the items only leasot reports, and the items only we report, by reason. */
interface Differences {
  leasot?: Partial<Record<Why, string[]>>;
  ours?: Partial<Record<Why, string[]>>;
}

const DIFFERENCES: Record<string, Differences> = {
  'c-family/Sample.cs': { leasot: { string: ['9:XXX'] }, ours: { trailing: ['6:FIXME', '7:HACK', '10:XXX', '11:BUG'], decoration: ['13:OPTIMIZE'] } },
  'c-family/Sample.java': { leasot: { string: ['6:FIXME'] }, ours: { trailing: ['7:FIXME', '8:HACK', '9:XXX'] } },
  'c-family/Sample.scala': { leasot: { string: ['6:XXX'] }, ours: { trailing: ['3:FIXME', '4:HACK', '7:XXX', '8:BUG', '9:OPTIMIZE'] } },
  'c-family/sample.c': { leasot: { string: ['4:FIXME'] }, ours: { trailing: ['5:FIXME', '6:HACK', '7:XXX', '12:REFACTOR'] } },
  'c-family/sample.cpp': { leasot: { string: ['4:TODO'] }, ours: { trailing: ['5:FIXME', '7:XXX', '8:BUG'] } },
  'c-family/sample.css': { leasot: { string: ['2:FIXME', '3:HACK'] } },
  'c-family/sample.go': { leasot: { string: ['5:HACK'] }, ours: { trailing: ['5:FIXME', '7:HACK', '8:XXX'] } },
  'c-family/sample.js': { ours: { trailing: ['2:TODO', '4:FIXME', '5:HACK', '7:XXX'] } },
  'c-family/sample.jsx': { leasot: { jsxApostrophe: ['5:FIXME'] }, ours: { jsxText: ['4:TODO'] } },
  'c-family/sample.kt': { leasot: { string: ['10:XXX'] }, ours: { nested: ['5:FIXME'], trailing: ['11:XXX', '12:BUG'] } },
  'c-family/sample.mjs': { ours: { trailing: ['4:FIXME'] } },
  'c-family/sample.php': { ours: { phpHash: ['5:FIXME'], trailing: ['6:HACK', '7:XXX', '14:OPTIMIZE', '17:REFACTOR'] } },
  'c-family/sample.rs': {
    ours: { decoration: ['1:TODO', '13:TODO'], trailing: ['2:FIXME', '8:BUG', '9:OPTIMIZE', '10:REFACTOR'], nested: ['6:XXX'] },
  },
  'c-family/sample.scss': { ours: { trailing: ['2:FIXME', '3:HACK', '5:BUG'] } },
  'c-family/sample.swift': { leasot: { string: ['4:HACK'] }, ours: { trailing: ['2:FIXME', '5:HACK', '8:OPTIMIZE'], nested: ['7:BUG'] } },
  'c-family/sample.ts': {
    leasot: { string: ['10:FIXME', '12:TODO', '13:HACK'], lowerCase: ['28:TODO'] },
    ours: { trailing: ['6:FIXME', '14:HACK', '15:XXX', '16:OPTIMIZE'] },
  },
  'dashes/Sample.hs': { ours: { trailing: ['5:FIXME', '10:BUG', '11:OPTIMIZE'], haskellBlock: ['6:HACK', '8:XXX'] } },
  'dashes/sample.lua': { leasot: { string: ['4:HACK'] }, ours: { luaLongComment: ['7:BUG'] } },
  'dashes/sample.sql': { ours: { trailing: ['2:FIXME', '3:XXX'], decoration: ['8:OPTIMIZE'] } },
  'hash/sample.ex': { leasot: { heredoc: ['4:FIXME'] }, ours: { trailing: ['5:FIXME', '6:HACK', '7:XXX', '8:BUG', '9:OPTIMIZE'] } },
  'hash/sample.pl': { leasot: { heredoc: ['7:XXX'] }, ours: { trailing: ['4:FIXME', '5:HACK'], perlPod: ['13:BUG'] } },
  'hash/sample.py': {
    leasot: { docstring: ['4:FIXME'], string: ['10:BUG'] },
    ours: { trailing: ['8:FIXME', '11:HACK', '12:XXX', '13:BUG', '14:OPTIMIZE'] },
  },
  'hash/sample.rb': { ours: { trailing: ['3:FIXME', '4:HACK', '9:BUG', '13:REFACTOR'], rubyBlock: ['11:OPTIMIZE'] } },
  'hash/sample.sh': { leasot: { heredoc: ['9:BUG'] }, ours: { trailing: ['3:FIXME', '4:HACK', '8:XXX', '11:BUG', '12:OPTIMIZE'] } },
  'hash/sample.yaml': { ours: { trailing: ['2:FIXME', '3:HACK', '4:XXX', '5:BUG'] } },
  'markup/Sample.svelte': { leasot: { string: ['3:FIXME'] }, ours: { trailing: ['2:TODO'] } },
  'markup/Sample.vue': { ours: { trailing: ['8:HACK'] } },
  'markup/sample.html': { ours: { htmlEmbedded: ['6:FIXME', '10:HACK'], htmlMultiLine: ['19:BUG', '22:OPTIMIZE'] } },
  'markup/sample.md': { leasot: { markdownCode: ['5:FIXME', '6:HACK', '9:XXX', '13:BUG'] }, ours: { htmlMultiLine: ['19:FIXME'] } },
  'percent/sample.erl': { ours: { decoration: ['1:TODO', '7:BUG'], trailing: ['4:FIXME', '5:HACK', '6:XXX'] } },
  'percent/sample.m': { ours: { matlab: ['1:TODO', '2:FIXME', '3:HACK', '4:XXX', '6:BUG', '9:OPTIMIZE'] } },
  'percent/sample.tex': { ours: { trailing: ['4:FIXME', '5:HACK'], decoration: ['7:XXX'] } },
  'semicolon/sample.clj': { ours: { trailing: ['3:FIXME', '4:HACK', '5:XXX'] } },
};

/** Fixtures leasot 14 cannot read: it has no parser for their extension (it knows `.R` but not `.r`). */
const UNSUPPORTED = [
  'c-family/sample.dart',
  'hash/Dockerfile',
  'hash/Makefile',
  'hash/sample.ps1',
  'hash/sample.r',
  'hash/sample.toml',
  'markup/sample.xml',
  'semicolon/sample.asm',
  'semicolon/sample.ini',
  'semicolon/sample.lisp',
];

const tags = tagMatcher(DEFAULT_TAGS);
const allFixtures = (): string[] => FAMILIES.flatMap((family) => fixtureFiles(family).map((file) => `${family}/${file}`));
const split = (fixture: string): [string, string] => fixture.split('/') as [string, string];

function ours(fixture: string): string[] {
  const [family, file] = split(fixture);
  return findAnnotations(fixtureText(family, file), languageOf(file)!, fixture, tags).map((a) => `${a.line}:${a.tag}`);
}

async function theirs(leasot: Leasot, fixture: string): Promise<string[]> {
  const [family, file] = split(fixture);
  const items = await leasot.parse(fixtureText(family, file), { extension: path.extname(file), filename: fixture, customTags: DEFAULT_TAGS, withInlineFiles: true });
  return items.map((t) => `${t.line}:${t.tag}`);
}

const listed = (byReason: Partial<Record<Why, string[]>> | undefined): string[] => Object.values(byReason ?? {}).flat().sort();
const only = (these: string[], those: string[]): string[] => [...new Set(these.filter((x) => !those.includes(x)))].sort();

describe('differential test against leasot', () => {
  let leasot: Leasot;
  before(async () => {
    leasot = await import('leasot');
  });

  it('leaves out exactly the fixtures leasot has no parser for', () => {
    assert.deepEqual(allFixtures().filter((fixture) => !leasot.isExtensionSupported(path.extname(fixture))), UNSUPPORTED);
  });

  it('uses every reason it explains, and no other', () => {
    const used = new Set(Object.values(DIFFERENCES).flatMap((d) => [...Object.keys(d.leasot ?? {}), ...Object.keys(d.ours ?? {})]));
    assert.deepEqual([...used].sort(), Object.keys(WHY).sort());
  });

  it('names differences only for fixtures that exist and leasot reads', () => {
    const readable = allFixtures().filter((fixture) => !UNSUPPORTED.includes(fixture));
    assert.deepEqual(Object.keys(DIFFERENCES).filter((fixture) => !readable.includes(fixture)), []);
  });

  for (const fixture of allFixtures().filter((f) => !UNSUPPORTED.includes(f))) {
    it(`agrees on ${fixture} but for the named differences`, async () => {
      const [mine, leasots] = [ours(fixture), await theirs(leasot, fixture)];
      assert.deepEqual(only(leasots, mine), listed(DIFFERENCES[fixture]?.leasot), 'items only leasot reports');
      assert.deepEqual(only(mine, leasots), listed(DIFFERENCES[fixture]?.ours), 'items only we report');
    });
  }
});
