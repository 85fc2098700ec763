// `planlint/docxText`: the text of a Word document, read by the server for the client's read-only view of it (the client cannot read .docx itself).
import type { Connection } from 'vscode-languageserver/node';
import { DOCX_TEXT_REQUEST, type DocxTextParams, type DocxTextResult } from '../../protocol.js';
import { guardRequest } from '../guard.js';
import type { Server } from '../state.js';

export function registerDocxText(connection: Connection, { state }: Server): void {
  connection.onRequest(
    DOCX_TEXT_REQUEST,
    guardRequest<DocxTextParams, DocxTextResult | null>(state.log, DOCX_TEXT_REQUEST, null, (params) => state.docxTexts.read(params?.uri, state.configs.forUri(String(params?.uri)).locale)),
  );
}
