// A plan's table of contents (`目录` and the headings under it, often with leader dots and page numbers): no part of
// the outline. Read as headings, its entries were tasks with every field missing, a numbering that ran back to `一、`
// when the body began, and a renumbering fix that rewrote the body's headings.

import { isSpaceCode } from './text.js';
import type { LineTable } from './positions.js';
import type { Span } from './types.js';

/** The heading of a table of contents: `目录`, `目 录`, `目　录`, `**目录**`, `## 目录`, `目录：`. */
const CONTENTS_HEADING = /^(?:目录|目錄)[:：]?$/;
/** A list's bullet opening a line (`- `, `+ `, `* `), after its indent. */
const BULLET = /^[\s\u3000]*[-+*][ \t]+/;
/** What decorates a line of a table of contents: spaces, Markdown marks (`#`, `*`). */
const DECORATION = /[\s\u3000#*]+/g;
/** Leader dots and the page number that end an entry: `…… 3`, `.......12`, `··· 4`, `— 5 —`. */
const LEADER_AND_PAGE = /(?:[.．·…‥⋯\-—_]{2,}[\s\u3000]*|[\s\u3000]+)[-—]?[\s\u3000]*\d{1,3}[\s\u3000]*[-—]?[\s\u3000]*$/;
/** Leader dots alone at an entry's end (the page number lost). */
const LEADER = /[.．·…‥⋯]{3,}[\s\u3000]*$/;
/** An entry is a heading: short, no sentence; its line, leader dots and page number included, not much longer. */
const MAX_ENTRY = 60;
const MAX_LINE = 200;
const SENTENCE = /[。；;！？!?]/;
/** How far into the text a table of contents is looked for, in lines; and how many entries it may hold. */
const HEAD_LINES = 80;
const MAX_ENTRIES = 200;

/** A Chinese character (U+4E00–U+9FFF): no part of a line's decoration, leader dots or page number. */
const isHan = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;

/** A line's words as a heading compares them: decoration, leader dots and page number dropped. */
function entryWords(line: string): { words: string; paged: boolean } {
  const paged = LEADER_AND_PAGE.test(line) || LEADER.test(line);
  const bare = paged ? line.replace(LEADER_AND_PAGE, '').replace(LEADER, '') : line;
  return { words: bare.replace(BULLET, '').replace(DECORATION, ''), paged };
}

/**
 * The stretch of `text` that a table of contents takes, from its `目录` line to the start of the body, or null when the
 * text has none. Its entries are the lines after the heading (blank lines aside) up to the line that repeats the first
 * entry (the body's first heading); with no such line, up to the last entry with leader dots or a page number, when
 * most entries have them. A list that is neither (a heading `目录` over a few lines of prose) is no table of contents.
 */
export function contentsSpan(text: string, lines: LineTable): Span | null {
  const lineText = (i: number) => {
    const start = lines.lineStart(i);
    let end = i + 1 < lines.lineCount ? lines.lineStart(i + 1) : text.length;
    while (end > start && (text.charCodeAt(end - 1) === 0x0a || text.charCodeAt(end - 1) === 0x0d)) end--;
    return text.slice(start, end);
  };
  const headEnd = HEAD_LINES < lines.lineCount ? lines.lineStart(HEAD_LINES) : text.length;
  // Only a line holding `目` can be the heading: a native search finds them (most plans have none in their head).
  const head = text.slice(0, headEnd);
  for (let at = head.indexOf('目'); at >= 0; ) {
    const h = lines.lineAt(at);
    const found = at;
    at = h + 1 < lines.lineCount ? head.indexOf('目', lines.lineStart(h + 1)) : -1;
    // `录` (`錄`) follows, spaces and Markdown marks (`*`, `#`) aside: `目标`, `项目` are passed over before the line is read.
    let after = found + 1;
    while (after < head.length && (isSpaceCode(head.charCodeAt(after)) || head.charCodeAt(after) === 0x2a || head.charCodeAt(after) === 0x23)) after++;
    if (head.charCodeAt(after) !== 0x5f55 && head.charCodeAt(after) !== 0x9304) continue;
    // A Chinese character beside the words (`实行目录化`, `事项目录`) is never decoration: that line is no heading, and its
    // words are not read.
    if (isHan(head.charCodeAt(found - 1)) || isHan(head.charCodeAt(after + 1))) continue;
    const heading = lineText(h);
    if (heading.length > MAX_LINE || !CONTENTS_HEADING.test(entryWords(heading).words)) continue;
    let first: string | null = null;
    let entries = 0;
    let paged = 0;
    let lastPaged = -1;
    for (let i = h + 1; i < lines.lineCount && entries < MAX_ENTRIES; i++) {
      const line = lineText(i);
      // A long line is no entry (and its end is not searched for a page number: the search is read per line start).
      if (line.length > MAX_LINE) break;
      const entry = entryWords(line);
      if (entry.words.length === 0) continue;
      // The body begins where its first heading comes again.
      if (first !== null && entry.words === first) return { start: lines.lineStart(h), end: lines.lineStart(i) };
      if (entry.words.length > MAX_ENTRY || SENTENCE.test(entry.words)) break;
      first ??= entry.words;
      entries++;
      if (entry.paged) {
        paged++;
        lastPaged = i;
      }
    }
    if (lastPaged >= 0 && paged * 2 >= entries) return { start: lines.lineStart(h), end: lastPaged + 1 < lines.lineCount ? lines.lineStart(lastPaged + 1) : text.length };
    return null;
  }
  return null;
}
