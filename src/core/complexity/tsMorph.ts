/** The entry of dist/typescript.js: the compiler ts-morph ships, bundled apart from the extension and the CLI. */
export { ts } from 'ts-morph';
