// The `stylish` format (the default, ESLint's look): findings grouped by file, aligned columns, a summary line.
import type { Locale } from '../../lint/types.js';
import { displayWidth, padEnd } from '../terminal.js';
import { countDiagnostics, positionsOf, type Counts, type Formatter } from './report.js';

const SEVERITY_WORDS: Record<Locale, Record<'error' | 'warning' | 'info', string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** `✖ 12 个问题（3 个错误，9 个警告）` / `✖ 12 problems (3 errors, 9 warnings)`; infos only when there are some. */
export function summaryLine(c: Counts, locale: Locale): string {
  const total = c.errors + c.warnings + c.infos;
  if (locale === 'en') {
    const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
    const parts = [n(c.errors, 'error'), n(c.warnings, 'warning'), ...(c.infos > 0 ? [n(c.infos, 'info')] : [])];
    return `✖ ${n(total, 'problem')} (${parts.join(', ')})`;
  }
  const parts = [`${c.errors} 个错误`, `${c.warnings} 个警告`, ...(c.infos > 0 ? [`${c.infos} 个提示`] : [])];
  return `✖ ${total} 个问题（${parts.join('，')}）`;
}

export const stylish: Formatter = (files, { locale, colors: k }) => {
  const words = SEVERITY_WORDS[locale];
  const paint = { error: k.red, warning: k.yellow, info: k.cyan };
  let out = '';
  for (const file of files) {
    if (file.diagnostics.length === 0) continue;
    const rows = file.diagnostics.map((d) => {
      const p = positionsOf(d);
      return { d, pos: `${p.line}:${p.column}`, sev: words[d.severity], msg: d.message.replace(/\s*[\r\n]+\s*/g, ' ') };
    });
    const wPos = Math.max(...rows.map((r) => r.pos.length));
    const wSev = Math.max(...rows.map((r) => displayWidth(r.sev)));
    const wMsg = Math.max(...rows.map((r) => displayWidth(r.msg)));
    out += `\n${k.underline(file.path)}\n`;
    for (const r of rows) {
      out += `  ${k.dim(r.pos.padEnd(wPos))}  ${paint[r.d.severity](padEnd(r.sev, wSev))}  ${padEnd(r.msg, wMsg)}  ${k.dim(`${r.d.ruleId} ${r.d.ruleName}`)}\n`;
    }
  }
  const c = countDiagnostics(files);
  const total = c.errors + c.warnings + c.infos;
  if (total > 0) {
    const color = c.errors > 0 ? k.red : c.warnings > 0 ? k.yellow : k.cyan;
    out += `\n${color(k.bold(summaryLine(c, locale)))}\n`;
    if (c.fixable > 0) {
      out += locale === 'en' ? `  ${c.fixable} of them can be fixed with --fix\n` : `  其中 ${c.fixable} 个可用 --fix 自动修复\n`;
    }
  }
  const fixed = files.filter((f) => f.fixed).length;
  if (fixed > 0) {
    out += (total > 0 ? '' : '\n') + k.green(locale === 'en' ? `✔ fixed ${fixed} file${fixed === 1 ? '' : 's'}` : `✔ 已修复 ${fixed} 个文件`) + '\n';
  }
  return out;
};
