// Edits of a configuration file that settle a plan-level finding: `deadline.planPeriodSatisfies: true` (the plan's period is every task's deadline).

/** The file a fix creates when no configuration file is found. */
export const NEW_CONFIG_FILE = '.planlintrc.json';

/**
 * The text of a JSON configuration with `deadline.planPeriodSatisfies` set to true, other keys kept in their
 * order; `{ "deadline": { "planPeriodSatisfies": true } }` when there is no file yet (null). Null when the
 * existing text is not a JSON object, or already says so (nothing to do).
 */
export function planPeriodConfigText(existing: string | null): string | null {
  let config: Record<string, unknown> = {};
  if (existing !== null && existing.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(existing.replace(/^\uFEFF/, ''));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
      config = parsed as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  const deadline = config['deadline'];
  if (deadline !== undefined && (deadline === null || typeof deadline !== 'object' || Array.isArray(deadline))) return null;
  const d = (deadline ?? {}) as Record<string, unknown>;
  if (d['planPeriodSatisfies'] === true) return null;
  config['deadline'] = { ...d, planPeriodSatisfies: true };
  const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
  return JSON.stringify(config, null, 2).replace(/\n/g, eol) + eol;
}
