import assert from 'node:assert/strict';
import { loadConfig } from '../../../../src/core/config';
import { loadIncidents } from '../../../../src/core/history/incidents';
import { parseJsonText } from '../../../../src/core/text/json';
import { makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

describe('JSON files: errors say where, never what', () => {
  const cases: Array<[text: string, problem: string]> = [
    ['ghp_SECRETtoken0123456789', 'not valid JSON: invalid symbol at line 1, column 1'],
    ['{\n  "capacityHours": 10,\n  "x": SECRET_value\n}', 'not valid JSON: invalid symbol at line 3, column 8'],
    ['{"a": "SECRET",}', 'not valid JSON: property name expected at line 1, column 16'],
    ['{"a": "SECRET"', 'not valid JSON: close brace expected at line 1, column 15'],
    ['\uFEFF{"a": 1} SECRET', 'not valid JSON: invalid symbol at line 1, column 10'],
  ];
  for (const [text, problem] of cases) {
    it(`reports ${JSON.stringify(text.slice(0, 20))} by position`, () => {
      assert.deepEqual(parseJsonText(text), { ok: false, problem });
    });
  }

  it('parses valid JSON, with a BOM', () => {
    assert.deepEqual(parseJsonText('\uFEFF{"a": [1]}'), { ok: true, value: { a: [1] } });
  });

  it('keeps a secret read through the config and incidents files out of their warnings', async () => {
    const root = makeTempDir();
    try {
      writeFiles(root, { '.debt/config.json': 'SECRET=hunter2\n', '.debt/incidents.json': '{"incidents": [] SECRET=hunter2' });
      const config = await loadConfig(root);
      const incidents = loadIncidents(root);
      assert.deepEqual(config.warnings.map((w) => w.message), ['not valid JSON: invalid symbol at line 1, column 1; defaults are used']);
      assert.deepEqual(incidents.warnings.map((w) => w.message), ['not valid JSON: invalid symbol at line 1, column 18; incidents are ignored']);
    } finally {
      removeDir(root);
    }
  });
});
