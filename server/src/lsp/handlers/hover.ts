// `textDocument/hover`: the service's Markdown, or plain text for clients that cannot show Markdown.
import { MarkupKind, type Connection, type HoverParams } from 'vscode-languageserver/node';
import { markdownToPlain, rangeOf } from '../convert.js';
import { guardRequest } from '../guard.js';
import type { Server } from '../state.js';

export function registerHover(connection: Connection, { state }: Server): void {
  connection.onRequest(
    'textDocument/hover',
    guardRequest(state.log, 'textDocument/hover', null, (params: HoverParams) => {
      const found = state.analysisAt(params);
      if (!found) return null;
      const { offset } = found;
      const hover = state.service.hover(found.entry, offset, state.today());
      if (!hover) return null;
      const formats = state.caps.textDocument?.hover?.contentFormat;
      const markdown = !formats || formats.includes(MarkupKind.Markdown);
      return {
        contents: markdown ? { kind: MarkupKind.Markdown, value: hover.markdown } : { kind: MarkupKind.PlainText, value: markdownToPlain(hover.markdown) },
        range: rangeOf(found.doc, hover.span),
      };
    }),
  );
}
