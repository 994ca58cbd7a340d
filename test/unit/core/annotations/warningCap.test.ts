import assert from 'node:assert/strict';
import { scanFolder as scan } from '../../../../src/core/pipeline/scanFolder';
import { MAX_WARNINGS_PER_FILE } from '../../../../src/core/annotations/grammar';
import { makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

describe('warnings per file', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  it('keeps the first 100 of 250,000 META warnings in one comment (a stack overflow before) and says how many were dropped', async function () {
    this.timeout(60_000);
    const flood = ','.repeat(250_000 - 1);
    const shortLines = 'x = 1\n'.repeat(1000);
    writeFiles(root, {
      'a.py': `# TODO(${flood}): flood\n# FIXME(x=2): next\n${shortLines}`,
      'b.ts': `// TODO(${flood}): flood\n${shortLines}`,
    });
    const result = await scan(root, { noGit: true });
    for (const [file, given] of [['a.py', 250_001], ['b.ts', 250_000]] as const) {
      const items = result.items.filter((item) => item.file === file);
      const warnings = items.flatMap((item) => item.warnings);
      assert.equal(warnings.length, MAX_WARNINGS_PER_FILE + 1, file);
      assert.equal(warnings.at(-1)!.message, `${given - MAX_WARNINGS_PER_FILE} more warnings in this file are not shown (at most 100 a file)`);
    }
    assert.deepEqual(result.items.filter((item) => item.file === 'a.py').map((item) => item.kind === 'annotation' && item.text), ['flood', 'next']);
  });
});
