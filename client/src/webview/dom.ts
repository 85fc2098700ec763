// Small DOM helpers of the task-table webview: elements get text through textContent, never markup.

/** The labels the extension sends, localised (the webview has no l10n of its own). */
export type Labels = Record<string, string> & { locale: string };

/** An element with text content (never markup) and an optional class. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', cls = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

/** Fills `{0}` `{1}`… of a label. */
export function format(template: string | undefined, ...args: (string | number)[]): string {
  return (template ?? '').replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}
