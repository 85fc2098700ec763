// "Export task table": asks the server for CSV / XLSX / Word / Markdown, saves it where the user chooses, and offers to open it.
import * as vscode from 'vscode';
import { t } from './i18n.js';
import { EXPORT_TABLE_REQUEST, type ExportTableParams, type ExportTableResult } from '../../server/src/protocol.js';
import { readFilter, type TableFilter } from '../../server/src/features/table-filter.js';
import type { TableSource } from './table-source.js';

type Format = ExportTableParams['format'];

const EXTENSIONS: Record<Format, string> = { csv: 'csv', md: 'md', json: 'json', xlsx: 'xlsx', docx: 'docx' };

/** What the preview adds to an export: its filters and whether its problems column is shown. */
export interface ExportOptions {
  filter?: TableFilter;
  problems?: boolean;
}

/**
 * Registers `planlint.exportTable` (arguments: a format, asked for when missing; options from the preview).
 * From the command palette the whole table is written, without the 问题 (problems) column.
 */
export function registerExport(source: TableSource): vscode.Disposable {
  return vscode.commands.registerCommand('planlint.exportTable', async (format?: Format, options?: ExportOptions) => {
    const uri = source.uri ?? (vscode.window.activeTextEditor?.document.languageId === 'plan' ? vscode.window.activeTextEditor.document.uri.toString() : null);
    if (!uri) {
      void vscode.window.showInformationMessage(t('Open a plan first.'));
      return;
    }
    const chosen =
      format ??
      (
        await vscode.window.showQuickPick(
          [
            { label: 'XLSX (Excel)', format: 'xlsx' as const },
            { label: 'DOCX (Word)', format: 'docx' as const },
            { label: 'CSV', format: 'csv' as const },
            { label: 'Markdown', format: 'md' as const },
            { label: 'JSON', format: 'json' as const },
          ],
          { placeHolder: t('Export the task table as') },
        )
      )?.format;
    if (!chosen || !(chosen in EXTENSIONS)) return;
    const filter = readFilter(options?.filter);
    const planUri = vscode.Uri.parse(uri);
    const base = planUri.path.replace(/\.(plan)?(\.txt|\.md)?$/, '').replace(/\.plan$/, '');
    // A file per unit when the table is one unit's share of the plan.
    const suffix = filter.unit ? `-${filter.unit.replace(/[\\/:*?"<>|]/g, '_')}` : '';
    const target = await vscode.window.showSaveDialog({
      defaultUri: planUri.with({ path: `${base}-任务分解表${suffix}.${EXTENSIONS[chosen]}` }),
      filters: { [chosen.toUpperCase()]: [EXTENSIONS[chosen]] },
    });
    if (!target) return;
    const params: ExportTableParams = { uri, format: chosen, filter, problems: options?.problems === true };
    const result = await source.client.sendRequest<ExportTableResult | null>(EXPORT_TABLE_REQUEST, params);
    if (!result) {
      void vscode.window.showErrorMessage(t('The task table could not be exported.'));
      return;
    }
    const bytes = result.encoding === 'base64' ? Buffer.from(result.data, 'base64') : Buffer.from(result.data, 'utf8');
    await vscode.workspace.fs.writeFile(target, bytes);
    const open = t('Open');
    const answer = await vscode.window.showInformationMessage(t('Task table saved to {0}', target.fsPath), open);
    if (answer === open) await openExported(target, chosen, uri);
  });
}

/**
 * Opens an exported file: a workbook in the program the system opens it with; a text format in an editor, in the
 * plan's editor group (the export button sits in the preview, which should stay in view).
 */
async function openExported(target: vscode.Uri, format: Format, planUri: string): Promise<void> {
  if (format === 'xlsx') {
    await vscode.env.openExternal(target);
    return;
  }
  const plan = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === planUri);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false, viewColumn: plan?.viewColumn ?? vscode.ViewColumn.Active });
}
