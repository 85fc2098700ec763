// `planlint/taskTable` (the client's preview, tree view and status bar) and `planlint/exportTable` (the table as a file, the preview's filter applied).
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { EXPORT_TABLE_REQUEST, TASK_TABLE_REQUEST, type ExportTableParams, type ExportTableResult, type TaskTableParams, type TaskTableResult } from '../../protocol.js';
import { TABLE_FORMATS, type TableFormat } from '../../service.js';
import { guardRequest } from '../guard.js';
import { uriToPath } from '../settings.js';
import type { Server } from '../state.js';

export function registerTaskTable(connection: Connection, { state }: Server): void {
  connection.onRequest(
    TASK_TABLE_REQUEST,
    guardRequest(state.log, TASK_TABLE_REQUEST, null, (params: TaskTableParams): TaskTableResult | null => {
      const found = state.analysisOf(params?.uri);
      return found ? state.service.taskTable(found.entry, state.today()) : null;
    }),
  );

  connection.onRequest(
    EXPORT_TABLE_REQUEST,
    guardRequest(state.log, EXPORT_TABLE_REQUEST, null, async (params: ExportTableParams): Promise<ExportTableResult | null> => {
      const found = state.analysisOf(params?.uri);
      const format = params?.format;
      if (!found || !TABLE_FORMATS.includes(format as TableFormat)) return null;
      const { entry } = found;
      const table = state.service.taskTable(entry, state.today());
      const file = uriToPath(found.doc.uri) ?? found.doc.uri;
      const bytes = await state.service.exportTable(table.rows, {
        format,
        name: path.basename(file),
        filter: params.filter,
        today: table.today,
        locale: entry.config.locale,
        problems: params.problems === true,
        title: entry.analysis.plan.title,
      });
      return format === 'xlsx' || format === 'docx'
        ? { data: Buffer.from(bytes).toString('base64'), encoding: 'base64' }
        : { data: Buffer.from(bytes).toString('utf8'), encoding: 'utf8' };
    }),
  );
}
