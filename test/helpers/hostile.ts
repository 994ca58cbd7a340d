/** Annotation texts that clear the screen, open a hyperlink, or overwrite the line above with a fake pass. */
export const HOSTILE_TEXTS = ['\x1b[2J', '\x1b]8;;http://evil\x07link\x1b]8;;\x07', '\x1b[1A\x1b[2K\x1b[32mcheck passed'];

/** Every character that must not reach a terminal or an export raw. */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
export const RAW_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;
