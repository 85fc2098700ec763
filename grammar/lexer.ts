// The one shared lexer instance: turns plan text into tokens, never failing (every character is some token).
import { Lexer, type ILexerConfig, type ILexingResult } from 'chevrotain';
import { allTokens } from './tokens.js';

/**
 * How the lexer is built: first-character optimisations are required (a build error if they are lost).
 * Chevrotain's token validations cost about a second at start-up, which the CLI's cold start cannot
 * afford; they run in the grammar tests instead (`skipValidations: false` there).
 */
export const LEXER_CONFIG: Readonly<ILexerConfig> = Object.freeze({
  ensureOptimizations: true,
  positionTracking: 'onlyOffset',
  skipValidations: true,
});

let shared: Lexer | null = null;

/**
 * The lexer, built with `LEXER_CONFIG` on first use: building it costs ~20 ms, which `--version`, `--help`
 * and the CLI's usage errors then do not pay.
 */
export function planLexer(): Lexer {
  return (shared ??= new Lexer(allTokens, { ...LEXER_CONFIG }));
}

/** Tokenises `text`. Comments and scraping noise come back in `groups.comments` / `groups.noise`. */
export function tokenize(text: string): ILexingResult {
  return planLexer().tokenize(text);
}
