import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { debtJsonSchemas } from '../../../src/core/jsonSchemas';

const repo = path.join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

describe('the manifest follows VS Code conventions', () => {
  it('gives every setting a markdownDescription and a scope', () => {
    for (const [key, setting] of Object.entries<Record<string, unknown>>(contributes.configuration.properties)) {
      assert.equal(typeof setting.markdownDescription, 'string', `${key}: markdownDescription`);
      assert.ok(['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'].includes(String(setting.scope)), `${key}: scope`);
    }
  });

  it('ships a JSON schema for each .debt file, as the zod schemas generate it (npm run schemas)', () => {
    const byUrl = new Map<string, string>(contributes.jsonValidation.map((v: { fileMatch: string; url: string }) => [v.url, v.fileMatch]));
    for (const { name, file, schema } of debtJsonSchemas()) {
      const url = `./media/schemas/${name}.schema.json`;
      assert.equal(byUrl.get(url), `**/${file}`);
      assert.deepEqual(JSON.parse(readFileSync(path.join(repo, url), 'utf8')), schema, `${url} is stale: run npm run schemas`);
    }
  });

  it('has a walkthrough whose media exist, themable severity colours the code uses, and keybindings for real commands', () => {
    const steps = contributes.walkthroughs[0].steps as Array<{ id: string; media: { markdown: string } }>;
    assert.deepEqual(steps.map((s) => s.id), ['tag', 'review', 'plan', 'export']);
    for (const step of steps) assert.ok(existsSync(path.join(repo, step.media.markdown)), step.media.markdown);
    const colours = contributes.colors.map((c: { id: string }) => c.id);
    for (const file of ['src/extension/tree.ts', 'src/extension/editorInsights.ts']) {
      const used = [...readFileSync(path.join(repo, file), 'utf8').matchAll(/'(debtPortfolio\.severity\.\w+)'/g)].map((m) => m[1]);
      assert.deepEqual([...new Set(used)].sort(), [...colours].sort(), file);
    }
    const commands = new Set(contributes.commands.map((c: { command: string }) => c.command));
    for (const binding of contributes.keybindings) assert.ok(commands.has(binding.command), binding.command);
  });

  it('writes welcome text without markdown VS Code would show literally (backticks)', () => {
    for (const welcome of contributes.viewsWelcome) assert.doesNotMatch(welcome.contents, /`/, welcome.contents);
  });
});
