import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import picomatch from 'picomatch';
import { gitOutput } from '../git/run';
import { encodeName, nulSeparatedNames } from './fileNames';

/**
 * Code a team copied in rather than wrote, left out by default: vendor folders and copied typings (such as
 * VS Code's `src/@types/vscode.proposed.*.d.ts`). The `vendored` key of .debt/config.json replaces this list.
 */
export const DEFAULT_VENDORED = ['**/vendor/**', '**/vendors/**', '**/third_party/**', '**/third-party/**', '**/@types/**', '**/typings/**'];

const LINGUIST = ['linguist-vendored', 'linguist-generated'] as const;

type Verdict = 'set' | 'unset';

/** A .gitattributes value as GitHub's linguist reads it: set or "true" marks the file, unset or "false" clears it. */
function verdictOf(value: string): Verdict | undefined {
  if (value === 'set' || value === 'true') return 'set';
  if (value === 'unset' || value === 'false') return 'unset';
  return undefined;
}

/** Each listed file's linguist attributes, read by `git check-attr` (which reads .gitattributes and runs no filter). */
async function linguistAttributes(root: string, files: readonly string[], signal?: AbortSignal, indexFile?: string): Promise<Map<string, Map<string, Verdict>>> {
  const found = new Map<string, Map<string, Verdict>>();
  if (files.length === 0) return found;
  const input = Buffer.concat(files.flatMap((file) => [encodeName(file), Buffer.of(0)]));
  const args = ['check-attr', '-z', '--stdin', ...(indexFile ? ['--cached'] : []), ...LINGUIST];
  const { stdout } = await gitOutput(root, args, { input, signal, timeoutMs: 120_000, indexFile });
  const fields = nulSeparatedNames(stdout);
  for (let at = 0; at + 2 < fields.length; at += 3) {
    const verdict = verdictOf(fields[at + 2]!);
    if (!verdict) continue;
    const attributes = found.get(fields[at]!) ?? new Map<string, Verdict>();
    attributes.set(fields[at + 1]!, verdict);
    found.set(fields[at]!, attributes);
  }
  return found;
}

/**
 * The attributes as `commit`'s own .gitattributes set them: its tree read into an index of our own, which
 * `check-attr --cached` reads (git before 2.40 has no `check-attr --source`). read-tree runs no hook and no filter.
 */
async function linguistAttributesAt(root: string, files: readonly string[], commit: string, signal?: AbortSignal): Promise<Map<string, Map<string, Verdict>>> {
  if (files.length === 0) return new Map();
  const dir = await mkdtemp(path.join(tmpdir(), 'debt-portfolio-attributes-'));
  const indexFile = path.join(dir, 'index');
  try {
    await gitOutput(root, ['read-tree', '--end-of-options', commit], { indexFile, signal, timeoutMs: 120_000 });
    return await linguistAttributes(root, files, signal, indexFile);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The vendored glob a file matches, if any. */
export function vendoredGlobOf(globs: readonly string[]): (file: string) => string | undefined {
  const matchers = globs.map((glob) => ({ glob, matches: picomatch(glob, { dot: true }) }));
  return (file) => matchers.find(({ matches }) => matches(file))?.glob;
}

/**
 * The files among `files` that are vendored, each with why: `linguist-vendored` or `linguist-generated` set in
 * .gitattributes (GitHub's convention; read only in a git work tree; with `commit`, that commit's), else a match of
 * the vendored globs, which an attribute unset (`-linguist-vendored`) overrides.
 */
export async function vendoredFiles(root: string, files: readonly string[], globs: readonly string[], options: { git: boolean; signal?: AbortSignal; commit?: string }): Promise<Map<string, string>> {
  const attributes = !options.git
    ? new Map<string, Map<string, Verdict>>()
    : options.commit
      ? await linguistAttributesAt(root, files, options.commit, options.signal)
      : await linguistAttributes(root, files, options.signal);
  const globOf = vendoredGlobOf(globs);
  const vendored = new Map<string, string>();
  for (const file of files) {
    const marked = attributes.get(file);
    const attribute = LINGUIST.find((name) => marked?.get(name) === 'set');
    if (attribute) vendored.set(file, `${attribute} in .gitattributes`);
    else if (marked?.get('linguist-vendored') !== 'unset') {
      const glob = globOf(file);
      if (glob) vendored.set(file, `matches the vendored pattern ${glob}`);
    }
  }
  return vendored;
}
