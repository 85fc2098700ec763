// Configuration: its shape, defaults, validation against schema.json and the merging of layers; pure data, no I/O.
// Over 400 lines: the configuration's shape, defaults, layers and the zh and en message of every problem with it.
import { compileUserPattern } from '../lint/patterns.js';
import type { Locale, Severity } from '../lint/types.js';
import type { ErrorObject } from 'ajv';
import { RULE_KEY_TO_ID } from './rule-names.js';
import { validateConfig as generatedValidateConfig, validateUnitList as generatedValidateUnitList } from './schema-validator.js';

/** A rule setting as written: a severity, or `[severity, options]`. */
export type RuleSetting = Severity | [Severity] | [Severity, Record<string, unknown>];

/** One unit (`单位`) of the unit list: its full name and the short or former names that mean it. */
export interface UnitEntry {
  name: string;
  aliases?: string[];
}

/** Whether a task may take its deadline from elsewhere. */
export interface DeadlineOptions {
  /** A deadline written on a section binds the tasks under it (default true). */
  inheritFromSection: boolean;
  /** The plan's year or period counts as every task's deadline (default false). */
  planPeriodSatisfies: boolean;
}

/**
 * The contents of one configuration file (`.planlintrc.json`, `.planlintrc.yaml`, `planlint.config.json`),
 * as written. Its JSON Schema is `schema.json`; `validateConfig` checks a parsed file against it.
 */
export interface PlanlintConfig {
  /** Where an editor finds the schema; ignored by planlint. */
  $schema?: string;
  locale?: Locale;
  /** Key: rule id (`PL002`) or name (`deadline-missing`). */
  rules?: Record<string, RuleSetting>;
  /** The unit list, inline. `loadConfigFile` also adds here the units read from `unitsFile`. */
  units?: UnitEntry[];
  /** A unit list file, relative to the config file and inside its folder: `.txt`, `.json` or `.yaml`. */
  unitsFile?: string;
  /** Titles of sections that assign no work (substrings of a title); replaces the default list. */
  nonTaskSections?: string[];
  /** Titles added to the list of sections that assign no work. */
  extraNonTaskSections?: string[];
  deadline?: Partial<DeadlineOptions>;
  /** The plan year (`2021`) or period when the text does not say. */
  period?: { start: number; end: number } | number;
  /** Extra glob patterns of files treated as plans (the editor uses these). */
  files?: string[];
  /** Files and folders a folder or glob run passes over: `.gitignore` syntax, relative to the config file's folder. */
  ignores?: string[];
  /** What the documents are, whatever their text shows: `plan`, `report` or `other` (default: decided by content). */
  kind?: 'plan' | 'report' | 'other';
}

/** Configuration after layers are merged and defaults applied: what the linter and the server read. */
export interface ResolvedConfig {
  locale: Locale;
  /** Severity per rule id, for the rules the configuration (or the defaults given) names. */
  ruleSeverity: Map<string, Severity>;
  /** Options per rule id. */
  ruleOptions: Map<string, Record<string, unknown>>;
  units: UnitEntry[];
  nonTaskSections: string[];
  deadline: DeadlineOptions;
  period: { start: number; end: number } | null;
  files: string[];
  /** `.gitignore`-style patterns of files and folders that folder and glob runs pass over. */
  ignores: string[];
  /** What the documents are when the configuration says so; null: decided by content. */
  kind: 'plan' | 'report' | 'other' | null;
  /** The files the configuration came from (config files, then unit files), outermost first. */
  sources: string[];
}

/** One thing wrong with a configuration file, in Chinese and English. */
export interface ConfigProblem {
  /** The file the problem is in (a config file or a units file), or a label such as `settings`. */
  file: string;
  /** Where in the data: `rules.PL099`, `units[3].name`; empty for the whole file. See `formatConfigPath`. */
  path: string;
  /** zh-CN message. */
  message: string;
  messageEn: string;
  /** One-based line in `file`, when known. */
  line?: number;
}

/** What the defaults are before any layer applies; the rule engine may pass its default severities. */
export interface ConfigDefaults {
  locale?: Locale;
  ruleSeverity?: ReadonlyMap<string, Severity>;
  nonTaskSections?: readonly string[];
  deadline?: Partial<DeadlineOptions>;
  /** Rule key (id or name) → id; `RULE_KEY_TO_ID` when not given. */
  ruleNames?: ReadonlyMap<string, string>;
}

/**
 * Titles of sections that assign no work, matched as substrings of a section title, in simplified and
 * traditional script. `目标任务` (goals and tasks) is left out on purpose: such sections assign tasks. A name after `…`
 * is a title's last word: `…标准` takes a short title that ends in it and opens with no verb of work (`二、保洁标准`,
 * `验收标准`; not `提高补助标准`, nor `推进标准化建设`).
 */
export const DEFAULT_NON_TASK_SECTIONS: readonly string[] = Object.freeze([
  '指导思想', '指導思想', // guiding ideology
  '总体要求', '總體要求', // overall requirements
  '基本原则', '基本原則', // basic principles
  '工作原则', '工作原則', // working principles
  '工作目标', '工作目標', // work goals
  '主要目标', '主要目標', // main goals
  '总体目标', '總體目標', // overall goals
  '实施步骤', '實施步驟', // implementation steps
  '方法步骤', '方法步驟', // methods and steps
  '工作步骤', '工作步驟', // work steps
  '推进步骤', '推進步驟', // steps of the work
  '进度安排', '進度安排', // schedule
  '时间安排', '時間安排', // timetable
  '步骤安排', '步驟安排', // arrangement of the steps
  '保障措施', // safeguards (same in both scripts)
  '组织保障', '組織保障', // organisational safeguards
  '工作保障', // work safeguards (same in both scripts)
  '工作要求', // work requirements (same in both scripts)
  '面临的形势', '面臨的形勢', // the situation faced
  '发展现状', '發展現狀', // the present state
  '基本情况', '基本情況', // basic facts
  '重要意义', '重要意義', // significance
  '深刻内涵', '深刻內涵', // meaning
  '主要成效', // results so far (same in both scripts)
  '存在问题', '存在問題', // problems found
  '发展目标', '發展目標', // development goals
  '建设目标', '建設目標', // construction goals
  '…标准', '…標準', // … standards (保洁标准, 验收标准): what the work must meet
  '…规范', '…規範', // … norms (行为规范)
  '…要求', // … requirements (具体要求, 纪律要求; same in both scripts)
  '…目标', '…目標', // … goals (整治目标, 行动目标, 年度目标): targets to reach, not work assigned
]);

/** Deadline options when the configuration says nothing. */
export const DEFAULT_DEADLINE_OPTIONS: Readonly<DeadlineOptions> = Object.freeze({
  inheritFromSection: true,
  planPeriodSatisfies: false,
});

/** The severities a rule may be set to. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'off'];

// ---------------------------------------------------------------------------------------------
// Schema errors → problems. ajv checks the data (`schema-validator.ts`, its standalone code for schema.json,
// generated by scripts/config-validator.js); what the errors say to a person is written here, in zh and en.
// ---------------------------------------------------------------------------------------------

/** A validator ajv generated: whether the data passes, and the errors of the last call. */
type SchemaCheck = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const checkConfigSchema = generatedValidateConfig as unknown as SchemaCheck;
const checkUnitListSchema = generatedValidateUnitList as unknown as SchemaCheck;

/**
 * The schema keywords whose failures have a message of their own here, and the annotations; a test fails
 * if schema.json uses any other (its failures would read as ajv's English).
 */
export const SUPPORTED_SCHEMA_KEYWORDS: ReadonlySet<string> = new Set([
  '$schema', '$ref', 'title', 'description', 'errorMessage', 'type', 'enum', 'properties',
  'additionalProperties', 'required', 'items', 'minItems', 'maxItems', 'minLength', 'minimum',
  'maximum', 'oneOf', 'definitions',
]);

type Seg = string | number;

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** One failure, before it becomes a `ConfigProblem`. */
interface Issue {
  segs: Seg[];
  zh: string;
  en: string;
  /** The value has the wrong JSON type here (used to pick the `oneOf` branch the user meant). */
  typeMismatch?: boolean;
  /** The ajv error it says: where in the data and in the schema. */
  error?: ErrorObject;
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['字符串', 'a string'],
  number: ['数字', 'a number'],
  integer: ['整数', 'an integer'],
  boolean: ['布尔值（true 或 false）', 'a boolean (true or false)'],
  object: ['对象', 'an object'],
  array: ['数组', 'an array'],
  null: ['null', 'null'],
};

function jsonTypeOf(v: unknown): JsonType | 'undefined' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(v) ? 'integer' : 'number';
    case 'object':
      return 'object';
    default:
      return 'undefined';
  }
}

/** A short rendering of a value for a message. */
function show(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 40 ? s.slice(0, 39) + '…' : s;
}

/** Splits an `errorMessage` / `description` written `中文 / English`. */
function splitBilingual(s: string): [string, string] {
  const i = s.indexOf(' / ');
  return i < 0 ? [s, s] : [s.slice(0, i), s.slice(i + 3)];
}

/** The data path of a JSON pointer into `raw`: array indices as numbers, keys as strings. */
function segsOf(pointer: string, raw: unknown): Seg[] {
  const segs: Seg[] = [];
  let node = raw;
  for (const part of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    const seg = Array.isArray(node) ? Number(key) : key;
    segs.push(seg);
    node = node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, seg) ? (node as Record<Seg, unknown>)[seg] : undefined;
  }
  return segs;
}

/** What one ajv error (other than `oneOf`) says, in zh and en. */
function issueOf(e: ErrorObject, raw: unknown): Issue {
  const segs = segsOf(e.instancePath, raw);
  const data: unknown = e.data;
  const params = e.params as Record<string, unknown>;
  const issue = (zh: string, en: string): Issue => ({ segs, zh, en, error: e });
  switch (e.keyword) {
    case 'type': {
      const types = String(params.type).split(',');
      const zh = types.map((t) => TYPE_NAMES[t]?.[0] ?? t).join('或');
      const en = types.map((t) => TYPE_NAMES[t]?.[1] ?? t).join(' or ');
      const actual = jsonTypeOf(data);
      const [az, ae] = TYPE_NAMES[actual] ?? [actual, actual];
      return { ...issue(`应为${zh}，实际是${az} ${show(data)}`, `must be ${en}, got ${ae} ${show(data)}`), typeMismatch: true };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => show(v)).join(', ');
      const hint = typeof data === 'string' ? didYouMean(data, (params.allowedValues as unknown[]).filter((v): v is string => typeof v === 'string')) : undefined;
      return issue(
        `取值 ${show(data)} 无效，可选：${allowed}${hint !== undefined ? `；是否想写“${hint}”？` : ''}`,
        `invalid value ${show(data)}; allowed: ${allowed}${hint !== undefined ? `; did you mean "${hint}"?` : ''}`,
      );
    }
    case 'minimum':
      return issue(`应不小于 ${String(params.limit)}，实际是 ${show(data)}`, `must be at least ${String(params.limit)}, got ${show(data)}`);
    case 'maximum':
      return issue(`应不大于 ${String(params.limit)}，实际是 ${show(data)}`, `must be at most ${String(params.limit)}, got ${show(data)}`);
    case 'minLength':
      return params.limit === 1
        ? issue('不能为空字符串', 'must not be an empty string')
        : issue(`至少应有 ${String(params.limit)} 个字符`, `must have at least ${String(params.limit)} characters`);
    case 'minItems':
      return issue(`至少应有 ${String(params.limit)} 项`, `must have at least ${String(params.limit)} item(s)`);
    case 'maxItems': {
      const n = Array.isArray(data) ? data.length : 0;
      return issue(`最多只能有 ${String(params.limit)} 项，实际有 ${n} 项`, `must have at most ${String(params.limit)} items, got ${n}`);
    }
    case 'required':
      return issue(`缺少必填项“${String(params.missingProperty)}”`, `missing required key "${String(params.missingProperty)}"`);
    case 'additionalProperties': {
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return { ...unknownKeyIssue(segs, String(params.additionalProperty), known), error: e };
    }
    default:
      // A keyword SUPPORTED_SCHEMA_KEYWORDS does not list: ajv's own words, in both languages.
      return issue(`不符合要求：${e.message ?? e.keyword}`, e.message ?? e.keyword);
  }
}

/** True when the error is at `pointer` or below it. */
function isWithin(e: ErrorObject, pointer: string): boolean {
  return e.instancePath === pointer || e.instancePath.startsWith(pointer + '/');
}

/**
 * ajv's errors as issues. `oneOf`: ajv lists every branch's errors and then its own; when no branch passes,
 * keep the failures of the one branch whose type fits the value (`"warn"` → the severity branch's "did you
 * mean"), else the node's own `errorMessage`. A value of the wrong type is said once (not again as a bad enum).
 */
function issuesOf(errors: readonly ErrorObject[], raw: unknown): Issue[] {
  const out: Issue[] = [];
  for (const e of errors) {
    if (e.keyword !== 'oneOf') {
      out.push(issueOf(e, raw));
      continue;
    }
    const prefix = e.schemaPath + '/';
    let start = out.length;
    while (start > 0 && out[start - 1]!.error?.schemaPath.startsWith(prefix) && isWithin(out[start - 1]!.error!, e.instancePath)) start--;
    const branchIssues = out.splice(start);
    const segs = segsOf(e.instancePath, raw);
    if (Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas)) {
      out.push({ segs, zh: '同时符合多种写法，无法确定含义', en: 'matches more than one allowed form', error: e });
      continue;
    }
    const branches = ((e.parentSchema as { oneOf?: unknown[] } | undefined)?.oneOf ?? []).map(() => [] as Issue[]);
    for (const i of branchIssues) branches[Number(i.error!.schemaPath.slice(prefix.length).split('/')[0])]?.push(i);
    const fitting = branches.filter((b) => !b.some((i) => i.typeMismatch && i.error!.instancePath === e.instancePath));
    if (fitting.length === 1) {
      out.push(...fitting[0]!);
      continue;
    }
    const own = (e.parentSchema as { errorMessage?: string } | undefined)?.errorMessage;
    const [zh, en] = own ? splitBilingual(own) : ['不符合任何允许的写法', 'does not match any allowed form'];
    out.push({ segs, zh, en, typeMismatch: true, error: e });
  }
  const wrongType = out.filter((i) => i.typeMismatch);
  const said = out.filter((i) => i.typeMismatch || !wrongType.some((t) => t.error!.instancePath === i.error?.instancePath && t.error!.parentSchema === i.error?.parentSchema));
  return inDataOrder(said, raw);
}

/**
 * Issues in the order of the data (of the file, for JSON and YAML): ajv lists an object's unknown keys before
 * it looks inside the known ones. A stable sort, so issues at one path keep ajv's order (the schema's).
 */
function inDataOrder(issues: Issue[], raw: unknown): Issue[] {
  const keyIndex = new Map<object, Map<string, number>>();
  const orderOf = (segs: Seg[]): number[] => {
    const at: number[] = [];
    let node = raw;
    for (const seg of segs) {
      if (node === null || typeof node !== 'object') break;
      if (Array.isArray(node)) at.push(Number(seg));
      else {
        let keys = keyIndex.get(node);
        if (!keys) keyIndex.set(node, (keys = new Map(Object.keys(node).map((k, i) => [k, i]))));
        at.push(keys.get(String(seg)) ?? -1);
      }
      node = Object.prototype.hasOwnProperty.call(node, seg) ? (node as Record<Seg, unknown>)[seg] : undefined;
    }
    return at;
  };
  const keyed = issues.map((issue) => ({ issue, at: orderOf(issue.segs) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < Math.min(a.at.length, b.at.length); i++) if (a.at[i] !== b.at[i]) return a.at[i]! - b.at[i]!;
    return a.at.length - b.at.length;
  });
  return keyed.map((k) => k.issue);
}

function unknownKeyIssue(segs: Seg[], key: string, known: string[]): Issue {
  const hint = didYouMean(key, known);
  const zhHint = hint !== undefined ? `；是否想写“${hint}”？` : '';
  const enHint = hint !== undefined ? `; did you mean "${hint}"?` : '';
  if (segs.length === 1 && segs[0] === 'rules') {
    return {
      segs: [...segs, key],
      zh: `未知规则“${key}”（应写规则编号 PL001–PL012 或规则名称）${zhHint}`,
      en: `unknown rule "${key}" (write a rule id PL001–PL012 or a rule name)${enHint}`,
    };
  }
  return { segs: [...segs, key], zh: `未知的配置项“${key}”${zhHint}`, en: `unknown key "${key}"${enHint}` };
}

/** Edit distance (insert, delete, substitute, swap two neighbours), case-insensitive. */
function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (a === b) return 0;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate the user most likely meant by `input`, or undefined: same letters in another case,
 * a near miss (edit distance at most a third of the length, at least 1), or a prefix either way.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > 100) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  const limit = Math.max(1, Math.floor(input.length / 3));
  const lower = input.toLowerCase();
  for (const c of candidates) {
    if (c === input) continue;
    const dist = editDistance(input, c);
    let score = Infinity;
    if (dist <= limit) score = dist;
    else if (lower.length >= 2 && (c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase()))) score = limit + 1;
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------------------------

/** Renders a data path: `rules.PL099`, `units[3].name`, `rules["含 空格"]`; the root is ``. */
export function formatConfigPath(segs: readonly Seg[]): string {
  let s = '';
  for (const seg of segs) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) s += (s === '' ? '' : '.') + seg;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s;
}

/** Reads back a path written by `formatConfigPath`; returns null when it is not one. */
export function parseConfigPath(path: string): Seg[] | null {
  const segs: Seg[] = [];
  const re = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let i = 0;
  while (i < path.length) {
    re.lastIndex = i;
    const m = re.exec(path);
    if (!m || (m[1] !== undefined && path[i] === '.' && i === 0)) return null;
    if (m[1] !== undefined) segs.push(m[1]);
    else if (m[2] !== undefined) segs.push(Number(m[2]));
    else {
      try {
        segs.push(JSON.parse(m[3]) as string);
      } catch {
        return null;
      }
    }
    i = re.lastIndex;
  }
  return segs;
}

/** One line for a person: `file:line: path: message`, in the locale. */
export function formatConfigProblem(p: ConfigProblem, locale: Locale = 'zh-CN'): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.path ? `${p.path}: ` : ''}${locale === 'en' ? p.messageEn : p.message}`;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/** At most this many problems are listed per file; the rest are counted in one more problem. */
const MAX_PROBLEMS = 100;

function toProblems(issues: Issue[], file: string): ConfigProblem[] {
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  for (const i of issues) {
    const path = formatConfigPath(i.segs);
    const key = path + '\u0000' + i.en;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ file, path, message: i.zh, messageEn: i.en });
  }
  if (problems.length > MAX_PROBLEMS) {
    const rest = problems.length - MAX_PROBLEMS;
    problems.length = MAX_PROBLEMS;
    problems.push({ file, path: '', message: `另有 ${rest} 个问题未列出`, messageEn: `${rest} more problem(s) not listed` });
  }
  return problems;
}

/**
 * Checks parsed configuration data against the schema and a few facts the schema cannot say
 * (a rule set twice by id and name, a period that ends before it starts, a pattern RE2 refuses).
 * Returns the config when there is no problem, else null and the problems (never throws).
 * `source` names the file in the problems.
 */
export function validateConfig(raw: unknown, source: string): { config: PlanlintConfig | null; problems: ConfigProblem[] } {
  try {
    const issues: Issue[] = [];
    if (jsonTypeOf(raw) !== 'object') {
      issues.push({
        segs: [],
        zh: `配置文件的顶层应为对象（{ … }），实际是${TYPE_NAMES[jsonTypeOf(raw)]?.[0] ?? '空'} ${show(raw)}`,
        en: `the top level must be an object ({ … }), got ${TYPE_NAMES[jsonTypeOf(raw)]?.[1] ?? 'nothing'} ${show(raw)}`,
      });
    } else {
      if (!checkConfigSchema(raw)) issues.push(...issuesOf(checkConfigSchema.errors ?? [], raw));
      checkSemantics(raw as Record<string, unknown>, issues);
    }
    const problems = toProblems(issues, source);
    return { config: problems.length === 0 ? (raw as PlanlintConfig) : null, problems };
  } catch (e) {
    // A last guard, so that a bad config never takes the caller down.
    const msg = e instanceof Error ? e.message : String(e);
    return { config: null, problems: [{ file: source, path: '', message: `无法校验配置：${msg}`, messageEn: `cannot validate the configuration: ${msg}` }] };
  }
}

/** Rule options that hold regular expressions (run on RE2, see lint/patterns.ts), by option name. */
const PATTERN_OPTIONS: readonly string[] = ['ignorePatterns'];

/**
 * A pattern in a rule's options must compile on RE2, the linear-time engine patterns from
 * configuration run on: look-around and back-references are refused here, once, with RE2's reason,
 * rather than run on a backtracking engine (`^(市+)+$` stalled a run for minutes on a 40-character name).
 */
function checkRulePatterns(key: string, setting: unknown, out: Issue[]): void {
  if (!Array.isArray(setting) || jsonTypeOf(setting[1]) !== 'object') return;
  const options = setting[1] as Record<string, unknown>;
  for (const name of PATTERN_OPTIONS) {
    const list = options[name];
    if (!Array.isArray(list)) continue;
    list.forEach((source, i) => {
      if (typeof source !== 'string' || source === '') return;
      const compiled = compileUserPattern(source);
      if (!('error' in compiled)) return;
      out.push({
        segs: ['rules', key, 1, name, i],
        zh: `正则表达式 ${show(source)} 无法使用：${compiled.error}（只支持 RE2 语法，不支持前后查找 (?=…) (?<=…) 和反向引用 \\1，以保证检查用时与文本长度成正比）`,
        en: `the regular expression ${show(source)} cannot be used: ${compiled.error} (RE2 syntax only: no look-around (?=…) (?<=…) and no back-references \\1, so that matching takes time linear in the text)`,
      });
    });
  }
}

function checkSemantics(raw: Record<string, unknown>, out: Issue[]): void {
  const rules = raw.rules;
  if (jsonTypeOf(rules) === 'object') {
    const byId = new Map<string, string>();
    for (const key of Object.keys(rules as object)) {
      const id = RULE_KEY_TO_ID.get(key);
      if (id === undefined) continue;
      const first = byId.get(id);
      if (first !== undefined) {
        out.push({
          segs: ['rules', key],
          zh: `规则 ${id} 配置了两次（“${first}”和“${key}”），请只保留一处`,
          en: `rule ${id} is set twice ("${first}" and "${key}"); keep one`,
        });
      } else byId.set(id, key);
      checkRulePatterns(key, (rules as Record<string, unknown>)[key], out);
    }
  }
  const period = raw.period as { start?: unknown; end?: unknown } | undefined;
  if (jsonTypeOf(period) === 'object' && typeof period!.start === 'number' && typeof period!.end === 'number' && period!.start > period!.end) {
    out.push({
      segs: ['period'],
      zh: `起始年份 ${period!.start} 晚于结束年份 ${period!.end}`,
      en: `the first year ${period!.start} is after the last year ${period!.end}`,
    });
  }
}

/**
 * Checks a unit list read from a units file (`.json` / `.yaml`: an array of `{ name, aliases? }`).
 * Returns the units when there is no problem, else null and the problems.
 */
export function validateUnitList(raw: unknown, source: string): { units: UnitEntry[] | null; problems: ConfigProblem[] } {
  const issues = checkUnitListSchema(raw) ? [] : issuesOf(checkUnitListSchema.errors ?? [], raw);
  const problems = toProblems(issues, source);
  return { units: problems.length === 0 ? (raw as UnitEntry[]) : null, problems };
}

// ---------------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------------

/**
 * Merges unit lists: one entry per name, in first-seen order, aliases united (an alias equal to the
 * name is dropped). Linear in the total size.
 */
export function mergeUnits(lists: ReadonlyArray<readonly UnitEntry[]>): UnitEntry[] {
  const byName = new Map<string, UnitEntry>();
  const out: UnitEntry[] = [];
  for (const list of lists) {
    for (const u of list) {
      if (!u || typeof u.name !== 'string' || u.name === '') continue;
      let entry = byName.get(u.name);
      if (!entry) {
        entry = { name: u.name };
        byName.set(u.name, entry);
        out.push(entry);
      }
      if (Array.isArray(u.aliases)) addAliases(entry, u.aliases);
    }
  }
  return out;
}

/** Adds aliases to a unit entry, skipping repeats and the unit's own name; linear in the aliases added. */
export function addAliases(entry: UnitEntry, aliases: readonly unknown[]): void {
  for (const a of aliases) {
    if (typeof a !== 'string' || a === '' || a === entry.name) continue;
    const list = (entry.aliases ??= []);
    // Alias lists are short; a long one gets a lookup set so that no list turns quadratic.
    if (list.length < 16) {
      if (!list.includes(a)) list.push(a);
    } else {
      const seen = (aliasSets.get(entry) ?? aliasSets.set(entry, new Set(list)).get(entry))!;
      if (!seen.has(a)) {
        seen.add(a);
        list.push(a);
      }
    }
  }
}

const aliasSets = new WeakMap<UnitEntry, Set<string>>();

function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s !== '') : undefined;
}

function isYear(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/**
 * Merges configuration layers, outermost first (a later layer overrides an earlier one), over the
 * defaults. Per key: `locale`, `period`, `units`, `nonTaskSections` are replaced by the latest layer
 * that sets them; `rules` and `deadline` merge per rule and per field (a bare severity keeps the
 * options set before); `extraNonTaskSections`, `files` and `ignores` accumulate. Rule names become ids; keys
 * that name no rule are skipped. Tolerates unvalidated input and never throws.
 */
export function resolveConfig(
  layers: readonly PlanlintConfig[],
  defaults: ConfigDefaults = {},
  sources: readonly string[] = [],
): ResolvedConfig {
  const ruleNames = defaults.ruleNames ?? RULE_KEY_TO_ID;
  let locale: Locale = defaults.locale ?? 'zh-CN';
  const ruleSeverity = new Map<string, Severity>(defaults.ruleSeverity ?? []);
  const ruleOptions = new Map<string, Record<string, unknown>>();
  let units: UnitEntry[] = [];
  let nonTask: string[] = [...(defaults.nonTaskSections ?? DEFAULT_NON_TASK_SECTIONS)];
  const deadline: DeadlineOptions = { ...DEFAULT_DEADLINE_OPTIONS, ...defaults.deadline };
  let period: { start: number; end: number } | null = null;
  const files: string[] = [];
  const ignores: string[] = [];
  let kind: ResolvedConfig['kind'] = null;

  for (const layer of layers) {
    if (!layer || typeof layer !== 'object') continue;
    if (layer.locale === 'zh-CN' || layer.locale === 'en') locale = layer.locale;
    if (layer.rules && typeof layer.rules === 'object') {
      for (const [key, setting] of Object.entries(layer.rules)) {
        const id = ruleNames.get(key);
        if (id === undefined) continue;
        if (isSeverity(setting)) ruleSeverity.set(id, setting);
        else if (Array.isArray(setting) && isSeverity(setting[0])) {
          ruleSeverity.set(id, setting[0]);
          const opts = setting[1];
          if (opts && typeof opts === 'object' && !Array.isArray(opts)) ruleOptions.set(id, { ...opts });
        }
      }
    }
    if (Array.isArray(layer.units)) units = mergeUnits([layer.units]);
    const replace = stringList(layer.nonTaskSections);
    if (replace) nonTask = replace;
    const extra = stringList(layer.extraNonTaskSections);
    if (extra) nonTask.push(...extra);
    if (layer.deadline && typeof layer.deadline === 'object') {
      if (typeof layer.deadline.inheritFromSection === 'boolean') deadline.inheritFromSection = layer.deadline.inheritFromSection;
      if (typeof layer.deadline.planPeriodSatisfies === 'boolean') deadline.planPeriodSatisfies = layer.deadline.planPeriodSatisfies;
    }
    const p = layer.period;
    if (isYear(p)) period = { start: p, end: p };
    else if (p && typeof p === 'object' && isYear(p.start) && isYear(p.end)) period = { start: p.start, end: p.end };
    const globs = stringList(layer.files);
    if (globs) files.push(...globs);
    const ignored = stringList(layer.ignores);
    if (ignored) ignores.push(...ignored);
    if (layer.kind === 'plan' || layer.kind === 'report' || layer.kind === 'other') kind = layer.kind;
  }

  return {
    locale,
    ruleSeverity,
    ruleOptions,
    units,
    nonTaskSections: [...new Set(nonTask)],
    deadline,
    period,
    files: [...new Set(files)],
    ignores: [...new Set(ignores)],
    kind,
    sources: [...sources],
  };
}

/** The configuration when no file says anything. */
export function defaultConfig(defaults: ConfigDefaults = {}): ResolvedConfig {
  return resolveConfig([], defaults);
}
