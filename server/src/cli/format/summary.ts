// The end of every lint run, whatever the format: how many files were checked, and each file skipped with its reason.
import type { Locale } from '../../lint/types.js';
import type { ReportFile } from './report.js';

/** What the run passed over besides the files in the report. */
export interface RunTally {
  /** Files and folders passed over by ignore rules (`.gitignore`, `ignores`, `--ignore-pattern`). */
  ignored: number;
  /** `--quiet`: the count only, not the list of skipped files. */
  quiet: boolean;
}

/**
 * True when the file was read and linted: not skipped, and without an error or with what reading it gave (an
 * encoding, findings, a Word document's notes): a file whose fixes could not be written was still checked.
 */
export function wasChecked(file: ReportFile): boolean {
  if (file.skipped !== undefined) return false;
  return file.error === undefined || file.encoding !== undefined || file.diagnostics.length > 0 || (file.notes?.length ?? 0) > 0;
}

/**
 * The run's closing lines: `已跳过 PATH：reason` for each skipped file (not with `--quiet`), then
 * `检查了 N 个文件，跳过 M 个…` / `checked N files, skipped M…`.
 */
export function summaryLines(files: readonly ReportFile[], tally: RunTally, locale: Locale): string[] {
  const en = locale === 'en';
  const skipped = files.filter((f) => f.skipped !== undefined);
  const checked = files.filter(wasChecked).length;
  const unread = files.filter((f) => f.skipped === undefined && !wasChecked(f)).length;
  const lines = tally.quiet ? [] : skipped.map((f) => (en ? `skipped ${f.path}: ${f.skipped}` : `已跳过 ${f.path}：${f.skipped}`));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = en
    ? [checked === 0 ? 'no file was checked' : `checked ${plural(checked, 'file')}`]
    : [checked === 0 ? '没有检查任何文件' : `检查了 ${checked} 个文件`];
  if (skipped.length > 0) parts.push(en ? `skipped ${skipped.length}` : `跳过 ${skipped.length} 个`);
  if (unread > 0) parts.push(en ? `${unread} could not be read` : `${unread} 个无法读取`);
  if (tally.ignored > 0) {
    parts.push(en ? `${plural(tally.ignored, 'path')} ignored (--no-ignore includes them)` : `${tally.ignored} 个路径按忽略规则未查看（--no-ignore 可包括）`);
  }
  lines.push(parts.join(en ? ', ' : '，'));
  return lines;
}
