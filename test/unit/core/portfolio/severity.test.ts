import assert from 'node:assert/strict';
import { severityBandsOf, severityOf, totalsOf } from '../../../../src/core/portfolio/view';
import { portfolioItem } from '../../../helpers/builders';

const withInterest = (interest: number, status: 'open' | 'done' = 'open') => portfolioItem({ status, score: { interest, principal: 1, payback: interest > 0 ? 1 / interest : null, cycleTimeInterest: interest, incidentInterest: 0, statedInterest: 0, share: 1, terms: [] } });

describe('severity relative to the portfolio', () => {
  const levels = (interests: number[]) => {
    const items = interests.map((interest) => withInterest(interest));
    const bands = totalsOf(items).severity;
    return interests.map((interest) => severityOf(interest, bands));
  };

  it('tells small interests apart: the costliest tenth high, the next 30% medium, the rest low', () => {
    const interests = Array.from({ length: 10 }, (_, k) => (k + 1) / 10);
    assert.deepEqual(levels(interests), ['low', 'low', 'low', 'low', 'low', 'low', 'medium', 'medium', 'medium', 'high']);
  });

  it('scales with the portfolio: the same shares at 100 times the interest', () => {
    const interests = Array.from({ length: 10 }, (_, k) => (k + 1) * 10);
    assert.deepEqual(levels(interests), levels(interests.map((i) => i / 100)));
  });

  it('gives no interest no severity, and ignores closed items and zero interest when banding', () => {
    assert.equal(severityOf(0, severityBandsOf([withInterest(1)])), 'none');
    const bands = severityBandsOf([withInterest(1), withInterest(0), withInterest(50, 'done')].filter((item) => item.status === 'open'));
    assert.deepEqual(bands, { high: 1, medium: 1 });
    assert.deepEqual(severityBandsOf([]), { high: Number.POSITIVE_INFINITY, medium: Number.POSITIVE_INFINITY });
  });
});
