// The plan parser: a document is a sequence of lines; a line holds paragraphs, each opened by an optional numbering marker.
import { EmbeddedActionsParser, type IOrAlt, type IParserConfig, type IRecognitionException, type IToken } from 'chevrotain';
import { emptyLabelAt, labelBeforeValue, namesLineAfter, valueLineAfter } from './field-lines.js';
import { allTokens, DeadlineField, holdsBlankLine, Inline, Marker, Newline, RowPipe } from './tokens.js';
import { countBrackets, mayWrap, wrapsInBracket, type OpenBrackets } from './wrap.js';

/**
 * A paragraph (optionally opened by a numbering marker) or a pipe-table row, in document order. Its tokens stay in
 * the one token vector (a block's tokens are consecutive in it), which `ParsedText.tokens` is: no array per block
 * (for the 1 MB corpus plan, 9,000 arrays grown token by token), and no reference to the vector, so that the
 * tokens can be collected once their reader is done while blocks are still kept.
 */
export interface Block {
  kind: 'paragraph' | 'tableRow';
  /** The numbering marker that opens the paragraph, if any. */
  marker: IToken | null;
  /**
   * The block's tokens after the marker (whitespace skipped; pipes included for table rows): from `first` up to
   * `last` (exclusive) in the token vector.
   */
  first: number;
  last: number;
  /** Offsets of the block's first and after-last character. */
  start: number;
  end: number;
}

/**
 * How the parser is built. Chevrotain's grammar validations (ambiguities, left recursion…) cost tens of
 * milliseconds at start-up, which the CLI's cold start cannot afford; they run in the grammar tests
 * instead (`skipValidations: false` there). Recovery is off: every token the lexer keeps is a `Newline`,
 * a `RowPipe`, a `Marker` or an `Inline`, and the grammar accepts any sequence of them, so there is nothing
 * to recover from (an internal error would still come back in `errors`, never as an exception).
 */
export const PARSER_CONFIG: Readonly<IParserConfig> = Object.freeze({
  recoveryEnabled: false,
  maxLookahead: 1,
  skipValidations: true,
});

const end = (t: IToken) => t.startOffset + t.image.length;

/**
 * The grammar, with embedded actions that build the blocks directly, in document order (no CST):
 *   document  := (Newline | tableRow | paragraph)*
 *   paragraph := Marker Inline* | Inline+          — ends at a line break or the next marker
 *   tableRow  := RowPipe Inline*                    — a Markdown pipe-table line (its inner pipes are Inline)
 * but for one action: a line break that is a hard wrap inside an attribution bracket (`（牵头单位：市金融` / `工作局）`,
 * `wrapAt`), or that parts a field's label from its value on the next line (`牵头单位：` / `市市场监管局`, `goesOnAt`),
 * does not end its paragraph, and the paragraph after it is the same block (the line break among its tokens). A paragraph's brackets are counted (`countBrackets`, each token once) only to tell a wrap from a
 * paragraph's end; what they hold is left to the model, which matches them by their depth, so that 10,000 nested
 * brackets cost nothing more than 10,000 characters. (A gated repetition in the paragraph rule read the same, but its
 * look-ahead, made anew for each paragraph, cost the parse of the 1 MB bench plan a fifth more.)
 *
 * Speed: the block being built lives on the parser (`parts`, `marker`, `blocks`), so that every closure
 * and `OR` alternative array is made once, here, rather than at every rule call and every token (which
 * cost three times as much as the parse itself: 36 → 12 ms on the 1 MB corpus plan). The rules do not
 * nest into each other (a paragraph never holds a table row), so one `parts` suffices.
 */
export class PlanParser extends EmbeddedActionsParser {
  private blocks: Block[] = [];
  /**
   * The index in the token vector of the next token. The grammar accepts any sequence of tokens, so every token
   * is consumed, in order, and counting them gives each its index.
   */
  private next = 0;
  /** The last token consumed, the block's last. */
  private lastToken: IToken | null = null;
  private marker: IToken | null = null;
  /** The brackets the paragraph being read has open, counted up to `counted` (the tokens before are counted). */
  private readonly open: OpenBrackets = { depth: 0, keyword: false };
  private counted = 0;
  /**
   * The paragraph the line break just read does not end (it wraps inside an open bracket, or a field's value follows
   * on the next line): the next paragraph goes on with it.
   */
  private wrapped: Block | null = null;
  /** The unit field whose value the line just read gave, on a line after its label (its token's index), else -1. */
  private valueLabel = -1;

  private readonly consumeInline = (): void => {
    this.lastToken = this.CONSUME(Inline);
    this.next++;
  };
  private readonly consumeInline2 = (): void => {
    this.lastToken = this.CONSUME2(Inline);
    this.next++;
  };
  private readonly documentAlts: IOrAlt<void>[] = [
    {
      ALT: () => {
        this.CONSUME(Newline);
        this.wrapped = this.goesOnAt(this.next);
        this.next++;
      },
    },
    {
      ALT: () => {
        this.wrapped = null;
        this.blocks.push(this.SUBRULE(this.tableRow));
      },
    },
    {
      ALT: () => {
        const wrapped = this.wrapped;
        const block = this.SUBRULE(this.paragraph);
        this.wrapped = null;
        if (wrapped === null) this.blocks.push(block);
        else {
          // The paragraph goes on after the wrap: its tokens, the line break's and this one's are consecutive.
          wrapped.last = block.last;
          wrapped.end = block.end;
        }
      },
    },
  ];
  private readonly documentItem = (): void => this.OR(this.documentAlts);
  private readonly paragraphAlts: IOrAlt<void>[] = [
    {
      ALT: () => {
        this.marker = this.lastToken = this.CONSUME(Marker);
        this.next++;
        this.MANY(this.consumeInline);
      },
    },
    { ALT: () => this.AT_LEAST_ONE(this.consumeInline2) },
  ];
  private readonly consumeInline3 = (): void => {
    this.lastToken = this.CONSUME3(Inline);
    this.next++;
  };

  /**
   * The paragraph last read when the line break at `at`, just read, does not end it, else null: a hard wrap inside its
   * open bracket (`wrapAt`); the break after a field's label left empty on its line when the next line is its value
   * (`牵头单位：` / `市市场监管局`), and after a unit field's value given so when the next line names units too
   * (`field-lines.ts`). Reads the line after the break only where a paragraph ends in such a label or value.
   */
  private goesOnAt(at: number): Block | null {
    const label = this.valueLabel;
    this.valueLabel = -1;
    const wrapped = this.wrapAt(at);
    if (wrapped !== null || this.RECORDING_PHASE) return wrapped;
    const toks = this.input;
    const previous = this.blocks[this.blocks.length - 1];
    if (previous === undefined || previous.kind !== 'paragraph' || previous.last !== at) return null;
    // The lines of a unit field's value are consecutive (a blank line or a sign-off's date ends the list).
    if (label >= 0 && !holdsBlankLine(toks[at]!.image) && namesLineAfter(toks, at)) {
      this.valueLabel = label;
      return previous;
    }
    const empty = emptyLabelAt(toks, previous.first, at);
    if (empty < 0 || !valueLineAfter(toks, empty, at)) return null;
    // A deadline is one line; a unit field's value may go on over the lines after.
    if (toks[empty]!.tokenType !== DeadlineField) this.valueLabel = empty;
    return previous;
  }

  /**
   * The paragraph last read when the line break at `at`, just read, is a hard wrap inside its open bracket
   * (`wrapsInBracket`), else null. Its brackets are counted from where they were counted to, each token once; the
   * paragraphs that end before a blank line, a marker or a table row (most) are let go without counting (`mayWrap`).
   */
  private wrapAt(at: number): Block | null {
    const toks = this.input;
    const previous = this.blocks[this.blocks.length - 1];
    if (this.RECORDING_PHASE || previous === undefined || previous.kind !== 'paragraph' || previous.last !== at) return null;
    if (!mayWrap(toks[at]!, toks[at + 1])) return null;
    countBrackets(toks, this.counted, at, this.open);
    this.counted = at;
    return wrapsInBracket(toks, at, this.open, labelBeforeValue) ? previous : null;
  }

  constructor(config: IParserConfig = PARSER_CONFIG) {
    super(allTokens, { ...config });
    this.performSelfAnalysis();
  }

  public document = this.RULE('document', (): Block[] => {
    const blocks: Block[] = (this.blocks = []);
    this.next = 0;
    this.MANY(this.documentItem);
    // Keep nothing of this text on the shared parser.
    this.blocks = [];
    this.lastToken = null;
    this.marker = null;
    this.wrapped = null;
    this.valueLabel = -1;
    return blocks;
  });

  public paragraph = this.RULE('paragraph', (): Block => {
    this.marker = null;
    this.lastToken = null;
    const from = this.next;
    // A paragraph after a wrap goes on with the one before: its brackets are counted on.
    if (this.wrapped === null) {
      this.open.depth = 0;
      this.counted = from;
    }
    this.OR3(this.paragraphAlts);
    // (Read through casts: TypeScript does not see that the alternatives set them.)
    const marker = this.marker as IToken | null;
    const last = this.lastToken as IToken | null;
    const first = marker !== null ? from + 1 : from;
    // `?.`: while the grammar is recorded, tokens are placeholders and the vector is empty.
    const start = marker?.startOffset ?? this.input[first]?.startOffset ?? 0;
    return { kind: 'paragraph', marker, first, last: this.next, start, end: last ? end(last) : 0 };
  });

  public tableRow = this.RULE('tableRow', (): Block => {
    const from = this.next;
    const pipe = (this.lastToken = this.CONSUME(RowPipe));
    this.next++;
    this.MANY2(this.consumeInline3);
    const last = this.lastToken as IToken | null;
    return { kind: 'tableRow', marker: null, first: from, last: this.next, start: pipe.startOffset, end: last ? end(last) : 0 };
  });
}

let shared: PlanParser | null = null;

/** The one parser instance, built on first use (Chevrotain parsers are costly to build and cheap to reset). */
export function planParser(): PlanParser {
  return (shared ??= new PlanParser());
}

/** Parses a token vector into blocks, in document order. */
export function parseBlocks(tokens: IToken[]): { blocks: Block[]; errors: IRecognitionException[] } {
  const parser = planParser();
  parser.input = tokens;
  const blocks = parser.document() ?? [];
  const errors = parser.errors;
  parser.input = []; // nor its tokens
  return { blocks, errors };
}
