/**
 * The extension-test entry: VS Code (code-server here, or VS Code via @vscode/test-electron elsewhere) loads
 * this file in the extension host and calls run(). Suites are bundled in; mocha comes from node_modules.
 */
import Mocha from 'mocha';

/** Printed when mocha has run every suite: a run that ends without it lost its extension host. */
const SUITES_DONE = 'DEBT_PORTFOLIO_SUITES_DONE';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  const suites = process.env.DEBT_PORTFOLIO_SUITES;
  if (suites === 'bench') await import('./bench');
  else if (suites === 'multi-root') await import('./multiRoot.test');
  else await import('./suites');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`${SUITES_DONE} ${failures}`);
      return failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve();
    });
  });
}
