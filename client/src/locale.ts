// The client's UI strings without VS Code: which locale a `planlint.locale` setting picks, and an English UI string in that locale.
import zh from '../../l10n/bundle.l10n.zh-cn.json';

/** The two locales of planlint's UI. */
export type UiLocale = 'zh-CN' | 'en';

const ZH: Record<string, string> = zh;

/**
 * `zh-CN` or `en` from the `planlint.locale` setting; `auto` (or anything else) follows the display language:
 * English when it is English, Chinese otherwise (the users are Chinese drafters), as the language server decides.
 */
export function resolveLocale(setting: string | undefined, displayLanguage: string): UiLocale {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return displayLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** An English UI string (a key of l10n/bundle.l10n.zh-cn.json) in `locale`, with `{0}` `{1}`… filled from `args`. */
export function translate(locale: UiLocale, message: string, args: readonly (string | number)[] = []): string {
  const template = locale === 'zh-CN' ? (ZH[message] ?? message) : message;
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : whole));
}
