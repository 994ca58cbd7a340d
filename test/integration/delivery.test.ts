import assert from 'node:assert/strict';
import { api, folder } from './helpers';

describe("the dashboard's Delivery section", () => {
  it('comes from the worker for the folder: the fixture has no tags and no merges, and says so', async () => {
    const exports = await api();
    const panel = await exports.service.delivery(folder());
    assert.ok(panel, 'history is on in the fixture: a Delivery section');
    assert.equal(panel.releasesFrom, 'merges');
    assert.equal(panel.releases, 0);
    assert.equal(panel.sprints.length, 6, 'deliverySprints by default');
    assert.deepEqual(new Set(panel.sprints.map((sprint) => sprint.figures.deploymentFrequency.status)), new Set(['no-data']));
    assert.ok(panel.warnings.some((warning) => /no release tags and no merges/.test(warning)), panel.warnings.join('\n'));
    assert.ok(panel.topFiles >= 1, 'the costliest tenth of the files (the suites before add some): at least one');
    assert.ok(panel.overall.debt, 'debt against delivery, set beside the portfolio the worker holds');
  });
});
