import * as vscode from 'vscode';

/** A quick pick of labelled choices with the current one marked and active; the chosen key, or undefined when dismissed. */
export async function pickChoice<K extends string>(title: string, choices: ReadonlyArray<readonly [K, string]>, current?: K): Promise<K | undefined> {
  const items = choices.map(([key, label]) => ({ key, label: key === current ? `$(check) ${label}` : label, description: key === current ? 'current' : undefined }));
  const currentItem = items.find((item) => item.key === current);
  const picked = await vscode.window.showQuickPick(currentItem ? [currentItem, ...items.filter((item) => item !== currentItem)] : items, { title });
  return picked?.key;
}

/** Words for each choice a picker offers; a key without words is shown as it is. */
export const labelled = <K extends string>(keys: readonly K[], labels: Partial<Record<K, string>>): Array<readonly [K, string]> => keys.map((key) => [key, labels[key] ?? key] as const);
