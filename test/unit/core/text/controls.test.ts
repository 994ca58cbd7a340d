import assert from 'node:assert/strict';
import { withoutControls } from '../../../../src/core/text/controls';
import { HOSTILE_TEXTS, RAW_CONTROL } from '../../../helpers/hostile';

describe('withoutControls', () => {
  it('shows C0 controls as their pictures, and DEL, C1 and bidi overrides as \\u escapes', () => {
    assert.equal(withoutControls('\x1b[2J\x00\x7f\x9b1m\u202egnp.exe\u2066x\u2069'), '␛[2J␀\\u007f\\u009b1m\\u202egnp.exe\\u2066x\\u2069');
  });

  it('keeps tab, line feed and CR LF, and shows a lone CR', () => {
    assert.equal(withoutControls('a\tb\nc\r\nd\re'), 'a\tb\nc\r\nd␍e');
  });

  it('keeps JSON valid and its strings unchanged', () => {
    const value = { text: `${HOSTILE_TEXTS.join('')}\u202e\x85\x7f` };
    const json = withoutControls(JSON.stringify(value, null, 2));
    assert.doesNotMatch(json, RAW_CONTROL);
    assert.deepEqual(JSON.parse(json), value);
  });

  it('is idempotent', () => {
    const once = withoutControls(HOSTILE_TEXTS.join('\u202e'));
    assert.equal(withoutControls(once), once);
  });
});
