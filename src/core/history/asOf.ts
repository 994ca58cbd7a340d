import { gitOutput, runGit } from '../git/run';
import { historyOff } from './history';

const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The commit `--as-of <rev|date>` names (a date: the last commit before it, on HEAD), or the one-line reason it names none. */
export async function resolveAsOf(root: string, value: string): Promise<{ commit: string; time: number } | { problem: string }> {
  if (value.startsWith('-')) return { problem: `--as-of "${value}" looks like an option: give a revision or a date (YYYY-MM-DD)` };
  const off = await historyOff(root);
  if (off) return { problem: `--as-of needs git history, and ${off.replace(/^git history is off: /, '')}` };
  const date = DATE.test(value) ? Date.parse(value.includes('T') || value.includes(' ') ? value : `${value}T00:00:00Z`) : undefined;
  if (date !== undefined && Number.isNaN(date)) return { problem: `--as-of "${value}" is not a date` };
  const commit = date !== undefined ? await lastCommitBefore(root, date / 1000) : await commitNamed(root, value);
  if (!commit) return { problem: date !== undefined ? `--as-of ${value} is before the first commit (${await firstCommitDay(root)})` : `--as-of "${value}" is not a commit in this repository` };
  const time = Number((await gitOutput(root, ['show', '-s', '--no-show-signature', '--format=%ct', '--end-of-options', commit])).stdout.toString().trim());
  return { commit, time };
}

async function commitNamed(root: string, value: string): Promise<string | undefined> {
  const at = await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${value}^{commit}`]);
  return at.code === 0 ? at.stdout.toString().trim() : undefined;
}

async function lastCommitBefore(root: string, seconds: number): Promise<string | undefined> {
  const listed = (await gitOutput(root, ['rev-list', '-1', `--before=${Math.floor(seconds)}`, 'HEAD', '--'])).stdout.toString().trim();
  return /^[0-9a-f]{40,64}$/.test(listed) ? listed : undefined;
}

async function firstCommitDay(root: string): Promise<string> {
  const times = (await gitOutput(root, ['log', '--max-parents=0', '--format=%ct', 'HEAD', '--'])).stdout.toString().split('\n').filter(Boolean).map(Number);
  return new Date(Math.min(...times) * 1000).toISOString().slice(0, 10);
}
