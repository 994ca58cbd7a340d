import picomatch from 'picomatch';

/** Folders never scanned unless an include glob asks for them. */
export const DEFAULT_EXCLUDED_DIRS = ['node_modules', 'dist', 'out', 'build', 'coverage', 'vendor', '.git'];

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'Cargo.lock', 'Gemfile.lock', 'poetry.lock', 'composer.lock', 'go.sum', 'Pipfile.lock'];

export const DEFAULT_EXCLUDES = [...DEFAULT_EXCLUDED_DIRS.map((dir) => `**/${dir}/**`), '**/*.min.*', ...LOCKFILES.map((name) => `**/${name}`)];

export interface PathFilter {
  /** True when a file (POSIX path relative to the root) is to be scanned. */
  accepts(file: string): boolean;
  /** True when a whole folder can be left out of a walk. */
  prunes(dir: string): boolean;
}

export function pathFilter(include: readonly string[], exclude: readonly string[]): PathFilter {
  const options = { dot: true };
  const excluded = picomatch([...DEFAULT_EXCLUDES, ...exclude], options);
  const included = include.length > 0 ? picomatch([...include], options) : () => true;
  return {
    accepts: (file) => included(file) && !excluded(file),
    prunes: (dir) => excluded(`${dir}/x`),
  };
}
