// The commands behind `planlint`: lint (files, folders, globs, stdin; report, fix), table and outline. Loaded by main.ts on demand.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigProblem, ResolvedConfig } from '../config/config.js';
import { ConfigCache, loadConfigFromPath } from '../config/load.js';
import type { Severity } from '../lint/types.js';
import { allRules } from '../rules/index.js';
import { createPlanService } from '../service.js';
import type { LintArgs, OutlineArgs, TableArgs, TextArgs } from './args.js';
import { writeOutput } from './atomic.js';
import { fsPath, lookupPath, showPath } from './byte-paths.js';
import { docxNotes, readOfficeBytes } from './docx.js';
import { decodeText } from '../text/encoding.js';
import { displayPath, expandTargets, staysInside } from './files.js';
import { compileGlob, type GlobMatcher } from './glob.js';
import { github } from './format/github.js';
import { json } from './format/json.js';
import type { Formatter, ReportFile } from './format/report.js';
import { countDiagnostics, joinPieces } from './format/report.js';
import { sarif } from './format/sarif.js';
import { stylish } from './format/stylish.js';
import { summaryLines, wasChecked } from './format/summary.js';
import { IgnoreRules } from './ignores.js';
import { Messages, STDIN_NAME, version, type CliIo } from './io.js';
import { FileLinter, readPlanFile, type FileOutcome, type LintFileOptions } from './lint-file.js';
import { lintFiles, workerCount } from './pool.js';
import { colors, ProgressBar, wantColor } from './terminal.js';

const FORMATTERS: Record<LintArgs['format'], Formatter> = { stylish, json, sarif, github };

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3, off: 4 };

/** Runs `lint`, `table` or `outline` and returns the exit code. */
export async function runCommand(args: LintArgs | TableArgs | OutlineArgs | TextArgs, io: CliIo): Promise<number> {
  // One --config for every file, or the nearest config file of each.
  let fixedConfig: ResolvedConfig | undefined;
  if (args.config !== undefined) {
    const loaded = loadConfigFromPath(path.resolve(io.cwd, args.config));
    if (loaded.problems.length > 0) {
      return new Messages(io, args.locale ?? 'zh-CN').configProblems(loaded.problems);
    }
    fixedConfig = loaded.config;
  }
  const cache = new ConfigCache();
  const uiLocale = args.locale ?? fixedConfig?.locale ?? cache.forFile(path.join(io.cwd, STDIN_NAME)).config.locale;
  const messages = new Messages(io, uiLocale);
  const configOf = (abs: string): { config: ResolvedConfig; problems: ConfigProblem[] } =>
    fixedConfig ? { config: fixedConfig, problems: [] } : cache.forFile(lookupPath(abs));

  if (args.command === 'lint') return runLint(args, io, messages, configOf);
  return runDocument(args, io, messages, configOf);
}

function withOverrides(config: ResolvedConfig, overrides: ReadonlyArray<[string, Severity]>): ResolvedConfig {
  return overrides.length === 0 ? config : { ...config, ruleSeverity: new Map([...config.ruleSeverity, ...overrides]) };
}

/** `planlint --print-config FILE`: the configuration in force for FILE, as JSON. */
function printConfig(file: string, args: LintArgs, io: CliIo, messages: Messages, configOf: (abs: string) => { config: ResolvedConfig; problems: ConfigProblem[] }): number {
  const { config: base, problems } = configOf(path.resolve(io.cwd, file));
  if (problems.length > 0) return messages.configProblems(problems);
  const config = withOverrides(base, args.ruleOverrides);
  const rules: Record<string, Severity> = {};
  for (const rule of allRules) rules[rule.id] = config.ruleSeverity.get(rule.id) ?? rule.defaultSeverity;
  const out = {
    file: displayPath(path.resolve(io.cwd, file), io.cwd),
    sources: config.sources.map((s) => displayPath(s, io.cwd)),
    locale: args.locale ?? config.locale,
    rules,
    ruleOptions: Object.fromEntries(config.ruleOptions),
    units: config.units,
    nonTaskSections: config.nonTaskSections,
    deadline: config.deadline,
    period: config.period,
    files: config.files,
    ignores: config.ignores,
  };
  io.out.write(JSON.stringify(out, null, 2) + '\n');
  return 0;
}

async function runLint(
  args: LintArgs,
  io: CliIo,
  messages: Messages,
  configOf: (abs: string) => { config: ResolvedConfig; problems: ConfigProblem[] },
): Promise<number> {
  if (args.printConfig !== undefined) return printConfig(args.printConfig, args, io, messages, configOf);
  const started = Date.now();

  // Files from the configuration's `files` patterns count as plans inside folders too; its `kind` decides for the
  // text files there, and its `ignores` (with `.gitignore` files and `--ignore-pattern`) pass files over.
  const ignores = args.ignore
    ? new IgnoreRules({
        gitignore: true,
        patterns: args.ignorePatterns,
        cwd: io.cwd,
        configIgnores: (dir) => ignoresOf(path.join(dir, STDIN_NAME), configOf, io.cwd),
      })
    : null;
  const { targets, unmatched, skipped, ignored } = expandTargets(args.paths, {
    cwd: io.cwd,
    isExtraPlan: (abs) => matchesConfigFiles(abs, configOf),
    kindOf: (abs) => configOf(abs).config.kind,
    ...(args.encoding !== undefined ? { encoding: args.encoding } : {}),
    ignores,
  });
  // An argument that gives nothing is reported now and fails the run at the end; the others are still linted.
  unmatched.forEach((u) => messages.unmatched(u));
  const stdinPath = path.resolve(io.cwd, args.stdinFilename ?? STDIN_NAME);
  // Every configuration involved is checked before any file is read: a bad one stops the run.
  const problems = targets.flatMap((t) => configOf(t.kind === 'file' ? t.abs : stdinPath).problems);
  if (problems.length > 0) return messages.configProblems(problems);

  const options: LintFileOptions = {
    fix: args.fix,
    uiLocale: messages.locale,
    suggestions: args.format === 'json',
    ...(args.encoding !== undefined ? { encoding: args.encoding } : {}),
    ...(args.locale !== undefined ? { locale: args.locale } : {}),
    ...(args.config !== undefined ? { configFile: path.resolve(io.cwd, args.config) } : {}),
    ...(args.ruleOverrides.length > 0 ? { ruleOverrides: args.ruleOverrides } : {}),
  };
  // `--fix` never writes through a link found in a folder (or by a glob) to a file outside it.
  const refused = new Set<string>();
  if (args.fix) for (const t of targets) if (t.kind === 'file' && t.root !== undefined && !staysInside(t.abs, t.root)) refused.add(t.abs);
  const files = targets.flatMap((t) => (t.kind === 'file' && !refused.has(t.abs) ? [t.abs] : []));
  const workers = workerCount(args.concurrency, files.length, totalSize(files));
  const bar = args.progress && io.err.isTTY === true && files.length > 1 ? new ProgressBar(io.err) : undefined;
  const pooled = await lintFiles(files, options, workers, bar ? { onProgress: (done, total, abs) => bar.update(done, total, displayPath(abs, io.cwd)) } : {});
  bar?.clear();

  let stdinOutcome: FileOutcome | undefined;
  if (targets.some((t) => t.kind === 'stdin')) {
    const bytes = await io.readStdin();
    stdinOutcome = new FileLinter(options).lintStdin(bytes, stdinPath);
  }
  const stdinLabel = args.stdinFilename !== undefined ? displayPath(stdinPath, io.cwd) : STDIN_NAME;
  let next = 0;
  const linkSkipped = messages.locale === 'en' ? 'a symbolic link to a file outside the folder; not fixed' : '符号链接指向文件夹之外的文件，未修复';
  const outcomes = targets.map((t): FileOutcome => {
    if (t.kind === 'stdin') return stdinOutcome!;
    return refused.has(t.abs) ? { abs: t.abs, diagnostics: [], skipped: linkSkipped, skipReason: 'link' } : pooled.outcomes[next++]!;
  });
  const report: ReportFile[] = outcomes.map((o) => toReportFile(o, o.abs === null ? stdinLabel : displayPath(o.abs, io.cwd)));
  // The files passed over come after the files linted, so that no format is silent about them.
  for (const f of skipped) {
    report.push({ path: displayPath(f.abs, io.cwd), diagnostics: [], skipped: messages.locale === 'en' ? f.en : f.zh, skipReason: f.reason });
  }
  // How a Word document was read (tracked changes accepted, comments ignored).
  for (const o of outcomes) {
    const label = o.abs === null ? stdinLabel : displayPath(o.abs, io.cwd);
    for (const note of o.notes ?? []) messages.say(`${label}：${note}`, `${label}: ${note}`);
  }

  for (const f of report) if (f.error !== undefined) messages.say(`${f.path}：${f.error}`, `${f.path}: ${f.error}`);

  // `--quiet`: errors only, in the output and in the exit code.
  const shown = args.quiet ? report.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === 'error') })) : report;
  const useColor = args.outputFile === undefined && args.format === 'stylish' && wantColor(args.color, io.out, io.env);
  const paint = colors(useColor);
  let text = FORMATTERS[args.format](shown, {
    locale: messages.locale,
    colors: paint,
    rules: allRules,
    cwd: io.cwd,
    version: version(),
  });
  // With `--fix -`, standard output carries the fixed text, so the report goes to stderr.
  const reportStream = args.fix && stdinOutcome ? io.err : io.out;
  // Every run ends with what it checked and what it skipped: in the stylish report, else on stderr (unless a
  // machine-readable report is on stderr already: it says it all).
  const closing = summaryLines(report, { ignored, quiet: args.quiet }, messages.locale);
  if (args.format === 'stylish') {
    const tail = closing.map((l) => paint.dim(l)).join('\n') + '\n';
    text = typeof text === 'string' ? text + (text === '' ? '' : '\n') + tail : [...text, '\n' + tail];
  }
  else if (reportStream !== io.err || args.outputFile !== undefined) closing.forEach((l) => io.err.write(l + '\n'));
  if (args.outputFile !== undefined) {
    try {
      writeOutput(path.resolve(io.cwd, args.outputFile), typeof text === 'string' ? [text] : joinPieces(text));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      messages.say(`无法写入 ${args.outputFile}（${code}）`, `cannot write ${args.outputFile} (${code})`);
      return 2;
    }
  } else if (typeof text === 'string') {
    if (text !== '') reportStream.write(text);
  } else {
    // Piece by piece, waiting whenever the stream asks to (a pipe to a slow reader).
    for (const chunk of joinPieces(text)) if (!reportStream.write(chunk)) await new Promise<void>((resolve) => reportStream.once('drain', () => resolve()));
  }
  if (args.fix && stdinOutcome?.output) io.out.write(stdinOutcome.output);

  const counts = countDiagnostics(shown);
  if (args.verbose) {
    const secs = ((Date.now() - started) / 1000).toFixed(2);
    const threads = pooled.workers;
    messages.say(
      `检查了 ${report.length} 个文件，${threads > 0 ? `${threads} 个工作线程加主线程` : '未用工作线程'}，耗时 ${secs} 秒${pooled.recovered > 0 ? `（${pooled.recovered} 个文件由主线程补做）` : ''}`,
      `linted ${report.length} file(s), ${threads > 0 ? `${threads} worker thread(s) and the main thread` : 'no worker threads'}, ${secs} s${pooled.recovered > 0 ? ` (${pooled.recovered} redone in the main thread)` : ''}`,
    );
  }
  if (unmatched.length > 0 || report.some((f) => f.error !== undefined)) return 2;
  // Nothing checked is a failure, not a green run (standard input, a filter, passes what it cannot read through).
  if (!stdinOutcome && !report.some(wasChecked)) {
    messages.say('没有检查任何文件', 'no file was checked');
    return 2;
  }
  const threshold = RANK[args.maxSeverity];
  const failing = shown.some((f) => f.diagnostics.some((d) => RANK[d.severity] >= threshold));
  if (args.maxWarnings >= 0 && counts.warnings > args.maxWarnings) {
    messages.say(`警告过多：${counts.warnings} 个，上限 ${args.maxWarnings} 个（--max-warnings）`, `too many warnings: ${counts.warnings}, at most ${args.maxWarnings} allowed (--max-warnings)`);
    return 1;
  }
  return failing ? 1 : 0;
}

/** The bytes of some files (stat only; an unreadable one counts nothing and is reported when linted). */
function totalSize(files: readonly string[]): number {
  let total = 0;
  for (const f of files) {
    try {
      total += fs.statSync(fsPath(f)).size;
    } catch {
      // reported later
    }
  }
  return total;
}

function toReportFile(o: FileOutcome, displayed: string): ReportFile {
  return {
    path: displayed,
    diagnostics: o.diagnostics,
    ...(o.encoding ? { encoding: o.encoding, bom: o.bom ?? false } : {}),
    ...(o.skipped !== undefined ? { skipped: o.skipped } : {}),
    ...(o.skipReason !== undefined ? { skipReason: o.skipReason } : {}),
    ...(o.error !== undefined ? { error: o.error } : {}),
    ...(o.fixed ? { fixed: true } : {}),
    // How a Word document was read; a text not checked as a plan, or a plan in which no task was read (json: `notes`).
    ...(o.notes?.length ? { notes: o.notes } : {}),
  };
}

/** Compiled `files` patterns of configurations, by pattern. */
const filePatterns = new Map<string, GlobMatcher>();

/**
 * True when a configuration's `files` patterns name the file: a pattern without `/` matches the file
 * name, one with `/` the path from the config file's folder (the editor's `files.associations` rule).
 */
function matchesConfigFiles(file: string, configOf: (abs: string) => { config: ResolvedConfig }): boolean {
  const { config } = configOf(file);
  const abs = showPath(file); // a name that is not UTF-8 is matched as it is shown
  if (config.files.length === 0) return false;
  const base = config.sources.length > 0 ? path.dirname(config.sources[0]!) : path.dirname(abs);
  const rel = path.relative(base, abs).split(path.sep).join('/');
  const name = path.basename(abs);
  return config.files.some((pattern) => {
    let re = filePatterns.get(pattern);
    if (!re) {
      re = compileGlob(pattern.replace(/^\.\//, ''));
      filePatterns.set(pattern, re);
    }
    return pattern.includes('/') ? re.test(rel) : re.test(name);
  });
}

/** The configuration's `ignores` for a file, and the folder they are relative to (the config file's, else `cwd`). */
function ignoresOf(abs: string, configOf: (abs: string) => { config: ResolvedConfig }, cwd: string): { base: string; patterns: readonly string[] } | null {
  const { config } = configOf(abs);
  if (config.ignores.length === 0) return null;
  return { base: config.sources.length > 0 ? path.dirname(config.sources[0]!) : cwd, patterns: config.ignores };
}

/** Reads the file (or stdin) of `table` / `outline`; a message and null when it cannot be read. */
async function readDocument(
  file: string,
  args: TableArgs | OutlineArgs | TextArgs,
  io: CliIo,
  messages: Messages,
): Promise<{ text: string; abs: string; label: string; notes: string[] } | null> {
  if (file === '-') {
    const abs = path.resolve(io.cwd, args.stdinFilename ?? STDIN_NAME);
    const bytes = await io.readStdin();
    const office = readOfficeBytes(bytes, abs);
    if (office !== null) {
      if ('docx' in office) return { text: office.docx.text, abs, label: args.stdinFilename ?? STDIN_NAME, notes: docxNotes(office.docx, messages.locale) };
      messages.say(`${STDIN_NAME}：${office.error}`, `${STDIN_NAME}: ${office.errorEn}`);
      return null;
    }
    const decoded = decodeText(bytes, args.encoding);
    if ('text' in decoded) return { text: decoded.text, abs, label: args.stdinFilename ?? STDIN_NAME, notes: [] };
    const why = 'binary' in decoded ? [decoded.reason, decoded.reasonEn] : [decoded.error, decoded.errorEn];
    messages.say(`${STDIN_NAME}：${why[0]}`, `${STDIN_NAME}: ${why[1]}`);
    return null;
  }
  const abs = path.resolve(io.cwd, file);
  if (!fs.existsSync(abs)) {
    messages.say(`找不到文件“${file}”`, `no such file: ${file}`);
    return null;
  }
  const read = readPlanFile(abs, args.encoding, messages.locale);
  if ('text' in read) return { text: read.text, abs, label: file, notes: read.docx ? docxNotes(read.docx, messages.locale) : [] };
  const why = 'skipped' in read ? read.skipped : read.error;
  messages.say(`${file}：${why}`, `${file}: ${why}`);
  return null;
}

/** Writes `bytes` to `-o FILE` (atomically) or to standard output; 2 when the file cannot be written. */
function writeResult(bytes: Uint8Array, outputFile: string | undefined, io: CliIo, messages: Messages): number {
  if (outputFile === undefined) {
    io.out.write(bytes);
    return 0;
  }
  try {
    writeOutput(path.resolve(io.cwd, outputFile), bytes);
    return 0;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    messages.say(`无法写入 ${outputFile}（${code}）`, `cannot write ${outputFile} (${code})`);
    return 2;
  }
}

/** `planlint table`, `planlint outline` and `planlint text`. */
async function runDocument(
  args: TableArgs | OutlineArgs | TextArgs,
  io: CliIo,
  messages: Messages,
  configOf: (abs: string) => { config: ResolvedConfig; problems: ConfigProblem[] },
): Promise<number> {
  if (args.command === 'table' && (args.format === 'xlsx' || args.format === 'docx') && args.outputFile === undefined && io.out.isTTY === true) {
    const ext = args.format;
    messages.say(`${ext.toUpperCase()} 是二进制文件，不输出到终端；请用 -o 文件名.${ext} 或重定向`, `${ext.toUpperCase()} is binary and is not written to a terminal; use -o FILE.${ext} or redirect`);
    return 2;
  }
  const doc = await readDocument(args.file, args, io, messages);
  if (!doc) return 2;
  for (const note of doc.notes) messages.say(`${doc.label}：${note}`, `${doc.label}: ${note}`);
  if (args.command === 'text') {
    return writeResult(new TextEncoder().encode(doc.text.endsWith('\n') ? doc.text : `${doc.text}\n`), args.outputFile, io, messages);
  }
  const { config: base, problems } = configOf(doc.abs);
  if (problems.length > 0) return messages.configProblems(problems);
  const service = createPlanService(args.locale ? { locale: args.locale } : {});

  if (args.command === 'outline') {
    io.out.write(service.outline(doc.text, base).join('\n') + '\n');
    return 0;
  }

  const config = withOverrides(base, args.ruleOverrides);
  const { title, rows } = service.tableRows(doc.text, config, args.problems || args.filter.status === 'problems');
  // `--only overdue` compares deadlines with today (PLANLINT_TODAY pins it, as for the language server).
  const today = process.env['PLANLINT_TODAY'] ?? new Date().toISOString().slice(0, 10);
  const bytes = await service.exportTable(rows, { format: args.format, name: doc.label, filter: args.filter, today, locale: messages.locale, problems: args.problems, title });
  return writeResult(bytes, args.outputFile, io, messages);
}
