import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nonBlankLines, nonBlankLinesOfUtf8 } from '../../../../src/core/text/lines';

describe('non-blank lines', () => {
  it('counts the same on UTF-8 bytes as on the decoded text, for every line ending and ASCII white space', () => {
    const piece = fc.constantFrom('a', 'é', '€', ' ', '\t', '\v', '\f', '\n', '\r\n', '\r', 'x y', '');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
      const text = pieces.join('');
      assert.equal(nonBlankLinesOfUtf8(Buffer.from(text, 'utf8')), nonBlankLines(text), JSON.stringify(text));
    }), { numRuns: 2000 });
  });
});
