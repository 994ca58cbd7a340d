/** Control characters that can move a terminal's cursor, rewrite a line or reorder text; tab, line feed and CR LF stay. */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f]|\r(?!\n)|[\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

const visible = (char: string): string => {
  const code = char.charCodeAt(0);
  return code < 0x20 ? String.fromCharCode(0x2400 + code) : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * Text with every control character made visible and inert: C0 controls as their control pictures
 * (ESC → ␛), DEL, C1 controls and bidi overrides as the six characters `\uXXXX`. In JSON text those
 * characters only occur inside strings, where `\uXXXX` is the same character, so JSON stays lossless.
 */
export function withoutControls(text: string): string {
  return text.replace(CONTROL, visible);
}
