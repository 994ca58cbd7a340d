import { readdirSync, readFileSync, realpathSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { SkippedFile, Warning } from '../model';
import { isGitWorkTree, runGit } from '../git/run';
import type { PathFilter } from './excludes';

export interface FileList {
  lister: 'git' | 'walk';
  /** POSIX paths relative to the root, in a stable order. */
  files: string[];
  skipped: SkippedFile[];
  warnings: Warning[];
}

/** Lists the files under `root`: from git when it is a work tree (exact .gitignore semantics), else by walking. */
export async function listFiles(root: string, filter: PathFilter, options: { noGit?: boolean; signal?: AbortSignal } = {}): Promise<FileList> {
  if (!options.noGit && (await isGitWorkTree(root))) {
    const listed = await gitFiles(root, options.signal);
    if (listed) return filterListed('git', listed, filter);
  }
  return walk(root, filter, options.signal);
}

async function gitFiles(root: string, signal?: AbortSignal): Promise<string[] | undefined> {
  const result = await runGit(root, ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { signal });
  if (result.code !== 0) return undefined;
  const names = result.stdout.toString('utf8').split('\0').filter(Boolean);
  return [...new Set(names)].sort();
}

function filterListed(lister: 'git' | 'walk', names: string[], filter: PathFilter): FileList {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of names) {
    if (filter.accepts(file)) files.push(file);
    else skipped.push({ file, reason: 'excluded' });
  }
  return { lister, files, skipped, warnings: [] };
}

/** Walks the tree honouring .gitignore files at every level; never follows a symbolic link. Synchronous reads, yielding now and then. */
async function walk(root: string, filter: PathFilter, signal?: AbortSignal): Promise<FileList> {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const warnings: Warning[] = [];
  const stack: Array<{ dir: string; ignores: Array<{ base: string; rules: Ignore }> }> = [{ dir: '', ignores: [] }];
  while (stack.length > 0) {
    signal?.throwIfAborted();
    const { dir, ignores: inherited } = stack.pop()!;
    const absolute = path.join(root, dir);
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      warnings.push({ file: dir || '.', code: 'unreadable', message: `cannot list folder: ${(error as Error).message}` });
      skipped.push({ file: `${dir || '.'}/`, reason: 'unreadable' });
      continue;
    }
    const ignores = withGitignore(absolute, dir, inherited, warnings);
    if (stack.length % 32 === 0) await new Promise((resolve) => setImmediate(resolve));
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      const isDir = entry.isDirectory();
      if (isIgnored(ignores, rel, isDir)) continue;
      if (isDir) {
        if (filter.prunes(rel)) skipped.push({ file: `${rel}/`, reason: 'excluded' });
        else stack.push({ dir: rel, ignores });
      } else if (!filter.accepts(rel)) skipped.push({ file: rel, reason: 'excluded' });
      else if (entry.isSymbolicLink()) {
        const reason = symlinkSkipSync(root, rel);
        skipped.push({ file: rel, reason });
      } else files.push(rel);
    }
  }
  files.sort();
  return { lister: 'walk', files, skipped, warnings };
}

function withGitignore(absolute: string, dir: string, inherited: Array<{ base: string; rules: Ignore }>, warnings: Warning[]): Array<{ base: string; rules: Ignore }> {
  const file = path.join(absolute, '.gitignore');
  try {
    const text = readFileSync(file, 'utf8');
    return [...inherited, { base: dir, rules: ignore().add(text) }];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      warnings.push({ file: dir ? `${dir}/.gitignore` : '.gitignore', code: 'unreadable', message: `cannot read .gitignore: ${(error as Error).message}` });
    }
    return inherited;
  }
}

function isIgnored(ignores: Array<{ base: string; rules: Ignore }>, rel: string, isDir: boolean): boolean {
  for (const { base, rules } of ignores) {
    const relative = base ? rel.slice(base.length + 1) : rel;
    if (rules.ignores(isDir ? `${relative}/` : relative)) return true;
  }
  return false;
}

/** Why a symbolic link is not scanned: it leaves the root, loops, dangles, or points at a file scanned under its own path. */
export function symlinkSkipSync(root: string, rel: string): SkippedFile['reason'] {
  try {
    const target = realpathSync(path.join(root, rel));
    const realRoot = realpathSync(root);
    const inside = target === realRoot || target.startsWith(realRoot + path.sep);
    return inside ? 'symlink' : 'symlink-outside-root';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'symlink-loop' : 'symlink-broken';
  }
}

