// Lints one file or one text: read and decode, find its configuration, analyse, fix and write back. Runs in the main thread and in workers.
import { describeKind } from '../model/kind-words.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import { ConfigCache, loadConfigFromPath } from '../config/load.js';
import type { LintDiagnostic, Locale, Severity } from '../lint/types.js';
import type { PlanDocument } from '../model/types.js';
import { createPlanService, type PlanLanguageService } from '../service.js';
import { ChangedOnDiskError, writeFileAtomic } from './atomic.js';
import { fsPath, lookupPath } from './byte-paths.js';
import type { SkipReason } from './classify.js';
import { docxNotes, placeDiagnostics, readOfficeBytes, type ReportDiagnostic } from './docx.js';
import type { DocxText } from '../docx/read.js';
import { decodeText, encodeText, type EncodingName } from '../text/encoding.js';

/** Files larger than this are skipped: a plan is a few hundred kilobytes at most. */
export const MAX_PLAN_BYTES = 32 * 1024 * 1024;

/** How files are linted; plain data, so that it can be handed to a worker. */
export interface LintFileOptions {
  /** Apply safe fixes and write files back. */
  fix: boolean;
  /** `--encoding`: read every file in this encoding instead of detecting it. */
  encoding?: string;
  /** `--locale`: the messages' language, over the configuration's. */
  locale?: Locale;
  /** The language of the CLI's own words (reasons for skipping a file). */
  uiLocale: Locale;
  /** `--config`: one configuration file (absolute) for every file instead of the nearest one. */
  configFile?: string;
  /** `--rule ID:SEVERITY` overrides, as rule ids. */
  ruleOverrides?: Array<[string, Severity]>;
  /**
   * The report shows each finding's suggested fixes (JSON): they are found when the file is linted. Otherwise they
   * are never found, and the findings kept for the report hold nothing of the file's analysis.
   */
  suggestions?: boolean;
}

/** What linting one file gave. */
export interface FileOutcome {
  /** Absolute path, or null for standard input. */
  abs: string | null;
  /** In a Word document, each finding also names its paragraph or table cell. */
  diagnostics: ReportDiagnostic[];
  encoding?: EncodingName;
  bom?: boolean;
  /** The file was not linted and that is fine (binary, too large): why. */
  skipped?: string;
  /** Why it was skipped, as a code (`binary`, `too-large`; folder discovery adds the others). */
  skipReason?: SkipReason;
  /** The file could not be linted or fixed (unreadable, undecodable, changed while fixing): why. */
  error?: string;
  /** `--fix` changed and wrote the file. */
  fixed?: boolean;
  /** Standard input with `--fix`: the fixed text, encoded as it came in. */
  output?: Uint8Array;
  /** How a Word document was read (tracked changes accepted, comments ignored), in the CLI's language. */
  notes?: string[];
}

function localized(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}

/** A plan file read and decoded, with what it looked like on disk (to refuse writing over a newer version). */
export interface ReadPlan {
  text: string;
  encoding: EncodingName;
  bom: boolean;
  stat: { size: number; mtimeMs: number };
  /** The file is a Word document: `text` is what it shows, with the paragraph of every stretch. */
  docx?: DocxText;
}

/**
 * Reads and decodes a plan file (`encoding` forces one, else it is detected). A binary or oversized file
 * gives `skipped`; an unreadable or undecodable one gives `error`; reasons in `locale`. Never throws.
 */
export function readPlanFile(abs: string, encoding: string | undefined, locale: Locale): ReadPlan | { skipped: string; skipReason: SkipReason } | { error: string } {
  let stat: fs.Stats;
  let bytes: Buffer;
  try {
    stat = fs.statSync(fsPath(abs));
    if (stat.isDirectory()) return { error: localized(locale, '这是一个目录', 'is a directory') };
    if (stat.size > MAX_PLAN_BYTES) {
      const mb = Math.round(stat.size / 1048576);
      return { skipped: localized(locale, `文件过大（${mb} MB），已跳过`, `file too large (${mb} MB), skipped`), skipReason: 'too-large' };
    }
    bytes = fs.readFileSync(fsPath(abs));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { error: localized(locale, `无法读取（${code}）`, `cannot read (${code})`) };
  }
  const office = readOfficeBytes(bytes, abs);
  if (office !== null) {
    if ('error' in office) return { error: localized(locale, office.error, office.errorEn) };
    return { text: office.docx.text, encoding: 'utf8', bom: false, docx: office.docx, stat: { size: stat.size, mtimeMs: stat.mtimeMs } };
  }
  const decoded = decodeText(bytes, encoding);
  if ('binary' in decoded) return { skipped: localized(locale, decoded.reason, decoded.reasonEn), skipReason: 'binary' };
  if ('error' in decoded) return { error: localized(locale, decoded.error, decoded.errorEn) };
  return { ...decoded, stat: { size: stat.size, mtimeMs: stat.mtimeMs } };
}

/** Lints files with one service and one configuration cache (one per thread). */
export class FileLinter {
  private readonly service: PlanLanguageService;
  private readonly configs: ConfigCache | null;
  private readonly fixed: ResolvedConfig | null;
  private readonly withOverrides = new WeakMap<ResolvedConfig, ResolvedConfig>();

  constructor(private readonly options: LintFileOptions) {
    this.service = createPlanService(options.locale ? { locale: options.locale } : {});
    this.fixed = options.configFile ? loadConfigFromPath(options.configFile).config : null;
    this.configs = this.fixed ? null : new ConfigCache();
  }

  /** The configuration for a file (or for a name standing for standard input), with `--rule` applied. */
  configFor(abs: string): ResolvedConfig {
    const base = this.fixed ?? this.configs!.forFile(lookupPath(abs)).config;
    const overrides = this.options.ruleOverrides;
    if (!overrides || overrides.length === 0) return base;
    let config = this.withOverrides.get(base);
    if (!config) {
      config = { ...base, ruleSeverity: new Map([...base.ruleSeverity, ...overrides]) };
      this.withOverrides.set(base, config);
    }
    return config;
  }

  /** Reads, lints and (with `fix`) fixes the file at `abs`. Never throws. */
  lintFile(abs: string): FileOutcome {
    return this.settled(this.lintOne(abs));
  }

  /**
   * The outcome as the report keeps it until the run ends: each finding plain data, its suggestions found now when the
   * report shows them, else left out. A finding whose suggestions are deferred holds the file's whole analysis until
   * they are read: kept for a folder of plans, that was every plan's model.
   */
  private settled(outcome: FileOutcome): FileOutcome {
    const keep = this.options.suggestions === true;
    outcome.diagnostics = outcome.diagnostics.map((d) => {
      if (!('suggestions' in d)) return d;
      const plain: Record<string, unknown> = {};
      for (const key of Object.keys(d)) if (keep || key !== 'suggestions') plain[key] = d[key as keyof ReportDiagnostic];
      if (plain['suggestions'] === undefined) delete plain['suggestions'];
      return plain as unknown as ReportDiagnostic;
    });
    return outcome;
  }

  private lintOne(abs: string): FileOutcome {
    const ui = this.options.uiLocale;
    try {
      const decoded = readPlanFile(abs, this.options.encoding, ui);
      if (!('text' in decoded)) return { abs, diagnostics: [], ...decoded };
      const { stat } = decoded;
      const config = this.configFor(abs);
      if (decoded.docx) return this.lintDocx(abs, decoded.docx, config);
      const base = { abs, encoding: decoded.encoding, bom: decoded.bom };
      if (!this.options.fix) return { ...base, ...this.analyzed(decoded.text, config) };

      const result = this.service.fixAll(decoded.text, config);
      if (result.text === decoded.text) return { ...base, ...this.analyzed(decoded.text, config) };
      const encoded = this.encodeChecked(result.text, decoded.encoding, decoded.bom);
      if ('error' in encoded) return { ...base, diagnostics: this.service.diagnostics(decoded.text, config), error: encoded.error };
      try {
        writeFileAtomic(abs, encoded.bytes, { size: stat.size, mtimeMs: stat.mtimeMs });
      } catch (e) {
        const why =
          e instanceof ChangedOnDiskError
            ? localized(ui, '修复期间文件被其他程序改动，未写入修复', 'the file changed on disk while being fixed; fixes not written')
            : localized(ui, `无法写入修复（${(e as NodeJS.ErrnoException).code ?? String(e)}）`, `cannot write the fixes (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
        return { ...base, diagnostics: this.service.diagnostics(decoded.text, config), error: why };
      }
      return { ...base, ...this.analyzed(result.text, config), fixed: true };
    } catch (e) {
      // A last guard: the service never throws, but a file system can surprise.
      const msg = e instanceof Error ? e.message : String(e);
      return { abs, diagnostics: [], error: localized(ui, `内部错误：${msg}`, `internal error: ${msg}`) };
    }
  }

  /**
   * The findings on `text`, and a note when it was not read as a plan (a report, a policy reading…): its numbered
   * items were then not checked as tasks, nor its numbering and attributions (only the rules meant for any document
   * ran: PL009's dates), and the note says why and how to have it checked as a plan.
   */
  private analyzed(text: string, config: ResolvedConfig): { diagnostics: ReportDiagnostic[]; notes?: string[] } {
    const analysis = this.service.analyze(text, config);
    if (analysis.plan.kind === 'plan') {
      const none = this.noTaskNote(analysis.plan);
      return none === null ? { diagnostics: analysis.diagnostics } : { diagnostics: analysis.diagnostics, notes: [none] };
    }
    const ui = this.options.uiLocale;
    const why = describeKind(analysis.plan.kindDecision, ui);
    return {
      diagnostics: analysis.diagnostics,
      notes: [
        localized(
          ui,
          `${why}；不作为方案检查：其中的编号项不作为任务，编号和分工也不检查，只检查日期是否有效（配置 "kind": "plan" 可改）`,
          `${why}; not checked as a plan: its numbered items are not checked as tasks, nor its numbering and attributions, only whether its dates are valid (set "kind": "plan" in the configuration to check it as a plan)`,
        ),
      ],
    };
  }

  /**
   * A plan in which no task was read: none of its work was checked (the tasks may be written in a way planlint does not
   * read), which a run that reports no finding must not hide. Null when it has tasks.
   */
  private noTaskNote(plan: PlanDocument): string | null {
    if (plan.kind !== 'plan' || plan.tasks.length > 0) return null;
    return localized(
      this.options.uiLocale,
      '按方案检查，但没有读到任务：未检查任何任务的牵头单位和完成时限（任务应以“一、”“（一）”“1.”等编号列出，或列在任务分解表中）',
      'checked as a plan, but no task was read: no task\'s lead unit or deadline was checked (tasks are numbered items, 一、 （一） 1., or rows of a task table)',
    );
  }

  /** A Word document: its findings name their paragraphs; `--fix` is refused, a Word file is never rewritten. */
  private lintDocx(abs: string | null, docx: DocxText, config: ResolvedConfig): FileOutcome {
    const ui = this.options.uiLocale;
    const locale = this.options.locale ?? config.locale;
    const analysis = this.service.analyze(docx.text, config);
    const diagnostics = placeDiagnostics(analysis.diagnostics, docx, locale);
    const none = this.noTaskNote(analysis.plan);
    const notes = none === null ? docxNotes(docx, ui) : [...docxNotes(docx, ui), none];
    return {
      abs,
      diagnostics,
      ...(notes.length > 0 ? { notes } : {}),
      ...(this.options.fix
        ? {
            error: localized(
              ui,
              '--fix 不改写 Word 文件：请在 Word 中按提示修改（planlint text 可导出其文本）',
              '--fix does not rewrite Word files: make the changes in Word (planlint text prints its text)',
            ),
          }
        : {}),
    };
  }

  /**
   * Lints text read from standard input; `configPath` (from `--stdin-filename`, or a name in the
   * working directory) decides the configuration. With `fix`, `output` holds the fixed text.
   */
  lintStdin(bytes: Uint8Array, configPath: string): FileOutcome {
    return this.settled(this.lintBytes(bytes, configPath));
  }

  private lintBytes(bytes: Uint8Array, configPath: string): FileOutcome {
    const ui = this.options.uiLocale;
    const office = readOfficeBytes(bytes, configPath);
    if (office !== null) {
      if ('error' in office) return { abs: null, diagnostics: [], error: localized(ui, office.error, office.errorEn), ...(this.options.fix ? { output: bytes } : {}) };
      const outcome = this.lintDocx(null, office.docx, this.configFor(path.resolve(configPath)));
      return this.options.fix ? { ...outcome, output: bytes } : outcome;
    }
    const decoded = decodeText(bytes, this.options.encoding);
    // As a filter, `--fix -` passes input it cannot read through unchanged rather than print nothing.
    const passThrough = this.options.fix ? { output: bytes } : {};
    if ('binary' in decoded) return { abs: null, diagnostics: [], skipped: localized(ui, decoded.reason, decoded.reasonEn), skipReason: 'binary', ...passThrough };
    if ('error' in decoded) return { abs: null, diagnostics: [], error: localized(ui, decoded.error, decoded.errorEn), ...passThrough };
    const config = this.configFor(path.resolve(configPath));
    const base = { abs: null, encoding: decoded.encoding, bom: decoded.bom };
    if (!this.options.fix) return { ...base, diagnostics: this.service.diagnostics(decoded.text, config) };
    const result = this.service.fixAll(decoded.text, config);
    const encoded = this.encodeChecked(result.text, decoded.encoding, decoded.bom);
    if ('error' in encoded) {
      return { ...base, diagnostics: this.service.diagnostics(decoded.text, config), error: encoded.error, output: bytes };
    }
    return {
      ...base,
      diagnostics: this.service.diagnostics(result.text, config),
      output: encoded.bytes,
      ...(result.text !== decoded.text ? { fixed: true } : {}),
    };
  }

  /** Encodes fixed text and proves it reads back unchanged, so that a fix never loses a character. */
  private encodeChecked(text: string, encoding: EncodingName, bom: boolean): { bytes: Uint8Array } | { error: string } {
    const bytes = encodeText(text, encoding, bom);
    const back = decodeText(bytes, encoding);
    if ('text' in back && back.text === text) return { bytes };
    const ui = this.options.uiLocale;
    return { error: localized(ui, `修复后的文本无法按原编码（${encoding}）无损写回，未写入`, `the fixed text cannot be written back in ${encoding} without loss; not written`) };
  }
}
