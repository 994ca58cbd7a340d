import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Installs Debian packages the benchmarks need (ripgrep, GNU time) when missing and we are root. */
export function ensureDebianTools(tools = { rg: 'ripgrep', '/usr/bin/time': 'time' }) {
  const missing = Object.entries(tools).filter(([bin]) => !has(bin)).map(([, pkg]) => pkg);
  if (missing.length === 0) return true;
  if (process.getuid?.() !== 0) {
    console.error(`bench: missing ${missing.join(', ')}; install them with: sudo apt-get install -y ${missing.join(' ')}`);
    return false;
  }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return Object.keys(tools).every(has);
}

function has(bin) {
  if (bin.startsWith('/')) return existsSync(bin);
  return spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
}

/** Runs a command under GNU time: wall seconds, peak RSS in MiB, and its stdout. */
export function measure(command, args, options = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const last = result.stderr.trim().split('\n').pop() ?? '';
  const [wall, rssKiB] = last.split(' ').map(Number);
  return { wall, rssMiB: rssKiB / 1024, stdout: result.stdout, status: result.status, stderr: result.stderr };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
