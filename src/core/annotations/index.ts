import { annotationsFromComments, type FoundAnnotation, type TagMatcher } from './grammar';
import type { Language } from './languages';
import { lexComments, type Comment } from './lexer';
import { lexMarkup } from './markup';

export { DEFAULT_TAGS, tagMatcher, type FoundAnnotation, type TagMatcher } from './grammar';
export { languageOf, type Language } from './languages';

export function commentsOf(text: string, language: Language): Comment[] {
  return language.family.type === 'lex' ? lexComments(text, language.family.spec) : lexMarkup(text, language.family.embedded);
}

/** The annotations in one file's text; a file with no tag anywhere is not lexed at all. */
export function findAnnotations(text: string, language: Language, file: string, tags: TagMatcher): FoundAnnotation[] {
  if (!tags.anywhere.test(text)) return [];
  return annotationsFromComments(text, commentsOf(text, language), file, tags);
}
