import os from 'node:os';
import path from 'node:path';

/** Overrides the platform's cache folder (tests, CI caches). */
export const CACHE_DIR_VARIABLE = 'DEBT_PORTFOLIO_CACHE_DIR';

const NAME = 'debt-portfolio';

/**
 * The tool's cache folder, outside any repository: `$DEBT_PORTFOLIO_CACHE_DIR` when set; else
 * `~/Library/Caches/debt-portfolio` on macOS, `%LOCALAPPDATA%\debt-portfolio\Cache` on Windows, and
 * `$XDG_CACHE_HOME/debt-portfolio` or `~/.cache/debt-portfolio` elsewhere (a relative XDG path is ignored, as the spec asks).
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  const override = env[CACHE_DIR_VARIABLE];
  if (override) return path.resolve(override);
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', NAME);
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), NAME, 'Cache');
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache'), NAME);
}
