// `workspace/executeCommand`: rename a unit's every variant, fix all, renumber a section, insert an attribution; each applied through `workspace/applyEdit`.
import { MessageType, type Connection, type ExecuteCommandParams } from 'vscode-languageserver/node';
import type { TextEdit } from '../../lint/types.js';
import { SERVER_COMMANDS } from '../../protocol.js';
import { offsetOf } from '../convert.js';
import { guardRequest } from '../guard.js';
import type { Server } from '../state.js';
import { renameUnit } from './rename.js';

/**
 * Commands the server executes (`workspace/executeCommand`). The VS Code client registers commands of
 * its own (`planlint.fixAll` …) that call these, so none of these names may be one of the client's.
 */
export const COMMANDS = {
  /** `[uri, position, newName]`: renames a unit and every spelling variant of it in the open plans. */
  renameUnitAllVariants: 'planlint.renameUnitAllVariants',
  ...SERVER_COMMANDS,
} as const;

export function registerCommands(connection: Connection, { state }: Server): void {
  connection.onRequest(
    'workspace/executeCommand',
    guardRequest(state.log, 'workspace/executeCommand', null, async (params: ExecuteCommandParams): Promise<{ applied: boolean; edits?: number } | null> => {
      const args = Array.isArray(params?.arguments) ? params.arguments : [];
      if (params?.command === COMMANDS.renameUnitAllVariants) {
        const edit = renameUnit(state, args[0], args[1], args[2], true);
        if (!edit) return { applied: false };
        const result = await connection.workspace.applyEdit({ label: state.locale() === 'en' ? 'Rename unit' : '重命名单位', edit });
        return { applied: result.applied };
      }
      const found = state.analysisOf(args[0]);
      if (!found) return null;
      const { doc, entry } = found;
      const lc = entry.config.locale;
      let edits: TextEdit[] | null = null;
      let label = '';
      if (params.command === COMMANDS.fixAll) {
        edits = state.service.fixAllEdits(entry);
        label = state.service.fixAllTitle(entry) ?? '';
      } else if (params.command === COMMANDS.renumberSection) {
        const offset = offsetOf(doc, args[1]);
        if (offset === null) return { applied: false };
        edits = state.service.renumberEdits(entry, offset);
        label = lc === 'en' ? 'Renumber items' : '重新编号';
      } else if (params.command === COMMANDS.insertAttribution) {
        const offset = offsetOf(doc, args[1]);
        if (offset === null) return { applied: false };
        const r = state.service.insertAttribution(entry, offset);
        if ('reason' in r) {
          const why = {
            'no-task': lc === 'en' ? 'The cursor is not in a task.' : '光标不在任务中。',
            table: lc === 'en' ? 'A task-table row takes its units in the table’s columns.' : '任务表的行在表格各列中填写单位。',
            'has-attribution': lc === 'en' ? 'This task already has an attribution.' : '该任务已写有分工。',
          }[r.reason];
          state.say(MessageType.Info, `planlint${lc === 'en' ? ': ' : '：'}${why}`);
          return { applied: false };
        }
        edits = [r.edit];
        label = lc === 'en' ? 'Insert attribution' : '插入分工模板';
      }
      if (edits === null) return null;
      if (edits.length === 0) return { applied: true, edits: 0 };
      const result = await connection.workspace.applyEdit({ label, edit: state.workspaceEdit([{ doc, edits }]) });
      return { applied: result.applied, edits: edits.length };
    }),
  );
}
