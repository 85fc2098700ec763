// The one shared lexer instance: turns plan text into tokens, never failing (every character is some token).
import { Lexer, type ILexingResult } from 'chevrotain';
import { allTokens } from './tokens.js';

/** The lexer, built once with first-character optimisations required (a build error if they are lost). */
export const planLexer = new Lexer(allTokens, {
  ensureOptimizations: true,
  positionTracking: 'onlyOffset',
  skipValidations: false,
});

/** Tokenises `text`. Comments and scraping noise come back in `groups.comments` / `groups.noise`. */
export function tokenize(text: string): ILexingResult {
  return planLexer.tokenize(text);
}
