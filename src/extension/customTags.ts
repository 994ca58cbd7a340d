import * as vscode from 'vscode';

/** A tag from `debtPortfolio.customTags`: found besides the team's, with its own icon and colour. */
export interface CustomTag {
  tag: string;
  icon?: string;
  color?: string;
}

const TAG = /^[A-Za-z][\w-]*$/;
const SETTING = 'debtPortfolio.customTags';

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
    tags.push({ tag, ...(typeof icon === 'string' ? { icon } : {}), ...(typeof color === 'string' ? { color } : {}) });
  });
  return { tags, problems };
}
