/** `npm run bench`: builds, then runs every bench/*.bench.mjs in order; the Markdown goes to stdout and bench/out/latest.md. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
execFileSync('npm', ['run', 'build'], { cwd: path.join(here, '..'), stdio: 'inherit' });
const only = process.argv.slice(2);
const sections = [];
for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.mjs')).sort()) {
  if (only.length && !only.some((name) => file.startsWith(name))) continue;
  console.error(`bench: ${file}`);
  const output = execFileSync(process.execPath, [path.join(here, file)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  process.stdout.write(output);
  sections.push(output);
}
mkdirSync(path.join(here, 'out'), { recursive: true });
writeFileSync(path.join(here, 'out', 'latest.md'), sections.join('\n'));
