// The plan parser: a document is a sequence of lines; a line holds paragraphs, each opened by an optional numbering marker.
import { CstParser, type CstNode, type IToken } from 'chevrotain';
import { allTokens, Inline, Marker, Newline, Pipe } from './tokens.js';

/**
 * CST shape:
 *   document  := (Newline | tableRow | paragraph)*
 *   paragraph := Marker Inline* | Inline+          — ends at a line break or the next marker
 *   tableRow  := Pipe (Inline | Pipe)*              — a Markdown pipe-table line
 * Bracket and parenthesis nesting is left to the model, which matches them with a stack, so
 * that 10,000 nested brackets cost nothing more than 10,000 characters.
 */
export class PlanParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  public document = this.RULE('document', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Newline) },
        { ALT: () => this.SUBRULE(this.tableRow) },
        { ALT: () => this.SUBRULE(this.paragraph) },
      ]);
    });
  });

  public paragraph = this.RULE('paragraph', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Marker);
          this.MANY(() => this.CONSUME(Inline));
        },
      },
      { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME2(Inline)) },
    ]);
  });

  public tableRow = this.RULE('tableRow', () => {
    this.CONSUME(Pipe);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME2(Pipe) }, { ALT: () => this.CONSUME(Inline) }]);
    });
  });
}

/** The one parser instance, reused (Chevrotain parsers are costly to build and cheap to reset). */
export const planParser = new PlanParser();

/** Parses a token vector into a CST. */
export function parseTokens(tokens: IToken[]): { cst: CstNode; errors: PlanParser['errors'] } {
  planParser.input = tokens;
  const cst = planParser.document();
  return { cst, errors: planParser.errors };
}
