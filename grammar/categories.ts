// The categories a token belongs to (an opener, a field name, a numbering marker…), by token type index, as bit flags:
// the readers that walk a paragraph's tokens (the attribution look-ahead, the hard-wrap reader) ask once per token.
import { tokenMatcher, type IToken } from 'chevrotain';
import { allTokens, Closer, FieldName, Keyword, Marker, Opener, RoleVerb, Together } from './tokens.js';

export const OPENER = 1;
export const CLOSER = 2;
export const FIELD = 4;
export const ROLE_VERB = 8;
export const KEYWORD = 16;
export const MARKER = 32;

const FLAGS = (() => {
  const flags = new Uint8Array(Math.max(...allTokens.map((t) => t.tokenTypeIdx!)) + 1);
  const categories = [[Opener, OPENER], [Closer, CLOSER], [FieldName, FIELD], [RoleVerb, ROLE_VERB], [Keyword, KEYWORD], [Marker, MARKER]] as const;
  for (const type of allTokens) {
    const probe = { tokenTypeIdx: type.tokenTypeIdx!, tokenType: type } as IToken;
    for (const [category, flag] of categories) if (tokenMatcher(probe, category)) flags[type.tokenTypeIdx!]! |= flag;
  }
  return flags;
})();

/** Does `t` belong to one of the categories `flag` holds? */
export const is = (t: IToken, flag: number): boolean => (FLAGS[t.tokenTypeIdx]! & flag) !== 0;

/** A keyword that makes a group an attribution: a field name, a role verb or `会同` (not `由`, which a name may hold). */
export const isGroupKeyword = (t: IToken): boolean => is(t, FIELD | ROLE_VERB) || t.tokenType === Together;
