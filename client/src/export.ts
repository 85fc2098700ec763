// "Export task table": asks the server for CSV / XLSX / Word / Markdown and saves it where the user chooses.
import * as vscode from 'vscode';
import { t } from './i18n.js';
import { EXPORT_TABLE_REQUEST, type ExportTableParams, type ExportTableResult } from '../../server/src/protocol.js';
import type { TableSource } from './table-source.js';

type Format = ExportTableParams['format'];

const EXTENSIONS: Record<Format, string> = { csv: 'csv', md: 'md', json: 'json', xlsx: 'xlsx', docx: 'docx' };

/** Registers `planlint.exportTable` (argument: a format; asks when none is given). */
export function registerExport(source: TableSource): vscode.Disposable {
  return vscode.commands.registerCommand('planlint.exportTable', async (format?: Format) => {
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
            { label: 'CSV', format: 'csv' as const },
            { label: 'XLSX (Excel)', format: 'xlsx' as const },
            { label: 'DOCX (Word)', format: 'docx' as const },
            { label: 'Markdown', format: 'md' as const },
          ],
          { placeHolder: t('Export the task table as') },
        )
      )?.format;
    if (!chosen) return;
    const planUri = vscode.Uri.parse(uri);
    const base = planUri.path.replace(/\.(plan)?(\.txt|\.md)?$/, '').replace(/\.plan$/, '');
    const target = await vscode.window.showSaveDialog({
      defaultUri: planUri.with({ path: `${base}-任务分解表.${EXTENSIONS[chosen]}` }),
      filters: { [chosen.toUpperCase()]: [EXTENSIONS[chosen]] },
    });
    if (!target) return;
    const params: ExportTableParams = { uri, format: chosen };
    const result = await source.client.sendRequest<ExportTableResult | null>(EXPORT_TABLE_REQUEST, params);
    if (!result) {
      void vscode.window.showErrorMessage(t('The task table could not be exported.'));
      return;
    }
    const bytes = result.encoding === 'base64' ? Buffer.from(result.data, 'base64') : Buffer.from(result.data, 'utf8');
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(t('Task table saved to {0}', target.fsPath));
  });
}
