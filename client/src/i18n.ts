// The client's UI strings: Chinese when planlint.locale (or, with `auto`, VS Code's display language) says so.
// VS Code's own l10n follows only the display language, and few drafters' VS Code has a Chinese language pack.
import * as vscode from 'vscode';
import zh from '../../l10n/bundle.l10n.zh-cn.json';

const ZH: Record<string, string> = zh;

/** `zh-CN` or `en`, from the `planlint.locale` setting. */
export function effectiveLocale(): 'zh-CN' | 'en' {
  const setting = vscode.workspace.getConfiguration('planlint').get<string>('locale', 'auto');
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return vscode.env.language.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** Translates an English UI string (the key of l10n/bundle.l10n.zh-cn.json), filling `{0}` `{1}`…. */
export function t(message: string, ...args: (string | number)[]): string {
  const template = effectiveLocale() === 'zh-CN' ? (ZH[message] ?? message) : t(message);
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : whole));
}
