// Which file names are plans, text files that may be plans, or Word documents: shared by the CLI's folder discovery and the workspace scan.

/** File names that are plans whatever their content (case-insensitive). */
export const PLAN_EXTENSIONS: readonly string[] = ['.plan', '.plan.txt', '.plan.md'];

/** Text files that are plans when their content reads as one. */
export const TEXT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.text'];

/** Word documents: a .docx is read as Word shows it (`cli/docx.ts`); .doc and .wps are not read (`word`). */
export const WORD_EXTENSIONS: readonly string[] = ['.docx', '.doc', '.wps'];

function endsWithAny(name: string, extensions: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext));
}

/** True when the name ends in `.plan`, `.plan.txt` or `.plan.md`. */
export function hasPlanExtension(name: string): boolean {
  return endsWithAny(name, PLAN_EXTENSIONS);
}

/** True for `.txt`, `.md`, `.text` names: plans when their text reads as one. */
export function hasTextExtension(name: string): boolean {
  return endsWithAny(name, TEXT_EXTENSIONS);
}

/** True for `.docx`, `.doc`, `.wps` names. */
export function isWordName(name: string): boolean {
  return endsWithAny(name, WORD_EXTENSIONS);
}
