import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, toCsv } from '../../../../src/core/export/csv';
import { exportAs } from '../../../../src/core/export';
import { toMarkdown } from '../../../../src/core/export/markdown';
import { toSarif } from '../../../../src/core/export/sarif';
import MarkdownIt from 'markdown-it';
import { withoutControls } from '../../../../src/core/text/controls';
import { portfolioItem, portfolioView } from '../../../helpers/builders';
import { HOSTILE_TEXTS, RAW_CONTROL } from '../../../helpers/hostile';

describe('exports', () => {
  describe('CSV', () => {
    const dangerous = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', '＝1+1'];
    for (const text of dangerous) {
      it(`neutralises a cell starting with ${JSON.stringify(text[0])}`, () => {
        const view = portfolioView([portfolioItem({ kind: 'annotation', tag: 'TODO', text: 'x', owner: text } as never)]);
        const rows = parse(toCsv(view), { columns: true, relax_quotes: false }) as Array<Record<string, string>>;
        assert.equal(rows[0]!.Owner, `'${withoutControls(text)}`);
      });
    }

    it('makes control characters visible and stays valid CSV', () => {
      const csv = toCsv(portfolioView([portfolioItem({ text: HOSTILE_TEXTS.join('\n'), owner: '\x1b[2J', notes: '\u202eevil' } as never)]));
      assert.doesNotMatch(csv, RAW_CONTROL);
      const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
      assert.equal(rows[0]!.Summary, `[TODO] ${withoutControls(HOSTILE_TEXTS.join('\n'))}`);
      assert.equal(rows[0]!.Owner, '␛[2J');
    });

    it('round-trips quotes, commas and newlines (RFC 4180)', () => {
      const text = 'say "hi", then\nleave';
      const csv = toCsv(portfolioView([portfolioItem({ text, notes: 'a,b\r\nc' } as never)]));
      assert.match(csv, /\r\n$/);
      const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
      assert.deepEqual(Object.keys(rows[0]!), [...CSV_COLUMNS]);
      assert.equal(rows[0]!.Summary, `[TODO] ${text}`);
      assert.match(rows[0]!.Description!, /Notes: a,b\r\nc/);
    });

    it('writes a payback as the editor does: "never" with no interest, "> 2 years" past the horizon, never "= 0 sprints"', () => {
      const none = { interest: 0, principal: 2, payback: null, cycleTimeInterest: 0, incidentInterest: 0, terms: [{ name: 'payback', value: 0, unit: 'sprints', formula: 'no interest: never pays back' }] };
      const slow = { interest: 0.01, principal: 1.722, payback: 172.2, cycleTimeInterest: 0.01, incidentInterest: 0, terms: [] };
      const csv = toCsv(portfolioView([portfolioItem({ score: none } as never), portfolioItem({ score: slow } as never)]));
      const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
      assert.deepEqual(rows.map((row) => row.Payback), ['never', '> 2 years']);
      assert.doesNotMatch(rows[0]!.Description!, /0 sprints/);
      assert.match(rows[0]!.Description!, /payback: never/);
    });

    it('fills the columns planning tools import', () => {
      const item = portfolioItem({ tag: 'FIXME', meta: { impact: 'critical', kind: 'security' }, owner: 'alice', status: 'planned', sprint: 4 } as never);
      const [row] = parse(toCsv(portfolioView([item])), { columns: true }) as Array<Record<string, string>>;
      assert.deepEqual(
        { labels: row!.Labels, estimate: row!.Estimate, priority: row!.Priority, owner: row!.Owner, status: row!.Status, sprint: row!.Sprint, id: row!.ID },
        { labels: 'tech-debt,fixme,security', estimate: '4', priority: 'Highest', owner: 'alice', status: 'planned', sprint: '4', id: item.id },
      );
      assert.match(row!.Description!, /^src\/a\.ts:\d+\n/);
      assert.match(row!.Description!, /1 changes\/sprint × 4 h × 0\.5 = 2 h\/sprint/);
    });
  });

  describe('SARIF', () => {
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);

    it('validates against the SARIF 2.1.0 schema', () => {
      const items = [portfolioItem({ file: 'dir with space/ü.ts' }), portfolioItem({ tag: 'HACK', meta: { impact: 'high' } } as never), portfolioItem({ status: 'done' })];
      const log = toSarif(portfolioView(items), '0.1.0');
      assert.equal(validate(log), true, JSON.stringify(validate.errors?.slice(0, 3)));
      const results = log.runs[0]!.results!;
      assert.equal(results.length, 2);
      assert.equal(results[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'dir%20with%20space/%C3%BC.ts');
      assert.equal(results[1]!.level, 'warning');
      assert.deepEqual(log.runs[0]!.tool.driver.rules!.map((r) => r.id), ['debt/HACK', 'debt/TODO']);
    });

    it('gives a name that is not UTF-8 its real bytes in the URI (a URIError before)', () => {
      const log = toSarif(portfolioView([portfolioItem({ file: 'd\u00e9/l\udce9 \udcff.ts' })]), '0.1.0');
      assert.equal(validate(log), true, JSON.stringify(validate.errors?.slice(0, 3)));
      assert.equal(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'd%C3%A9/l%E9%20%FF.ts');
    });

    it('is caught by the schema when broken', () => {
      const log = toSarif(portfolioView([portfolioItem()]), '0.1.0') as unknown as { runs: Array<{ results: Array<{ level: string }> }> };
      log.runs[0]!.results[0]!.level = 'severe';
      assert.equal(validate(log), false);
    });
  });

  describe('Markdown', () => {
    const live = ['![x](http://remote/x.png)', '[d](javascript:alert(1))', '<http://remote/autolink>', '<img src=x onerror=alert(1)>', '<a href="http://x">a</a>', '[r](http://remote/r "t")', '&lt;script&gt; **bold** `code`'];
    for (const text of live) {
      it(`keeps ${JSON.stringify(text)} from annotation text inert`, () => {
        const md = toMarkdown(portfolioView([portfolioItem({ text, owner: text } as never)]));
        const renderer = new MarkdownIt({ html: true });
        renderer.validateLink = () => true;
        const cells = (renderer.render(md).match(/<td>.*?<\/td>/g) ?? []).join('');
        assert.doesNotMatch(cells, /<(?!\/?td>)/);
        assert.ok(cells.includes(`[TODO] ${text.replace(/\n/g, ' ')}`.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')), cells);
      });
    }

    it('makes control characters in every cell visible', () => {
      const md = toMarkdown(portfolioView([portfolioItem({ text: HOSTILE_TEXTS.join(' '), owner: '\x1b[2J', file: '\x1b]8;;x.ts' } as never)]));
      assert.doesNotMatch(md, RAW_CONTROL);
      assert.match(md, /␛\\\[1A␛\\\[2K␛\\\[32mcheck passed/);
    });

    it('prints the next sprint plan with budget, owners, estimates, interest and payback', () => {
      const items = [portfolioItem({ text: 'pipe | and <b>html</b>', owner: 'bob', score: { interest: 3, principal: 8, payback: 8 / 3, cycleTimeInterest: 3, incidentInterest: 0, terms: [] } } as never), portfolioItem({ status: 'wontfix' })];
      const md = toMarkdown(portfolioView(items));
      assert.match(md, /^# Debt plan: sprint 3 \(2026-02-02 to 2026-02-15\)/);
      assert.match(md, /Budget \*\*20 h\*\*; planned \*\*8 h\*\*; interest removed \*\*3 h\/sprint\*\*/);
      assert.match(md, /\| 1 \| \\\[TODO\\\] pipe \\\| and \\<b\\>html\\<\/b\\> \| bob \| 8 \| 3 \| 2\.7 sprints \| src\/a\.ts:\d+ \| most interest per hour \|/);
      assert.match(md, /Open debt: 1 items, 8 h principal/);
    });
  });

  it('JSON is the versioned view', () => {
    const view = portfolioView([portfolioItem()]);
    const parsed = JSON.parse(exportAs('json', view, '0.1.0'));
    assert.equal(parsed.version, 1);
    assert.deepEqual(parsed.items, view.items);
    assert.deepEqual(parsed.plan.roadmap[0].items.map((i: { id: string }) => i.id), [view.items[0]!.id]);
  });
});
