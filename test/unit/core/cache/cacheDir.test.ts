import assert from 'node:assert/strict';
import path from 'node:path';
import { cacheDir } from '../../../../src/core/cache/cacheDir';

describe('cache folder', () => {
  const home = '/home/ann';
  const cases: Array<[string, NodeJS.ProcessEnv, NodeJS.Platform, string]> = [
    ['Linux without XDG_CACHE_HOME', {}, 'linux', '/home/ann/.cache/debt-portfolio'],
    ['Linux with XDG_CACHE_HOME', { XDG_CACHE_HOME: '/var/cache/ann' }, 'linux', '/var/cache/ann/debt-portfolio'],
    ['Linux with a relative XDG_CACHE_HOME (ignored)', { XDG_CACHE_HOME: 'cache' }, 'linux', '/home/ann/.cache/debt-portfolio'],
    ['macOS', { XDG_CACHE_HOME: '/ignored' }, 'darwin', '/home/ann/Library/Caches/debt-portfolio'],
    ['Windows', { LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }, 'win32', 'C:\\Users\\ann\\AppData\\Local\\debt-portfolio\\Cache'],
    ['the override', { DEBT_PORTFOLIO_CACHE_DIR: '/tmp/x', XDG_CACHE_HOME: '/ignored' }, 'linux', '/tmp/x'],
  ];
  for (const [where, env, platform, expected] of cases) {
    it(`is ${expected} on ${where}`, () => assert.equal(cacheDir(env, platform, home), expected));
  }

  it('resolves a relative override against the working folder', () => {
    assert.equal(cacheDir({ DEBT_PORTFOLIO_CACHE_DIR: 'rel' }, 'linux', home), path.resolve('rel'));
  });
});
