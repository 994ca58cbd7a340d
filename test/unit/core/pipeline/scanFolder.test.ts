import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { scanFolder as scan, ScanInputError } from '../../../../src/core/pipeline/scanFolder';
import type { AnnotationItem, ScanResult } from '../../../../src/core/model';
import { git, initRepo, makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

const skipReasonOf = (result: ScanResult, file: string): string | undefined => result.skippedFiles.find((s) => s.file === file)?.reason;
const itemsOf = (result: ScanResult, file: string) => (result.items as AnnotationItem[]).filter((item) => item.file === file).map(({ tag, text, line, column }) => ({ tag, text, line, column }));

describe('scan', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
  });
  afterEach(() => removeDir(root));

  for (const noGit of [true, false]) {
    describe(noGit ? 'walking the folder' : 'listing with git', () => {
      beforeEach(() => {
        if (!noGit) initRepo(root);
      });

      it('finds annotations in files named with spaces, unicode and a leading dash', async () => {
        writeFiles(root, {
          'with space.py': '# TODO: space\n',
          'ünïcødé-日本.js': '// FIXME: unicode\n',
          '-leading.sh': 'echo hi # HACK: dash\n',
        });
        const result = await scan(root, { noGit });
        assert.deepEqual(itemsOf(result, 'with space.py'), [{ tag: 'TODO', text: 'space', line: 1, column: 3 }]);
        assert.deepEqual(itemsOf(result, 'ünïcødé-日本.js'), [{ tag: 'FIXME', text: 'unicode', line: 1, column: 4 }]);
        assert.deepEqual(itemsOf(result, '-leading.sh'), [{ tag: 'HACK', text: 'dash', line: 1, column: 11 }]);
        assert.equal(result.stats.lister, noGit ? 'walk' : 'git');
      });

      it('honours .gitignore, including nested ones and negations', async () => {
        writeFiles(root, {
          '.gitignore': 'ignored.js\n*.log\n!keep.log\n',
          'ignored.js': '// TODO: ignored\n',
          'sub/.gitignore': 'local.py\n',
          'sub/local.py': '# TODO: ignored too\n',
          'sub/kept.py': '# TODO: kept\n',
          'kept.js': '// TODO: kept\n',
        });
        const files = (await scan(root, { noGit })).items.map((item) => item.file).sort();
        assert.deepEqual(files, ['kept.js', 'sub/kept.py']);
      });

      it('leaves out the default folders, minified files and lockfiles, and counts them', async () => {
        writeFiles(root, {
          'node_modules/pkg/index.js': '// TODO: dependency\n',
          'dist/out.js': '// TODO: built\n',
          'src/app.min.js': '// TODO: minified by name\n',
          'yarn.lock': '# TODO: lock\n',
          'src/app.js': '// TODO: mine\n',
        });
        const result = await scan(root, { noGit });
        assert.deepEqual(result.items.map((item) => item.file), ['src/app.js']);
        assert.ok((result.skipped.excluded ?? 0) >= 3, JSON.stringify(result.skipped));
      });

      it('applies include and exclude globs', async () => {
        writeFiles(root, { 'a/x.js': '// TODO: a\n', 'b/y.js': '// TODO: b\n', 'b/z.py': '# TODO: z\n' });
        const result = await scan(root, { noGit, include: ['b/**'], exclude: ['**/*.py'] });
        assert.deepEqual(result.items.map((item) => item.file), ['b/y.js']);
      });
    });
  }

  describe('vendored files', () => {
    const skipOf = (result: ScanResult, file: string) => result.skippedFiles.find((s) => s.file === file);

    it('leaves out files .gitattributes marks linguist-vendored or linguist-generated, and says why', async () => {
      initRepo(root);
      writeFiles(root, {
        '.gitattributes': 'third/** linguist-vendored\ngen/*.ts linguist-generated=true\n',
        'third/lib.js': '// TODO: theirs\n',
        'gen/api.ts': '// TODO: generated\n',
        'src/own.ts': '// TODO: ours\n',
      });
      const result = await scan(root, { complexity: false });
      assert.deepEqual(result.items.map((item) => item.file), ['src/own.ts']);
      assert.deepEqual(skipOf(result, 'third/lib.js'), { file: 'third/lib.js', reason: 'vendored', why: 'linguist-vendored in .gitattributes' });
      assert.deepEqual(skipOf(result, 'gen/api.ts'), { file: 'gen/api.ts', reason: 'vendored', why: 'linguist-generated in .gitattributes' });
      assert.equal(result.skipped.vendored, 2);
      assert.ok(!result.warnings.some((w) => w.file === 'third/lib.js' || w.file === 'gen/api.ts'));
    });

    for (const noGit of [true, false]) {
      it(`leaves out copied typings and vendor folders by default (${noGit ? 'walk' : 'git'})`, async () => {
        if (!noGit) initRepo(root);
        writeFiles(root, {
          'src/@types/vscode.proposed.chat.d.ts': '// TODO: the VS Code team\'s\n',
          'third_party/x.py': '# TODO: theirs\n',
          'src/own.ts': '// TODO: ours\n',
        });
        const result = await scan(root, { noGit, complexity: false });
        assert.deepEqual(result.items.map((item) => item.file), ['src/own.ts']);
        assert.equal(skipOf(result, 'src/@types/vscode.proposed.chat.d.ts')?.why, 'matches the vendored pattern **/@types/**');
        assert.equal(skipOf(result, 'third_party/x.py')?.reason, 'vendored');
      });
    }

    it('scans a default-vendored file that .gitattributes marks -linguist-vendored, or all of them with "vendored": []', async () => {
      initRepo(root);
      writeFiles(root, {
        '.gitattributes': 'src/@types/own.d.ts -linguist-vendored\n',
        'src/@types/own.d.ts': '// TODO: our typings\n',
        'src/@types/copied.d.ts': '// TODO: copied\n',
      });
      const byDefault = await scan(root, { complexity: false });
      assert.deepEqual(byDefault.items.map((item) => item.file), ['src/@types/own.d.ts']);
      writeFiles(root, { '.debt/config.json': '{ "vendored": [] }' });
      const all = await scan(root, { complexity: false });
      assert.deepEqual(all.items.map((item) => item.file).sort(), ['src/@types/copied.d.ts', 'src/@types/own.d.ts']);
    });

    it('never runs a filter or diff driver the repository configures', async () => {
      initRepo(root);
      const marker = path.join(root, 'ran');
      git(root, ['config', 'filter.evil.clean', `touch ${marker}`]);
      git(root, ['config', 'filter.evil.smudge', `touch ${marker}`]);
      git(root, ['config', 'diff.evil.textconv', `touch ${marker}`]);
      writeFiles(root, { '.gitattributes': '*.js filter=evil diff=evil linguist-vendored\n', 'a.js': '// TODO: a\n' });
      const result = await scan(root, { complexity: false });
      assert.equal(skipOf(result, 'a.js')?.reason, 'vendored');
      assert.equal(existsSync(marker), false);
    });
  });

  it('skips binary, too large and minified files, naming each', async () => {
    writeFiles(root, {
      'logo.js': Buffer.concat([Buffer.from('// TODO: before nul\n'), Buffer.from([0, 1, 2, 3])]),
      'huge.js': `// TODO: big\n${'x'.repeat(5 * 1024 * 1024)}\n`,
      'bundle.js': `// TODO: in a bundle\n${'var a=1;'.repeat(2000)}\n`,
      'ok.js': '// TODO: fine\n',
    });
    const result = await scan(root, { noGit: true });
    assert.equal(skipReasonOf(result, 'logo.js'), 'binary');
    assert.equal(skipReasonOf(result, 'huge.js'), 'too-large');
    assert.equal(skipReasonOf(result, 'bundle.js'), 'minified');
    assert.deepEqual(result.items.map((item) => item.file), ['ok.js']);
    assert.deepEqual(result.skipped, { binary: 1, 'too-large': 1, minified: 1 });
    assert.ok(result.warnings.some((w) => w.file === 'huge.js' && w.code === 'skip-too-large'));
    for (const file of ['logo.js', 'bundle.js']) assert.ok(!result.warnings.some((w) => w.file === file), `${file}: an expected skip is not a warning`);
    assert.match(result.skippedFiles.find((s) => s.file === 'bundle.js')?.why ?? '', /lines average over/);
  });

  it('reads invalid UTF-8, a BOM, CRLF and lone-CR endings with the same lines and columns', async () => {
    writeFiles(root, {
      'lf.py': 'x = 1\n# TODO: same\n',
      'crlf.py': 'x = 1\r\n# TODO: same\r\n',
      'cr.py': 'x = 1\r# TODO: same\r',
      'bom.py': '\uFEFFx = 1\n# TODO: same\n',
      'utf16.py': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('x = 1\n# TODO: same\n', 'utf16le')]),
      'latin1.py': Buffer.concat([Buffer.from('x = "caf'), Buffer.from([0xe9]), Buffer.from('"\n# TODO: same\n')]),
    });
    const result = await scan(root, { noGit: true });
    for (const file of ['lf.py', 'crlf.py', 'cr.py', 'bom.py', 'utf16.py', 'latin1.py']) {
      assert.deepEqual(itemsOf(result, file), [{ tag: 'TODO', text: 'same', line: 2, column: 3 }], file);
    }
    assert.ok(result.warnings.some((w) => w.file === 'latin1.py' && w.code === 'encoding' && /invalid UTF-8/.test(w.message)));
  });

  it('reports a symlink loop, a link out of the root and a dangling link without following them', async () => {
    const outside = makeTempDir();
    try {
      writeFiles(outside, { 'secret.js': '// TODO: outside\n' });
      writeFiles(root, { 'real.js': '// TODO: real\n' });
      symlinkSync('loop-b.js', path.join(root, 'loop-a.js'));
      symlinkSync('loop-a.js', path.join(root, 'loop-b.js'));
      symlinkSync('.', path.join(root, 'self'));
      symlinkSync(path.join(outside, 'secret.js'), path.join(root, 'out.js'));
      symlinkSync(outside, path.join(root, 'outdir'));
      symlinkSync('missing.js', path.join(root, 'dangling.js'));
      symlinkSync('real.js', path.join(root, 'alias.js'));
      for (const noGit of [true, false]) {
        if (!noGit) initRepo(root);
        const result = await scan(root, { noGit });
        assert.deepEqual(result.items.map((item) => item.file), ['real.js'], `noGit=${noGit}`);
        assert.equal(skipReasonOf(result, 'loop-a.js'), 'symlink-loop');
        assert.equal(skipReasonOf(result, 'out.js'), 'symlink-outside-root');
        assert.equal(skipReasonOf(result, 'dangling.js'), 'symlink-broken');
        assert.equal(skipReasonOf(result, 'alias.js'), 'symlink');
        rmSync(path.join(root, '.git'), { recursive: true, force: true });
      }
    } finally {
      removeDir(outside);
    }
  });

  it('names a file deleted during the scan and finishes', async () => {
    writeFiles(root, { 'a.js': '// TODO: a\n', 'z.js': '// TODO: z\n' });
    let deleted = false;
    const result = await scan(root, { noGit: true }, {
      onProgress: () => {
        if (!deleted) unlinkSync(path.join(root, 'z.js'));
        deleted = true;
      },
    });
    assert.deepEqual(result.items.map((item) => item.file), ['a.js']);
    assert.equal(skipReasonOf(result, 'z.js'), 'vanished');
  });

  it('skips a FIFO without blocking', async () => {
    writeFiles(root, { 'a.js': '// TODO: a\n' });
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [path.join(root, 'pipe.js')]);
    const result = await scan(root, { noGit: true });
    assert.equal(skipReasonOf(result, 'pipe.js'), 'not-a-file');
    assert.equal(result.items.length, 1);
  });

  it('finishes an empty folder with nothing', async () => {
    mkdirSync(path.join(root, 'empty'));
    const result = await scan(path.join(root, 'empty'), { noGit: true });
    assert.deepEqual(result.items, []);
    assert.deepEqual(result.skipped, {});
    assert.equal(result.stats.filesListed, 0);
  });

  it('rejects a path that does not exist, or a file, with a clear message', async () => {
    await assert.rejects(scan(path.join(root, 'nope')), (error: Error) => error instanceof ScanInputError && /nope: no such folder/.test(error.message));
    writeFiles(root, { 'f.js': '' });
    await assert.rejects(scan(path.join(root, 'f.js')), /f\.js: not a folder/);
  });

  it('counts files in languages it does not know', async () => {
    writeFiles(root, { 'notes.txt': 'TODO: prose\n', 'data.json': '{"TODO": 1}\n', 'a.go': '// TODO: go\n' });
    const result = await scan(root, { noGit: true });
    assert.equal(result.skipped.language, 2);
    assert.deepEqual(result.items.map((item) => item.file), ['a.go']);
  });

  it('uses the tags of the team config, and reports a bad config value by key', async () => {
    writeFiles(root, {
      '.debt/config.json': JSON.stringify({ tags: ['NOTE'], maxFileSizeBytes: -3 }),
      'a.js': '// NOTE: mine\n// TODO: not a tag here\n',
    });
    const result = await scan(root, { noGit: true });
    assert.deepEqual((result.items as AnnotationItem[]).map((item) => item.tag), ['NOTE']);
    assert.ok(result.warnings.some((w) => w.file === '.debt/config.json' && w.code === 'config-bad-value' && w.message.includes('"maxFileSizeBytes"')));
  });

  it('gives identical annotations in one file distinct, stable ids', async () => {
    writeFiles(root, { 'a.js': '// TODO: same\n// \n// TODO: same\n' });
    const first = await scan(root, { noGit: true });
    writeFiles(root, { 'a.js': '\n\n// TODO: same\n// \n// TODO:   SAME\n' });
    const second = await scan(root, { noGit: true });
    assert.equal(new Set(first.items.map((item) => item.id)).size, 2);
    assert.deepEqual(second.items.map((item) => item.id), first.items.map((item) => item.id));
  });

  it('stops when aborted', async () => {
    writeFiles(root, Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}.js`, '// TODO: x\n'])));
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(scan(root, { noGit: true }, { signal: controller.signal }), { name: 'AbortError' });
  });

  it('lists untracked files and leaves files deleted from the work tree as vanished in git mode', async () => {
    initRepo(root);
    writeFiles(root, { 'tracked.js': '// TODO: tracked\n', 'gone.js': '// TODO: gone\n' });
    git(root, ['add', '.']);
    git(root, ['commit', '-qm', 'init']);
    writeFiles(root, { 'untracked.js': '// TODO: new\n' });
    unlinkSync(path.join(root, 'gone.js'));
    const result = await scan(root);
    assert.deepEqual(result.items.map((item) => item.file), ['tracked.js', 'untracked.js']);
    assert.equal(skipReasonOf(result, 'gone.js'), 'vanished');
  });
});

describe('scan cache', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  it('reuses the annotations of unchanged files and lexes changed ones again', async () => {
    writeFiles(root, { 'a.ts': '// TODO: one\n', 'b.py': '# FIXME: two\n' });
    const store = new Map<string, unknown>();
    let hits = 0;
    const cache = {
      get: (key: string) => {
        const value = store.get(key) as never;
        if (value) hits++;
        return value;
      },
      set: (key: string, items: unknown) => void store.set(key, items),
    };
    const first = await scan(root, { noGit: true, cache });
    assert.equal(hits, 0);
    assert.equal(store.size, 2);
    writeFiles(root, { 'b.py': '# FIXME: changed\n' });
    const second = await scan(root, { noGit: true, cache });
    assert.equal(hits, 1);
    assert.deepEqual(second.items.find((i) => i.file === 'a.ts'), first.items.find((i) => i.file === 'a.ts'));
    assert.equal((second.items.find((i) => i.file === 'b.py') as AnnotationItem).text, 'changed');
  });
});
