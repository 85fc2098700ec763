// The client's UI strings follow `planlint.locale` (`auto`: VS Code's display language), read at each call so a change applies at once.
// VS Code's own l10n follows only the display language, and few drafters' VS Code has a Chinese language pack.
import * as vscode from 'vscode';
import { resolveLocale, translate, type UiLocale } from './locale.js';

/** `zh-CN` or `en`, from the `planlint.locale` setting. */
export function effectiveLocale(): UiLocale {
  return resolveLocale(vscode.workspace.getConfiguration('planlint').get<string>('locale', 'auto'), vscode.env.language);
}

/** Translates an English UI string (the key of l10n/bundle.l10n.zh-cn.json), filling `{0}` `{1}`…. */
export function t(message: string, ...args: (string | number)[]): string {
  return translate(effectiveLocale(), message, args);
}

/** `one` when `count` is 1, else `other` (Chinese has one form for both), with `count` as `{0}`. */
export function tn(count: number, one: string, other: string, ...args: (string | number)[]): string {
  return t(count === 1 ? one : other, count, ...args);
}
