// Parsing the command line into checked options, or a usage error in both languages. No I/O.
// Over 400 lines: every command's option table and its checks are kept in one file, so that no option is parsed in two places.
import { didYouMean } from '../config/config.js';
import { RULE_KEY_TO_ID } from '../config/rule-names.js';
import type { Locale, Severity } from '../lint/types.js';
import { ENCODING_ALIASES } from '../text/encoding.js';
import { TABLE_EXTENSIONS, TABLE_FORMATS, type TableFormat } from '../features/export.js';
import type { TableFilter, TaskStatus } from '../features/table-filter.js';
import type { Concurrency } from './pool.js';

/** A usage mistake, in Chinese and English. */
export interface UsageError {
  usageError: true;
  zh: string;
  en: string;
}

/** The lint output formats. */
export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** `planlint table --only`: the CLI's names of the task states a table can be limited to. */
const ONLY = { problems: 'problems', 'no-lead': 'noLead', 'no-deadline': 'noDeadline', ongoing: 'ongoing', overdue: 'overdue' } as const satisfies Record<
  string,
  TaskStatus
>;

const SEVERITY_RANKS = ['info', 'warning', 'error', 'off'] as const;

/** Options of `planlint [paths…]`. */
export interface LintArgs {
  command: 'lint';
  paths: string[];
  format: LintFormat;
  outputFile?: string;
  fix: boolean;
  config?: string;
  ruleOverrides: Array<[string, Severity]>;
  locale?: Locale;
  encoding?: string;
  /** The lowest severity that fails the run; `off`: none does. */
  maxSeverity: Exclude<Severity, 'off'> | 'off';
  /** Fail when there are more warnings than this; -1: no limit. */
  maxWarnings: number;
  quiet: boolean;
  /** Folder and glob runs pass over what `.gitignore`, the configuration's `ignores` and `ignorePatterns` say; `--no-ignore`: false. */
  ignore: boolean;
  /** `--ignore-pattern`, repeatable: `.gitignore` syntax, relative to the working directory. */
  ignorePatterns: string[];
  stdinFilename?: string;
  concurrency: Concurrency;
  color?: boolean;
  progress: boolean;
  verbose: boolean;
  printConfig?: string;
}

/** Options of `planlint table FILE`. */
export interface TableArgs {
  command: 'table';
  file: string;
  format: TableFormat;
  outputFile?: string;
  problems: boolean;
  /** `--unit`, `--only`: which tasks to write. */
  filter: TableFilter;
  config?: string;
  ruleOverrides: Array<[string, Severity]>;
  locale?: Locale;
  encoding?: string;
  stdinFilename?: string;
}

/** Options of `planlint outline FILE`. */
export interface OutlineArgs {
  command: 'outline';
  file: string;
  config?: string;
  locale?: Locale;
  encoding?: string;
  stdinFilename?: string;
}

/** Options of `planlint text FILE`: the text planlint reads (a Word document's extracted text). */
export interface TextArgs {
  command: 'text';
  file: string;
  outputFile?: string;
  config?: string;
  locale?: Locale;
  encoding?: string;
  stdinFilename?: string;
}

export type Args = LintArgs | TableArgs | OutlineArgs | TextArgs | { command: 'help' } | { command: 'version' };

type OptionKind = 'flag' | 'value' | 'list';

interface OptionSpec {
  kind: OptionKind;
  /** `--no-NAME` is accepted and sets the flag to false. */
  negatable?: boolean;
  /** On unless `--no-NAME` is given: only the negated form is worth documenting. */
  defaultOn?: boolean;
}

const COMMON: Record<string, OptionSpec> = {
  help: { kind: 'flag' },
  version: { kind: 'flag' },
  config: { kind: 'value' },
  locale: { kind: 'value' },
  encoding: { kind: 'value' },
  'stdin-filename': { kind: 'value' },
};

const SPECS: Record<'lint' | 'table' | 'outline' | 'text', Record<string, OptionSpec>> = {
  lint: {
    ...COMMON,
    format: { kind: 'value' },
    'output-file': { kind: 'value' },
    fix: { kind: 'flag' },
    rule: { kind: 'list' },
    'max-severity': { kind: 'value' },
    'max-warnings': { kind: 'value' },
    quiet: { kind: 'flag' },
    ignore: { kind: 'flag', negatable: true, defaultOn: true },
    'ignore-pattern': { kind: 'list' },
    concurrency: { kind: 'value' },
    color: { kind: 'flag', negatable: true },
    progress: { kind: 'flag', negatable: true, defaultOn: true },
    verbose: { kind: 'flag' },
    'print-config': { kind: 'value' },
  },
  table: {
    ...COMMON,
    format: { kind: 'value' },
    'output-file': { kind: 'value' },
    problems: { kind: 'flag' },
    unit: { kind: 'value' },
    only: { kind: 'value' },
    rule: { kind: 'list' },
  },
  outline: { ...COMMON },
  text: { ...COMMON, 'output-file': { kind: 'value' } },
};

/** Every long option of every command (`--format`, `--no-color`…), for the help and README checks. */
export function optionNames(): string[] {
  const names = new Set<string>();
  for (const specs of Object.values(SPECS)) {
    for (const [name, spec] of Object.entries(specs)) {
      if (!spec.defaultOn) names.add(`--${name}`);
      if (spec.negatable) names.add(`--no-${name}`);
    }
  }
  return [...names].sort();
}

const SHORT: Record<string, string> = { f: 'format', o: 'output-file', c: 'config', h: 'help', v: 'version' };
const LONG_ALIASES: Record<string, string> = { output: 'output-file', 'no-colour': 'no-color', colour: 'color' };

function usage(zh: string, en: string): UsageError {
  return { usageError: true, zh, en };
}

/** True for the result of a failed parse. */
export function isUsageError(x: unknown): x is UsageError {
  return typeof x === 'object' && x !== null && (x as UsageError).usageError === true;
}

function hint(input: string, candidates: readonly string[], prefix = ''): { zh: string; en: string } {
  const m = didYouMean(input, candidates);
  return m === undefined ? { zh: '', en: '' } : { zh: `；是否想写“${prefix}${m}”？`, en: `; did you mean "${prefix}${m}"?` };
}

type Values = Map<string, string | boolean | string[]>;

/** Splits argv into options and positionals by `specs`; `--` ends options; `-` is a positional. */
function tokenize(argv: readonly string[], specs: Record<string, OptionSpec>): { values: Values; positionals: string[] } | UsageError {
  const values: Values = new Map();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
      name = LONG_ALIASES[name] ?? name;
    } else {
      const letter = arg.slice(1, 2);
      const long = SHORT[letter];
      if (long === undefined || (arg.length > 2 && specs[long]?.kind === 'flag')) {
        return usage(`未知选项“${arg}”`, `unknown option "${arg}"`);
      }
      name = long;
      inline = arg.length > 2 ? arg.slice(2).replace(/^=/, '') : undefined;
    }
    let spec = specs[name];
    let negated = false;
    if (!spec && name.startsWith('no-') && specs[name.slice(3)]?.negatable) {
      spec = specs[name.slice(3)];
      name = name.slice(3);
      negated = true;
    }
    if (!spec) {
      const h = hint(name, Object.keys(specs), '--');
      return usage(`未知选项“--${name}”${h.zh}`, `unknown option "--${name}"${h.en}`);
    }
    if (spec.kind === 'flag') {
      if (inline !== undefined) return usage(`选项 --${name} 不带参数`, `option --${name} takes no value`);
      values.set(name, !negated);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= argv.length) return usage(`选项 --${name} 缺少参数`, `option --${name} needs a value`);
      value = argv[++i]!;
    }
    if (spec.kind === 'list') values.set(name, [...((values.get(name) as string[] | undefined) ?? []), value]);
    else values.set(name, value);
  }
  return { values, positionals };
}

/** `zh`, `zh-cn`, `zh_CN`, `zh-Hans` → zh-CN; `en`, `en-US`, `en_GB` → en; otherwise undefined. */
export function normalizeLocale(s: string): Locale | undefined {
  const l = s.trim().toLowerCase().replace(/_/g, '-');
  if (l === 'zh' || l.startsWith('zh-')) return 'zh-CN';
  if (l === 'en' || l.startsWith('en-')) return 'en';
  return undefined;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T | UsageError {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const h = hint(value, allowed);
  return usage(`--${name} 的取值“${value}”无效，可选：${allowed.join('、')}${h.zh}`, `invalid --${name} "${value}"; use one of ${allowed.join(', ')}${h.en}`);
}

/** Parses `PL002:off`, `deadline-missing=warning` into a rule id and a severity. */
export function parseRuleOverride(s: string): [string, Severity] | UsageError {
  const m = /^\s*([^:=\s]+)\s*[:=]\s*(\S+)\s*$/.exec(s);
  if (!m) return usage(`--rule 应写作“规则:级别”，如 PL002:off，实际是“${s}”`, `--rule takes RULE:SEVERITY, such as PL002:off; got "${s}"`);
  const key = m[1]!;
  const id = RULE_KEY_TO_ID.get(key) ?? RULE_KEY_TO_ID.get(key.toUpperCase());
  if (id === undefined) {
    const h = hint(key, [...RULE_KEY_TO_ID.keys()]);
    return usage(`--rule：未知规则“${key}”${h.zh}`, `--rule: unknown rule "${key}"${h.en}`);
  }
  const severity = oneOf('rule', m[2]!, ['error', 'warning', 'info', 'off'] as const);
  return isUsageError(severity) ? severity : [id, severity];
}

function common(values: Values): { config?: string; locale?: Locale; encoding?: string; stdinFilename?: string } | UsageError {
  const out: { config?: string; locale?: Locale; encoding?: string; stdinFilename?: string } = {};
  const config = values.get('config');
  if (typeof config === 'string') out.config = config;
  const locale = values.get('locale');
  if (typeof locale === 'string') {
    const l = normalizeLocale(locale);
    if (!l) return usage(`--locale 的取值“${locale}”无效，可选：zh-CN、en`, `invalid --locale "${locale}"; use zh-CN or en`);
    out.locale = l;
  }
  const encoding = values.get('encoding');
  if (typeof encoding === 'string') {
    if (!ENCODING_ALIASES.has(encoding.trim().toLowerCase())) {
      const known = [...ENCODING_ALIASES.keys()];
      const h = hint(encoding, known);
      return usage(`未知编码“${encoding}”，可用：${known.join('、')}${h.zh}`, `unknown encoding "${encoding}"; use one of ${known.join(', ')}${h.en}`);
    }
    out.encoding = encoding;
  }
  const stdinFilename = values.get('stdin-filename');
  if (typeof stdinFilename === 'string') out.stdinFilename = stdinFilename;
  return out;
}

function rules(values: Values): Array<[string, Severity]> | UsageError {
  const out: Array<[string, Severity]> = [];
  for (const s of (values.get('rule') as string[] | undefined) ?? []) {
    const r = parseRuleOverride(s);
    if (isUsageError(r)) return r;
    out.push(r);
  }
  return out;
}

/** The one file a subcommand reads. */
function singleFile(command: string, positionals: string[]): string | UsageError {
  if (positionals.length === 1) return positionals[0]!;
  return positionals.length === 0
    ? usage(`planlint ${command} 需要一个文件（或 - 表示标准输入）`, `planlint ${command} needs one file (or - for standard input)`)
    : usage(`planlint ${command} 只接受一个文件，实际有 ${positionals.length} 个`, `planlint ${command} takes one file, got ${positionals.length}`);
}

/** The report extensions of each lint format (`-o`). */
const LINT_EXTENSIONS: Record<LintFormat, readonly string[]> = {
  stylish: ['.txt', '.log'],
  json: ['.json'],
  sarif: ['.sarif', '.json'],
  github: ['.txt', '.log'],
};

/** Extensions of files no format of planlint writes. */
const FOREIGN_EXTENSIONS = ['.xls', '.tsv', '.html', '.htm', '.xml', '.pdf', '.doc', '.docx', '.wps', '.yaml', '.yml'];

/**
 * `-o FILE` whose extension belongs to another format than the one written (`-f json -o out.sarif`, `--format csv
 * -o x.xlsx`) is a usage error: the file would not open as its name says. An unknown extension, or none, is fine.
 */
function checkOutputExtension(outputFile: string, format: string, accepted: readonly string[]): UsageError | null {
  const ext = /(\.[A-Za-z0-9]+)$/.exec(outputFile.toLowerCase())?.[1];
  if (ext === undefined || accepted.includes(ext)) return null;
  const known = new Set([...Object.values(LINT_EXTENSIONS).flat(), ...Object.values(TABLE_EXTENSIONS), '.markdown', ...FOREIGN_EXTENSIONS]);
  if (!known.has(ext)) return null;
  const want = accepted.join('、');
  return usage(
    `输出文件“${outputFile}”的扩展名 ${ext} 与格式 ${format} 不符（${format} 应写入 ${want} 文件）；请改用相应扩展名或用 --format 选择格式`,
    `the output file "${outputFile}" has the extension ${ext}, which format ${format} does not write (use ${accepted.join(', ')}); change the name or choose the format with --format`,
  );
}

/** Parses the arguments after `planlint`. */
export function parseArgs(argv: readonly string[]): Args | UsageError {
  const command = argv[0] === 'table' || argv[0] === 'outline' || argv[0] === 'text' ? argv[0] : 'lint';
  const rest = command === 'lint' ? argv : argv.slice(1);
  const tokens = tokenize(rest, SPECS[command]);
  if (isUsageError(tokens)) return tokens;
  const { values, positionals } = tokens;
  if (values.get('help') === true) return { command: 'help' };
  if (values.get('version') === true) return { command: 'version' };
  const shared = common(values);
  if (isUsageError(shared)) return shared;

  if (command === 'outline') {
    const file = singleFile('outline', positionals);
    return isUsageError(file) ? file : { command, file, ...shared };
  }

  const outputFile = values.get('output-file') as string | undefined;
  if (command === 'text') {
    const file = singleFile('text', positionals);
    return isUsageError(file) ? file : { command, file, ...(outputFile !== undefined ? { outputFile } : {}), ...shared };
  }

  const ruleOverrides = rules(values);
  if (isUsageError(ruleOverrides)) return ruleOverrides;

  if (command === 'table') {
    const file = singleFile('table', positionals);
    if (isUsageError(file)) return file;
    let format: TableFormat = 'md';
    const given = values.get('format') as string | undefined;
    if (given !== undefined) {
      const f = oneOf('format', given === 'markdown' ? 'md' : given, TABLE_FORMATS);
      if (isUsageError(f)) return f;
      format = f;
    } else if (outputFile !== undefined) {
      // `-o tasks.xlsx` says the format.
      const lower = outputFile.toLowerCase();
      format = TABLE_FORMATS.find((f) => lower.endsWith(TABLE_EXTENSIONS[f])) ?? 'md';
    }
    if (outputFile !== undefined) {
      const accepted = format === 'md' ? ['.md', '.markdown', '.txt'] : [TABLE_EXTENSIONS[format]];
      const wrong = checkOutputExtension(outputFile, format, accepted);
      if (wrong) return wrong;
    }
    const filter: TableFilter = {};
    const unit = values.get('unit') as string | undefined;
    if (unit !== undefined && unit.trim() !== '') filter.unit = unit.trim();
    const only = values.get('only') as string | undefined;
    if (only !== undefined) {
      const status = oneOf('only', only, Object.keys(ONLY) as (keyof typeof ONLY)[]);
      if (isUsageError(status)) return status;
      filter.status = ONLY[status];
    }
    return {
      command,
      file,
      format,
      ...(outputFile !== undefined ? { outputFile } : {}),
      problems: values.get('problems') === true,
      filter,
      ruleOverrides,
      ...shared,
    };
  }

  const format = oneOf('format', (values.get('format') as string | undefined) ?? 'stylish', LINT_FORMATS);
  if (isUsageError(format)) return format;
  if (outputFile !== undefined) {
    const wrong = checkOutputExtension(outputFile, format, LINT_EXTENSIONS[format]);
    if (wrong) return wrong;
  }
  const maxSeverity = oneOf('max-severity', (values.get('max-severity') as string | undefined) ?? 'error', SEVERITY_RANKS);
  if (isUsageError(maxSeverity)) return maxSeverity;
  let maxWarnings = -1;
  const mw = values.get('max-warnings') as string | undefined;
  if (mw !== undefined) {
    if (!/^-?\d+$/.test(mw.trim()) || Number(mw) < -1) {
      return usage(`--max-warnings 应为不小于 0 的整数（-1 表示不限），实际是“${mw}”`, `--max-warnings takes an integer of at least 0 (-1: no limit); got "${mw}"`);
    }
    maxWarnings = Number(mw);
  }
  let concurrency: Concurrency = 'auto';
  const cc = values.get('concurrency') as string | undefined;
  if (cc !== undefined) {
    if (cc === 'auto' || cc === 'off') concurrency = cc;
    else if (/^\d+$/.test(cc)) concurrency = Number(cc) === 0 ? 'off' : Math.min(64, Number(cc));
    else return usage(`--concurrency 的取值“${cc}”无效，可选：auto、off 或线程数`, `invalid --concurrency "${cc}"; use auto, off or a number of threads`);
  }
  const printConfig = values.get('print-config') as string | undefined;
  if (positionals.length === 0 && printConfig === undefined) {
    return usage('请给出要检查的文件、目录或通配符（- 表示标准输入）', 'give the files, folders or globs to lint (- for standard input)');
  }
  if (values.get('fix') === true && positionals.includes('-') && positionals.length > 1) {
    return usage('--fix 与标准输入（-）同用时不能再给其他文件', '--fix with standard input (-) takes no other files');
  }
  const color = values.get('color');
  return {
    command: 'lint',
    paths: positionals,
    format,
    ...(outputFile !== undefined ? { outputFile } : {}),
    fix: values.get('fix') === true,
    ruleOverrides,
    maxSeverity,
    maxWarnings,
    quiet: values.get('quiet') === true,
    ignore: values.get('ignore') !== false,
    ignorePatterns: (values.get('ignore-pattern') as string[] | undefined) ?? [],
    concurrency,
    ...(typeof color === 'boolean' ? { color } : {}),
    progress: values.get('progress') !== false,
    verbose: values.get('verbose') === true,
    ...(printConfig !== undefined ? { printConfig } : {}),
    ...shared,
  };
}
