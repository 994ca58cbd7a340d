import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { DEFAULT_TAGS } from '../../src/core/annotations';
import { HOSTILE_TEXTS } from './hostile';
import { git, initRepo } from './tempDir';

/** One generated file: its name as bytes (not always valid UTF-8), its content, and the annotations written in it. */
export interface HostileFile {
  name: Buffer;
  content: Buffer;
  annotations: string[];
}

export interface HostileRepository {
  files: HostileFile[];
  /** The text of .debt/config.json, when there is one. */
  config: string | undefined;
  /** The message of the one commit holding it all, when it is a git repository. */
  commitMessage: string | undefined;
}

/** How a language holds an annotation on a line of its own, and what its comment text may not hold. */
interface CommentStyle {
  extension: string;
  header?: string;
  line: (annotation: string) => string;
  code: string;
  closer?: string;
}

const hashLine = (annotation: string): string => `# ${annotation}`;
const slashLine = (annotation: string): string => `// ${annotation}`;
const markupLine = (annotation: string): string => `<!-- ${annotation} -->`;

const STYLES: CommentStyle[] = [
  { extension: 'js', line: slashLine, code: 'const a = "# not a TODO";' },
  { extension: 'ts', line: slashLine, code: 'let b: string = `// TODO not ${a}`;' },
  { extension: 'c', line: slashLine, code: 'int c = 1;' },
  { extension: 'go', line: slashLine, code: 'x := "/* TODO: no */"' },
  { extension: 'py', line: hashLine, code: 'd = "# TODO: no"' },
  { extension: 'sh', line: hashLine, code: 'echo "# TODO: no" a#b' },
  { extension: 'rb', line: hashLine, code: 'e = 1 << 2' },
  { extension: 'yaml', line: hashLine, code: 'key: "# TODO: no"' },
  { extension: 'sql', line: (a) => `-- ${a}`, code: "SELECT '-- TODO: no';" },
  { extension: 'html', line: markupLine, code: '<p title="a -- b">TODO: prose, no comment</p>', closer: '-->' },
  { extension: 'md', line: markupLine, code: 'Use `<!-- TODO: no -->` for this.', closer: '-->' },
  { extension: 'php', header: '<?php', line: slashLine, code: '$f = "// TODO: no";', closer: '?>' },
];

/** What annotation text, META and names are made of: escapes, markup, formulas, quotes, bidi overrides, links. */
const HOSTILE_PIECES = [
  ...HOSTILE_TEXTS,
  '\x07', '\x08', '\x7f', '\x9b', '\u202e', '\u2066', '\u2028', '\t', '\v', '\f',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</script>', '"><b>', "'", '`', '&amp;', '&', '|', '\\',
  '=HYPERLINK("http://x")', '+1+1', '-2', '@SUM(A1)', '＝1', '![x](http://remote/x.png)', '[d](javascript:alert(1))',
  '<http://remote/a>', '**b**', '# h', '${x}', '$(rm -rf ~)', '%s', '{{x}}', ',', ';', ':', '=', '@bob', '#42',
  '日本語', '😀', '\ud800', 'é', ' ', 'x', 'TODO', 'FIXME(', ')',
];

const hostileText = (maxPieces: number): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: maxPieces })
    .map((pieces) => pieces.join('').replace(/[\n\r\0]/g, ' '));

/** Text a comment of the style can hold: one line, without the style's closer. */
const inComment = (text: string, style: CommentStyle): string => (style.closer ? text.split(style.closer).join('') : text);

const annotation = (style: CommentStyle): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...DEFAULT_TAGS), fc.option(hostileText(4), { nil: undefined }), hostileText(8))
    .map(([tag, meta, text]) => inComment(`${tag}${meta === undefined ? '' : `(${meta})`}: ${text}`, style));

/** Bytes of a name: hostile pieces, a leading `-`, and bytes that are not UTF-8. */
const NAME_PIECES: Buffer[] = [
  ...['a', ' ', '\t', '\n', '"', "'", '-', '--x', '<b>', '&', '`', '$(x)', ';', '|', 'é', '日本', '\u202e', '\x1b[2J', ',', '=1+1', '@x', '#', '%20', '\\', '*', '?', '[x]', '{a,b}'].map((piece) => Buffer.from(piece)),
  Buffer.from([0xe9]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xc3, 0x28]),
];

const nameBytes: fc.Arbitrary<Buffer> = fc.array(fc.constantFrom(...NAME_PIECES), { minLength: 1, maxLength: 4 }).map((pieces) => Buffer.concat(pieces));

const hostileFile = (index: number): fc.Arbitrary<HostileFile> =>
  fc.constantFrom(...STYLES).chain((style) =>
    fc
      .record({
        folder: fc.option(nameBytes, { nil: undefined }),
        name: nameBytes,
        annotations: fc.array(annotation(style), { minLength: 1, maxLength: 5 }),
        newline: fc.constantFrom('\n', '\r\n'),
        bom: fc.boolean(),
        invalidByte: fc.boolean(),
      })
      .map(({ folder, name, annotations, newline, bom, invalidByte }) => {
        const lines = [...(style.header ? [style.header] : []), ...annotations.flatMap((a) => [style.line(a), style.code])];
        const text = Buffer.from(`${bom ? '\ufeff' : ''}${lines.join(newline)}${newline}`);
        const base = Buffer.concat([name, Buffer.from(`-${index}.${style.extension}`)]);
        return {
          name: folder ? Buffer.concat([folder, Buffer.from(`-${index}/`), base]) : base,
          content: invalidByte ? Buffer.concat([text, Buffer.from(`${style.line('x')}`), Buffer.from([0xff, 0x0a])]) : text,
          annotations,
        };
      }),
  );

/** Config values the schema must reject or that change no count: bad types, out of bounds, hostile patterns and strings, prototype keys. */
const CONFIG_ENTRIES: Record<string, string[]> = {
  tags: ['[]', '["\\u001b[2J"]', '"TODO"', JSON.stringify([...DEFAULT_TAGS, 'X-1'])],
  fixPattern: ['"(a|a)*b"', '"((\\\\w+)\\\\s?)+$"', '"(\\\\w|\\\\d)+$x"', '"(?<=x)y"', '"["', '"\\u001b]8;;x"', '1'],
  incidentPattern: ['"(x+x+)+y"', '"\\\\"', 'null'],
  capacityHours: ['-1', '1e309', '"x"', 'null', '0.5', '100000', '100001'],
  allocationPercent: ['101', '-5', '50', '"20%"'],
  sprintLengthDays: ['0', '91', '7', '1.5'],
  firstSprintStart: ['"2026-02-30"', '"\\u001b[2J"', '"9999-12-31"', '"0000-01-01"'],
  maxFileSizeBytes: ['-1', '"big"', '0', '1e6'],
  exclude: ['[""]', '["\\u001b"]', '["["]', '["zzz/**"]', '"*"'],
  defaultPrincipal: ['{"__proto__": 5, "TODO": -1}', '{"TODO": "x"}', '[]'],
  ['__proto__']: ['{"polluted": true}'],
  '\u001b[2Jkey': ['"\\u001b]8;;http://evil\\u0007"'],
};

const configText: fc.Arbitrary<string> = fc.oneof(
  fc
    .subarray(Object.keys(CONFIG_ENTRIES), { minLength: 1 })
    .chain((keys) => fc.tuple(...keys.map((key) => fc.constantFrom(...CONFIG_ENTRIES[key]!).map((value) => `${JSON.stringify(key)}: ${value}`))))
    .map((entries) => `{${entries.join(', ')}}`),
  fc.constantFrom('{"tags": [', '\ufeff{"capacityHours": 10}', 'null', '[]', '"\u001b[2J"', '{"a": 1} x', ''),
);

/** A repository of one to four files (names, content and META hostile), with or without a hostile config. */
export const hostileRepository = (): fc.Arbitrary<HostileRepository> =>
  fc.record({
    files: fc.tuple(...[0, 1, 2, 3].map(hostileFile)).chain((files) => fc.integer({ min: 1, max: 4 }).map((count) => files.slice(0, count))),
    config: fc.option(configText, { nil: undefined }),
    commitMessage: fc.option(hostileText(8).map((text) => `fix: ${text}`), { nil: undefined }),
  });

/** Writes the repository under root, file names by their bytes, and commits it when it is a git repository. */
export function writeHostileRepository(root: string, repository: HostileRepository): void {
  for (const file of repository.files) {
    const slash = file.name.lastIndexOf('/');
    if (slash >= 0) mkdirSync(Buffer.concat([Buffer.from(`${root}/`), file.name.subarray(0, slash)]), { recursive: true });
    writeFileSync(Buffer.concat([Buffer.from(`${root}/`), file.name]), file.content);
  }
  if (repository.config !== undefined) {
    mkdirSync(path.join(root, '.debt'), { recursive: true });
    writeFileSync(path.join(root, '.debt', 'config.json'), repository.config);
  }
  if (repository.commitMessage === undefined) return;
  initRepo(root);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '--allow-empty', '-m', repository.commitMessage]);
}
