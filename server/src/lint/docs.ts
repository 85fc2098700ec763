// Where each rule's page lives: one base URL for the editor's links (`codeDescription.href`) and SARIF's `helpUri`.

/**
 * The repository's web address (package.json `repository.url` without `.git`; a test checks they agree).
 * Rule pages are read on the repository's web view, so a link works from any editor, CI log or SARIF
 * viewer, with no file path of the machine that linted.
 */
export const REPOSITORY_URL = 'https://github.com/planlint/planlint';

/** The folder of rule pages: `docs/rules/PL001.md` … on the main branch. */
export const RULE_DOCS_BASE = `${REPOSITORY_URL}/blob/main/docs/rules/`;

/** The page of rule `id` (`PL001` → …/docs/rules/PL001.md); null for an id that is not a rule's (`PL` + three digits). */
export function ruleDocUrl(id: string): string | null {
  return /^PL\d{3}$/.test(id) ? `${RULE_DOCS_BASE}${id}.md` : null;
}
