// The plan parser: a document is a sequence of lines; a line holds paragraphs, each opened by an optional numbering marker.
import { EmbeddedActionsParser, type IOrAlt, type IParserConfig, type IRecognitionException, type IToken } from 'chevrotain';
import { allTokens, Inline, Marker, Newline, RowPipe } from './tokens.js';

/** A paragraph (optionally opened by a numbering marker) or a pipe-table row, in document order. */
export interface Block {
  kind: 'paragraph' | 'tableRow';
  /** The numbering marker that opens the paragraph, if any. */
  marker: IToken | null;
  /** The tokens after the marker, in order (whitespace skipped; pipes included for table rows). */
  tokens: IToken[];
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
 * Bracket and parenthesis nesting is left to the model, which matches them with a stack, so
 * that 10,000 nested brackets cost nothing more than 10,000 characters.
 *
 * Speed: the block being built lives on the parser (`parts`, `marker`, `blocks`), so that every closure
 * and `OR` alternative array is made once, here, rather than at every rule call and every token (which
 * cost three times as much as the parse itself: 36 → 12 ms on the 1 MB corpus plan). The rules do not
 * nest into each other (a paragraph never holds a table row), so one `parts` suffices.
 */
export class PlanParser extends EmbeddedActionsParser {
  private blocks: Block[] = [];
  private parts: IToken[] = [];
  private marker: IToken | null = null;

  private readonly pushInline = (): void => void this.parts.push(this.CONSUME(Inline));
  private readonly pushInline2 = (): void => void this.parts.push(this.CONSUME2(Inline));
  private readonly documentAlts: IOrAlt<void>[] = [
    { ALT: () => void this.CONSUME(Newline) },
    { ALT: () => void this.blocks.push(this.SUBRULE(this.tableRow)) },
    { ALT: () => void this.blocks.push(this.SUBRULE(this.paragraph)) },
  ];
  private readonly documentItem = (): void => this.OR(this.documentAlts);
  private readonly paragraphAlts: IOrAlt<void>[] = [
    {
      ALT: () => {
        this.marker = this.CONSUME(Marker);
        this.MANY(this.pushInline);
      },
    },
    { ALT: () => this.AT_LEAST_ONE(this.pushInline2) },
  ];
  private readonly pushInline3 = (): void => void this.parts.push(this.CONSUME3(Inline));

  constructor(config: IParserConfig = PARSER_CONFIG) {
    super(allTokens, { ...config });
    this.performSelfAnalysis();
  }

  public document = this.RULE('document', (): Block[] => {
    const blocks: Block[] = (this.blocks = []);
    this.MANY(this.documentItem);
    // Keep nothing of this text on the shared parser.
    this.blocks = [];
    this.parts = [];
    this.marker = null;
    return blocks;
  });

  public paragraph = this.RULE('paragraph', (): Block => {
    const parts: IToken[] = (this.parts = []);
    this.marker = null;
    this.OR3(this.paragraphAlts);
    const marker = this.marker;
    const first = marker ?? parts[0];
    const last = parts.length > 0 ? parts[parts.length - 1] : marker;
    return { kind: 'paragraph', marker, tokens: parts, start: first?.startOffset ?? 0, end: last ? end(last) : 0 };
  });

  public tableRow = this.RULE('tableRow', (): Block => {
    const parts: IToken[] = (this.parts = [this.CONSUME(RowPipe)]);
    this.MANY2(this.pushInline3);
    const last = parts[parts.length - 1];
    return { kind: 'tableRow', marker: null, tokens: parts, start: parts[0]?.startOffset ?? 0, end: last ? end(last) : 0 };
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
