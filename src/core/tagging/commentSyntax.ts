/** How to write a one-line comment in a language: its opener and, for block-only languages, its closer. */
export interface CommentSyntax {
  open: string;
  close?: string;
}

const SLASHES: CommentSyntax = { open: '//' };
const HASH: CommentSyntax = { open: '#' };
const DASHES: CommentSyntax = { open: '--' };
const MARKUP: CommentSyntax = { open: '<!--', close: '-->' };
const SEMICOLON: CommentSyntax = { open: ';' };
const PERCENT: CommentSyntax = { open: '%' };

/** By VS Code language id (and the scanner's own ids, which mostly coincide). */
const BY_LANGUAGE: Record<string, CommentSyntax> = {
  ...Object.fromEntries(
    ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'c', 'cpp', 'csharp', 'java', 'kotlin', 'scala', 'go', 'rust', 'swift', 'dart', 'php', 'scss', 'less', 'jsonc'].map((id) => [id, SLASHES]),
  ),
  ...Object.fromEntries(['python', 'ruby', 'shellscript', 'shell', 'yaml', 'toml', 'dockerfile', 'makefile', 'r', 'perl', 'powershell', 'elixir', 'coffeescript'].map((id) => [id, HASH])),
  ...Object.fromEntries(['sql', 'lua', 'haskell'].map((id) => [id, DASHES])),
  ...Object.fromEntries(['html', 'xml', 'vue', 'svelte', 'markdown'].map((id) => [id, MARKUP])),
  ...Object.fromEntries(['ini', 'clojure', 'lisp', 'asm'].map((id) => [id, SEMICOLON])),
  ...Object.fromEntries(['latex', 'tex', 'erlang', 'matlab'].map((id) => [id, PERCENT])),
  css: { open: '/*', close: '*/' },
};

export function commentSyntaxOf(languageId: string): CommentSyntax | undefined {
  return BY_LANGUAGE[languageId];
}

/** A whole comment line: `indent + opener + " " + body [+ " " + closer]`. */
export function commentLine(syntax: CommentSyntax, indent: string, body: string): string {
  return `${indent}${syntax.open} ${body}${syntax.close ? ` ${syntax.close}` : ''}`;
}
