// A parser of chosen stretches of the token vector, with marks between them: the attribution grammar's base.
import { createTokenInstance, EmbeddedActionsParser, EOF, type IOrAlt, type IParserConfig, type IToken, type TokenType } from 'chevrotain';
import { Newline } from './tokens.js';

/**
 * How the sub-parsers are built, as the block parser is (`PARSER_CONFIG`): validations skipped in production and run
 * in the grammar tests, no recovery (the rules accept whatever the stretches they are given hold).
 */
export const SUB_PARSER_CONFIG: Readonly<IParserConfig> = Object.freeze({
  recoveryEnabled: false,
  maxLookahead: 1,
  skipValidations: true,
});

/** Nothing to read: what a parser holds between two readings. */
const NONE: readonly IToken[] = Object.freeze([]);

/** The end of the window (Chevrotain's end-of-input token). */
const EOF_TOKEN = markOf(EOF);

/** The index a mark or the end of the window stands at: past every stretch, so that no rule reads on into it. */
export const PAST = 0x7fffffff;

/** A mark: a token of `type` that stands in no text. */
export function markOf(type: TokenType): IToken {
  return createTokenInstance(type, '', NaN, NaN, NaN, NaN, NaN, NaN);
}

/**
 * A parser that reads chosen stretches of a token vector with marks between them (tokens of types of their own that
 * stand in no text: where a stretch starts and ends, so that the choice of rule is LL(1)), and reports what it
 * recognises by the vector's indexes. Chevrotain reads its own input array: the window, written before each reading
 * (`stretch`, `mark`) and cleared after it. The rules count what they consume (`take`), so `at` is always the vector
 * index of the next token and `after` the index after the last one (`PAST` at a mark or the end).
 */
export abstract class WindowParser extends EmbeddedActionsParser {
  /** The vector being read (empty between readings). */
  protected toks: readonly IToken[] = NONE;
  /** The vector index of the next token, `PAST` at a mark or at the end. */
  protected at = PAST;
  /** The vector index after the last token consumed (`PAST` after a mark). */
  protected after = 0;
  /**
   * The window and the vector index of each of its tokens (`PAST` for a mark), `size` of them: kept from reading to
   * reading and written over in place, so that a reading allocates no array; after each reading every slot holds
   * `EOF` again (nothing of the text is kept).
   */
  private readonly window: IToken[] = [];
  private readonly indexes: number[] = [];
  private size = 0;
  private pos = 0;

  constructor(vocabulary: TokenType[], config: IParserConfig) {
    super(vocabulary, { ...config });
  }

  /**
   * Adds the tokens [from, to) of `toks` to the window, but for line breaks: a paragraph holds one only where it was
   * joined over a hard wrap (`牵头单位：市金融` / `工作局`), which is layout, not syntax.
   */
  protected stretch(toks: readonly IToken[], from: number, to: number): void {
    const { window, indexes } = this;
    let k = this.size;
    for (let i = from; i < to; i++) {
      const t = toks[i]!;
      if (t.tokenType === Newline) continue;
      window[k] = t;
      indexes[k++] = i;
    }
    this.size = k;
  }

  /** Adds a mark to the window. */
  protected mark(token: IToken): void {
    this.window[this.size] = token;
    this.indexes[this.size++] = PAST;
  }

  /** Runs `rule` over the window built from `toks`; the parser keeps nothing of it afterwards. */
  protected read<T>(toks: readonly IToken[], rule: () => T): T {
    const { window, indexes, size } = this;
    // The reading ends at the first EOF: slots past it hold EOF or marks and tokens already read.
    window[size] = EOF_TOKEN;
    indexes[size] = PAST;
    this.input = window;
    this.toks = toks;
    this.pos = 0;
    this.at = indexes[0]!;
    try {
      return rule();
    } finally {
      window.fill(EOF_TOKEN, 0, size + 1);
      this.size = 0;
      this.toks = NONE;
    }
  }

  /** Consumes the next token, which is of `type` (the `n`th such consumption in its rule); returns its vector index. */
  protected take(n: number, type: TokenType): number {
    this.consume(n, type);
    const i = this.indexes[this.pos++]!;
    this.at = this.indexes[this.pos]!;
    this.after = i === PAST ? PAST : i + 1;
    return i;
  }

  /**
   * One alternative per token kind of `types`, each consuming a token of its kind (as the `n`th consumption of that
   * kind in its rule) and handing its index to `then` (not while the grammar is recorded). Made once per parser, as
   * fields: alternatives made at every token would cost more than the parse.
   */
  protected kinds(n: number, types: readonly TokenType[], then?: (i: number) => unknown): IOrAlt<unknown>[] {
    if (then === undefined) return types.map((type) => ({ ALT: () => this.take(n, type) }));
    return types.map((type) => ({
      ALT: () => {
        const i = this.take(n, type);
        this.ACTION(() => then(i));
      },
    }));
  }
}
