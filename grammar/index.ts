// The grammar's public face: `parseText` turns plan text into tokens, a CST and a flat list of blocks. Never throws.
import type { CstNode, IToken } from 'chevrotain';
import { tokenize } from './lexer.js';
import { parseTokens } from './parser.js';

export * as tokens from './tokens.js';
export * from './numerals.js';
export type { IToken, CstNode } from 'chevrotain';

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

/** What the grammar reads from one text. */
export interface ParsedText {
  cst: CstNode;
  tokens: IToken[];
  blocks: Block[];
  /** HTML comments (directives live there). */
  comments: IToken[];
  /** Scraping noise such as pinyin `(fā)`. */
  noise: IToken[];
  /** Lexer or parser errors; the grammar accepts any text, so this stays empty unless something is wrong. */
  errors: { offset: number; message: string }[];
}

const EMPTY_CST: CstNode = { name: 'document', children: {} };

/** Tokenises and parses `text`. Never throws: an internal failure comes back in `errors`. */
export function parseText(text: string): ParsedText {
  try {
    const lexed = tokenize(text);
    const { cst, errors } = parseTokens(lexed.tokens);
    return {
      cst,
      tokens: lexed.tokens,
      blocks: blocksOf(cst),
      comments: (lexed.groups['comments'] as IToken[] | undefined) ?? [],
      noise: (lexed.groups['noise'] as IToken[] | undefined) ?? [],
      errors: [
        ...lexed.errors.map((e) => ({ offset: e.offset, message: e.message })),
        ...errors.map((e) => ({ offset: e.token.startOffset, message: e.message })),
      ],
    };
  } catch (error) {
    return {
      cst: EMPTY_CST,
      tokens: [],
      blocks: [],
      comments: [],
      noise: [],
      errors: [{ offset: 0, message: `internal grammar error: ${String(error)}` }],
    };
  }
}

function isToken(x: IToken | CstNode): x is IToken {
  return (x as IToken).image !== undefined;
}

/** Flattens the CST into blocks in document order. */
export function blocksOf(cst: CstNode): Block[] {
  const nodes: CstNode[] = [
    ...((cst.children['paragraph'] as CstNode[] | undefined) ?? []),
    ...((cst.children['tableRow'] as CstNode[] | undefined) ?? []),
  ];
  const blocks = nodes.map((node): Block => {
    const marker = (node.children['Marker'] as IToken[] | undefined)?.[0] ?? null;
    const parts: IToken[] = [];
    for (const key of ['Inline', 'Pipe']) {
      for (const child of node.children[key] ?? []) if (isToken(child)) parts.push(child);
    }
    if (node.name === 'tableRow') parts.sort((a, b) => a.startOffset - b.startOffset);
    const first = marker ?? parts[0]!;
    const last = parts.length > 0 ? parts[parts.length - 1]! : marker!;
    return {
      kind: node.name === 'tableRow' ? 'tableRow' : 'paragraph',
      marker,
      tokens: parts,
      start: first.startOffset,
      end: last.startOffset + last.image.length,
    };
  });
  return blocks.sort((a, b) => a.start - b.start);
}
