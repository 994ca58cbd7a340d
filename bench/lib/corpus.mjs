import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Packages from the project's own node_modules, pinned by package-lock.json, that make the benchmark corpus. */
export const CORPUS_PACKAGES = ['eslint', '@typescript-eslint/eslint-plugin', '@typescript-eslint/typescript-estree', 'zod', 'mocha', 'ajv', 'playwright-core', 'eslint-plugin-sonarjs', '@azure/msal-node', 'csv-parse'];

const EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.md']);
const MAX_BYTES = 1024 * 1024;
/** Our scanner leaves these folder names out by default; the copy renames them so every tool reads the same files. */
const RENAMED = new Set(['dist', 'build', 'out', 'coverage', 'vendor', 'node_modules']);

function walk(dir, visit) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else if (entry.isFile()) visit(full);
  }
}

/**
 * A fresh copy of the corpus under `target`: sources and docs of each package, under 1 MiB, not minified.
 * With `files`, the packages are copied again (into copy-2/, copy-3/, …) until exactly that many files are there.
 */
export function buildCorpus(repo, target, { files: wanted } = {}) {
  rmSync(target, { recursive: true, force: true });
  const lock = JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8'));
  const packages = [];
  let files = 0;
  let bytes = 0;
  const full = () => wanted !== undefined && files >= wanted;
  for (let copy = 1; copy === 1 || (wanted !== undefined && !full()); copy++) {
    const base = copy === 1 ? target : path.join(target, `copy-${copy}`);
    for (const name of CORPUS_PACKAGES) {
      const source = path.join(repo, 'node_modules', name);
      const version = lock.packages[`node_modules/${name}`]?.version ?? 'unknown';
      let count = 0;
      walk(source, (file) => {
        if (full() || !EXTENSIONS.has(path.extname(file)) || file.includes('.min.')) return;
        const size = statSync(file).size;
        if (size > MAX_BYTES) return;
        const text = readFileSync(file, 'utf8');
        if (text.length > 2048 && text.length / (text.split('\n').length) > 300) return;
        const rel = path.relative(source, file).split(path.sep).map((part) => (RENAMED.has(part) ? `${part}_` : part));
        const dest = path.join(base, name.replace('/', '__'), ...rel);
        mkdirSync(path.dirname(dest), { recursive: true });
        copyFileSync(file, dest);
        count++;
        files++;
        bytes += size;
      });
      if (copy === 1) packages.push({ name, version, files: count });
    }
  }
  return { packages, files, bytes };
}
