import { annotationsFromComments, type FoundAnnotation, type TagMatcher } from './grammar';
import type { Language } from './languages';
import { lexComments, type Comment } from './lexer';
import { lexMarkup, lexPhp } from './markup';

export { DEFAULT_TAGS, tagMatcher, type FoundAnnotation, type TagMatcher } from './grammar';
export { languageOf, type Language } from './languages';

export function commentsOf(text: string, language: Language): Comment[] {
  const { family } = language;
  if (family.type === 'lex') return lexComments(text, family.spec);
  return family.type === 'markup' ? lexMarkup(text, family.dialect) : lexPhp(text);
}

/** The annotations in one file's text; a file with no tag anywhere is not lexed at all. */
export function findAnnotations(text: string, language: Language, file: string, tags: TagMatcher): FoundAnnotation[] {
  if (!tags.anywhere.test(text)) return [];
  return annotationsFromComments(text, commentsOf(text, language), file, tags);
}
