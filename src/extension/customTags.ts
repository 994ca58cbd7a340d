import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';

/** A tag from `debtPortfolio.customTags`: found besides the team's, with its own icon and colour. */
export interface CustomTag {
  tag: string;
  icon?: string;
  color?: string;
}

const TAG = /^[A-Za-z][\w-]*$/;
const SETTING = 'debtPortfolio.customTags';
const THEME_COLOUR = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A theme colour id (charts.red) tints the tag's icon; a #rgb/#rrggbb colour needs an icon file of its own. */
export const isHexColour = (colour: string): boolean => HEX_COLOUR.test(colour);
const isColour = (colour: string): boolean => isHexColour(colour) || THEME_COLOUR.test(colour);

/**
 * The user's tags from the settings, and what was wrong with any entry (named by the setting and its index).
 * In an untrusted workspace only the user's own (global) settings count.
 */
export function customTags(): { tags: CustomTag[]; problems: string[] } {
  const inspected = vscode.workspace.getConfiguration('debtPortfolio').inspect<unknown>('customTags');
  const raw = vscode.workspace.isTrusted ? (inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue) : inspected?.globalValue;
  const tags: CustomTag[] = [];
  const problems: string[] = [];
  if (raw === undefined) return { tags, problems };
  if (!Array.isArray(raw)) return { tags, problems: [`${SETTING} is not a list; it is ignored`] };
  raw.forEach((entry: unknown, index) => {
    const { tag, icon, color } = (entry ?? {}) as Record<string, unknown>;
    if (typeof tag !== 'string' || !TAG.test(tag)) return void problems.push(`${SETTING}[${index}]: "tag" must be a word like REVIEW; the entry is ignored`);
    const usable = typeof color === 'string' && isColour(color);
    if (color !== undefined && !usable) problems.push(`${SETTING}[${index}].color: ${JSON.stringify(color)} is neither a theme colour id (charts.red) nor #rgb/#rrggbb; the severity colour is used`);
    tags.push({ tag, ...(typeof icon === 'string' ? { icon } : {}), ...(usable ? { color } : {}) });
  });
  return { tags, problems };
}

/** A dot of a #rgb/#rrggbb colour as an SVG icon, written once per colour into the extension's storage (never the repository). */
export function colourDotIcon(colour: string, storage: vscode.Uri): vscode.Uri {
  const hex = colour.length === 4 ? colour.replace(/[0-9a-f]/gi, (digit) => digit + digit) : colour;
  const file = path.join(storage.fsPath, 'tag-icons', `${hex.slice(1).toLowerCase()}.svg`);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="5" fill="${hex.toLowerCase()}"/></svg>\n`);
  }
  return vscode.Uri.file(file);
}
