import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { SkippedFile, Warning } from '../model';
import { gitOutput, repositoryKind } from '../git/run';
import type { PathFilter } from './excludes';
import { decodeName, fsPath, nulSeparatedNames } from './fileNames';

export interface FileList {
  lister: 'git' | 'walk';
  /** POSIX paths relative to the root, in a stable order. */
  files: string[];
  skipped: SkippedFile[];
  warnings: Warning[];
}

const BARE: FileList = {
  lister: 'git',
  files: [],
  skipped: [],
  warnings: [{ file: '.', code: 'bare-repository', message: 'a bare git repository: it has no working tree, and its internals are not scanned' }],
};

/**
 * Lists the files under `root`: from git when it is a work tree (exact .gitignore semantics), else by walking;
 * nothing in a bare repository. Names that are not valid UTF-8 keep their bytes (see fileNames).
 */
export async function listFiles(root: string, filter: PathFilter, options: { noGit?: boolean; signal?: AbortSignal } = {}): Promise<FileList> {
  const kind = options.noGit ? (looksLikeBareRepository(root) ? 'bare' : 'none') : await repositoryKind(root);
  if (kind === 'bare') return structuredClone(BARE);
  if (kind === 'work-tree') return filterListed('git', await gitFiles(root, options.signal), filter);
  return walk(root, filter, options.signal);
}

/** A folder git would take for a bare repository (HEAD, objects/, refs/), told without running git. */
function looksLikeBareRepository(root: string): boolean {
  try {
    return statSync(path.join(root, 'HEAD')).isFile() && statSync(path.join(root, 'objects')).isDirectory() && statSync(path.join(root, 'refs')).isDirectory();
  } catch {
    return false;
  }
}

const GITLINK = '160000';

/** Tracked files (submodules apart) and untracked, unignored ones; an untracked folder git lists with a "/" holds a repository of its own. */
async function gitFiles(root: string, signal?: AbortSignal): Promise<{ files: string[]; submodules: string[] }> {
  const tracked = await gitOutput(root, ['ls-files', '--cached', '--stage', '-z'], { signal });
  const untracked = await gitOutput(root, ['ls-files', '--others', '--exclude-standard', '-z'], { signal });
  const files = new Set<string>();
  const submodules = new Set<string>();
  for (const entry of nulSeparatedNames(tracked.stdout)) {
    const tab = entry.indexOf('\t');
    (entry.startsWith(`${GITLINK} `) ? submodules : files).add(entry.slice(tab + 1));
  }
  for (const name of nulSeparatedNames(untracked.stdout)) {
    if (name.endsWith('/')) submodules.add(name.slice(0, -1));
    else files.add(name);
  }
  return { files: [...files].sort(), submodules: [...submodules].sort() };
}

function filterListed(lister: 'git' | 'walk', listed: { files: string[]; submodules: string[] }, filter: PathFilter): FileList {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of listed.files) {
    if (filter.accepts(file)) files.push(file);
    else skipped.push({ file, reason: 'excluded' });
  }
  for (const file of listed.submodules) skipped.push({ file, reason: filter.accepts(file) ? 'submodule' : 'excluded' });
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
    const absolute = fsPath(root, dir);
    let entries: Array<Dirent<Buffer>>;
    try {
      entries = readdirSync(absolute, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      warnings.push({ file: dir || '.', code: 'unreadable', message: `cannot list folder: ${(error as Error).message}` });
      skipped.push({ file: `${dir || '.'}/`, reason: 'unreadable' });
      continue;
    }
    const ignores = withGitignore(root, dir, inherited, warnings);
    if (stack.length % 32 === 0) await new Promise((resolve) => setImmediate(resolve));
    entries.sort((a, b) => Buffer.compare(b.name, a.name));
    for (const entry of entries) {
      const name = decodeName(entry.name);
      const rel = dir ? `${dir}/${name}` : name;
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

function withGitignore(root: string, dir: string, inherited: Array<{ base: string; rules: Ignore }>, warnings: Warning[]): Array<{ base: string; rules: Ignore }> {
  const file = fsPath(root, dir ? `${dir}/.gitignore` : '.gitignore');
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
    const target = realpathSync(fsPath(root, rel));
    const realRoot = realpathSync(root);
    const inside = target === realRoot || target.startsWith(realRoot + path.sep);
    return inside ? 'symlink' : 'symlink-outside-root';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'symlink-loop' : 'symlink-broken';
  }
}

