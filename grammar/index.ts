// The grammar's public face: `parseText` turns plan text into tokens and a flat list of blocks (never throws); the
// attribution and deadline readers find a paragraph's attribution clauses and a text's deadline phrases.
import type { IToken } from 'chevrotain';
import { tokenize } from './lexer.js';
import { parseBlocks, type Block } from './parser.js';

export * as tokens from './tokens.js';
export * from './numerals.js';
export {
  copulaValueAt,
  leadsAfterBy,
  markedUnits,
  MAX_BY_UNITS,
  namedList,
  readAttributionSyntax,
  spacedValueAt,
  TASK_COUNT_END,
  UNIT_END,
  unitsThenVerb,
  withoutModal,
  type AttributionPart,
  type AttributionSyntax,
} from './attribution.js';
export {
  daysIn,
  deadlineStartsAt,
  findPlanPeriod,
  mayHoldDeadline,
  onlyFillerAround,
  DeadlineScan,
  type DeadlinePhrase,
  type DeadlinePrecision,
  type Expr as DeadlineExpr,
  type Win as DeadlineWindow,
  type YearRef,
} from './deadline.js';
export { DATE_LINE } from './field-lines.js';
export type { IToken } from 'chevrotain';
export type { Block } from './parser.js';
/** Words of manner cut from a name in a list of units (`包村领导具体` → `包村领导`). */
export { beforeModal } from './attribution.js';

/** What the grammar reads from one text. */
export interface ParsedText {
  tokens: IToken[];
  blocks: Block[];
  /** HTML comments (directives live there). */
  comments: IToken[];
  /** Scraping noise such as pinyin `(fā)`. */
  noise: IToken[];
  /** Lexer or parser errors; the grammar accepts any text, so this stays empty unless something is wrong. */
  errors: { offset: number; message: string }[];
}

/** Tokenises and parses `text`. Never throws: an internal failure comes back in `errors`. */
export function parseText(text: string): ParsedText {
  try {
    const lexed = tokenize(text);
    const { blocks, errors } = parseBlocks(lexed.tokens);
    return {
      tokens: lexed.tokens,
      blocks,
      comments: (lexed.groups['comments'] as IToken[] | undefined) ?? [],
      noise: (lexed.groups['noise'] as IToken[] | undefined) ?? [],
      errors: [
        ...lexed.errors.map((e) => ({ offset: e.offset, message: e.message })),
        ...errors.map((e) => ({ offset: e.token.startOffset, message: e.message })),
      ],
    };
  } catch (error) {
    return {
      tokens: [],
      blocks: [],
      comments: [],
      noise: [],
      errors: [{ offset: 0, message: `internal grammar error: ${String(error)}` }],
    };
  }
}
