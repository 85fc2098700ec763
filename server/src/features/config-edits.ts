// Edits of a configuration file that settle a plan-level finding: `deadline.planPeriodSatisfies: true` (the plan's period is every task's deadline).
import { applyEdits, modify, parseTree, type ParseError } from 'jsonc-parser';

/** The file a fix creates when no configuration file is found. */
export const NEW_CONFIG_FILE = '.planlintrc.json';

/**
 * The text of a JSON configuration with `deadline.planPeriodSatisfies` set to true, the rest of the text (other
 * keys, their order, comments) kept; `{ "deadline": { "planPeriodSatisfies": true } }` when there is no file yet
 * (null). Null when the existing text is not a JSON object, or already says so (nothing to do).
 */
export function planPeriodConfigText(existing: string | null): string | null {
  const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
  const text = existing === null || existing.trim() === '' ? '{}' : existing.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || root?.type !== 'object') return null;
  const deadline = root.children?.find((p) => p.children?.[0]?.value === 'deadline')?.children?.[1];
  if (deadline !== undefined && deadline.type !== 'object') return null;
  const satisfies = deadline?.children?.find((p) => p.children?.[0]?.value === 'planPeriodSatisfies')?.children?.[1];
  if (satisfies?.value === true) return null;
  const edits = modify(text, ['deadline', 'planPeriodSatisfies'], true, { formattingOptions: { insertSpaces: true, tabSize: 2, eol } });
  const written = applyEdits(text, edits);
  return written.endsWith(eol) ? written : written + eol;
}
