import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, defaultConfig, loadConfig, MAX_CONFIG_BYTES } from '../../../../src/core/config';
import { INCIDENTS_FILE, loadIncidents } from '../../../../src/core/history/incidents';
import { makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

describe('.debt files: config and incidents', () => {
  let root: string;
  let outside: string;
  beforeEach(() => {
    root = makeTempDir();
    outside = makeTempDir('debt-outside-');
  });
  afterEach(() => {
    removeDir(root);
    removeDir(outside);
  });

  it('reads neither through a .debt that links out of the folder, and says so without quoting the target', async () => {
    writeFiles(outside, { 'config.json': '{"capacityHours": 99} SECRET', 'incidents.json': 'SECRET' });
    symlinkSync(outside, path.join(root, '.debt'));
    const { config, warnings } = await loadConfig(root);
    assert.deepEqual(config, defaultConfig());
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!.message, /leads out of the workspace folder through a symbolic link/);
    const incidents = loadIncidents(root);
    assert.match(incidents.warnings[0]!.message, /leads out of the workspace folder/);
    assert.doesNotMatch(JSON.stringify([warnings, incidents.warnings]), /SECRET/);
  });

  it('refuses a config file that links out of the folder by itself', async () => {
    writeFiles(outside, { 'secret.json': '{"capacityHours": 99}' });
    writeFiles(root, { '.debt/x': '' });
    symlinkSync(path.join(outside, 'secret.json'), path.join(root, CONFIG_FILE));
    const { config, warnings } = await loadConfig(root);
    assert.equal(config.capacityHours, 240);
    assert.match(warnings[0]!.message, /^leads out of the workspace folder/);
  });

  it('bounds the size of config and incidents before parsing them', async () => {
    writeFiles(root, { [CONFIG_FILE]: `{"tags": [${'"A",'.repeat(MAX_CONFIG_BYTES / 4)}"B"]}` });
    const started = Date.now();
    const { config, warnings } = await loadConfig(root);
    assert.ok(Date.now() - started < 1_000);
    assert.deepEqual(config.tags, defaultConfig().tags);
    assert.equal(warnings[0]!.file, CONFIG_FILE);
    assert.match(warnings[0]!.message, /^is \d+ bytes, over the limit of 1048576 bytes \(1 MiB\); it is not read; defaults are used$/);
    writeFileSync(path.join(root, INCIDENTS_FILE), Buffer.alloc(16 * 2 ** 20 + 1, 0x20));
    assert.match(loadIncidents(root).warnings[0]!.message, /^is 16777217 bytes, over the limit of 16777216 bytes \(16 MiB\); it is not read; incidents are ignored$/);
  });
});
