import assert from 'node:assert/strict';
import { defaultConfig, parseConfig } from '../../../src/core/config';

describe('team config', () => {
  for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`warns about a "${key}" key and keeps the defaults (a TypeError in every command before)`, () => {
      const { config, warnings } = parseConfig(JSON.parse(`{"${key}": {"polluted": true}, "capacityHours": 10}`));
      assert.deepEqual(config, { ...defaultConfig(), capacityHours: 10 });
      assert.deepEqual(warnings.map((w) => w.message), [`unknown key "${key}" is ignored`]);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  }
});
