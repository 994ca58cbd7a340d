import { annotationsFromComments, type FoundAnnotation, type TagMatcher } from './grammar';
import type { Language } from './languages';
import { lexComments, type Comment, type Meter } from './lexer';
import { lexMarkup, lexPhp } from './markup';

export { DEFAULT_TAGS, tagMatcher, type FoundAnnotation, type TagMatcher } from './grammar';
export { languageOf, type Language } from './languages';

/** The comments of a file's text; `meter` counts the characters the lexer examines. */
export function commentsOf(text: string, language: Language, meter: Meter = { steps: 0 }): Comment[] {
  const { family } = language;
  if (family.type === 'lex') return lexComments(text, family.spec, meter);
  return family.type === 'markup' ? lexMarkup(text, family.dialect, meter) : lexPhp(text, meter);
}

/** The annotations in one file's text; a file with no tag anywhere is not lexed at all. */
export function findAnnotations(text: string, language: Language, file: string, tags: TagMatcher): FoundAnnotation[] {
  if (!tags.anywhere.test(text)) return [];
  return annotationsFromComments(text, commentsOf(text, language), file, tags);
}
