import { rmSync } from 'node:fs';
import path from 'node:path';
import { git, initRepo, writeFiles } from './tempDir';

/** A real repository whose commits carry the dates, authors and messages a test gives them. */
export class ScriptedRepo {
  constructor(readonly root: string) {
    initRepo(root);
  }

  commit(files: Record<string, string | null>, options: { date: string; author?: string; message?: string }): string {
    for (const [file, content] of Object.entries(files)) {
      if (content === null) rmSync(path.join(this.root, file));
      else writeFiles(this.root, { [file]: content });
    }
    git(this.root, ['add', '-A']);
    const [name, email] = (options.author ?? 'Alice <alice@example.com>').match(/^(.*) <(.*)>$/)!.slice(1) as [string, string];
    const env = { GIT_AUTHOR_DATE: options.date, GIT_COMMITTER_DATE: options.date, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email };
    git(this.root, ['commit', '-q', '--allow-empty', '-m', options.message ?? 'change'], env);
    return git(this.root, ['rev-parse', 'HEAD']).trim();
  }

  rename(from: string, to: string, options: { date: string; author?: string; message?: string }): string {
    git(this.root, ['mv', '--', from, to]);
    return this.commit({}, { ...options, message: options.message ?? `rename ${from}` });
  }
}

export const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
