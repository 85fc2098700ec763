// Finding and reading configuration files and unit lists from disk (node:fs); data only, never code.
// Over 400 lines: config files (JSON with comments, YAML), unit lists and the nearest-config lookup share their paths,
// link checks and error positions.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { createScanner, findNodeAtLocation, findNodeAtOffset, parseTree, printParseErrorCode, SyntaxKind, type Node as JsonNode, type ParseError, type ParseOptions } from 'jsonc-parser';
import type { Node as YamlNode } from 'yaml';
import { decodeText } from '../text/encoding.js';
import { createLineMap } from '../model/positions.js';
import {
  addAliases,
  mergeUnits,
  parseConfigPath,
  resolveConfig,
  validateConfig,
  validateUnitList,
  type ConfigDefaults,
  type ConfigProblem,
  type PlanlintConfig,
  type ResolvedConfig,
  type UnitEntry,
} from './config.js';

/** Config file names, in the order that decides between two in one folder: the first present wins. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.planlintrc.json', '.planlintrc.yaml', '.planlintrc.yml', 'planlint.config.json'];

/** A units file larger than this is refused (a 10 MB list loads in well under a second). */
export const MAX_UNITS_FILE_BYTES = 64 * 1024 * 1024;

/** A config file larger than this is refused: configuration is a few kilobytes. */
export const MAX_CONFIG_FILE_BYTES = 4 * 1024 * 1024;

/** JSON or YAML nested deeper than this is refused rather than risk the stack. */
const MAX_DEPTH = 256;

type Seg = string | number;

// ---------------------------------------------------------------------------------------------
// JSON with comments and trailing commas (jsonc-parser), keeping where every value and key is.
// ---------------------------------------------------------------------------------------------

interface Parsed {
  value: unknown;
  /** Offset of the data at a path (of the key, for an object member), by the longest known prefix. */
  locate(segs: readonly Seg[]): number | undefined;
}

interface ParseFailure {
  offset: number;
  zh: string;
  en: string;
}

const JSON_OPTIONS: ParseOptions = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };

/** What each of jsonc-parser's errors means to a person, by `printParseErrorCode`'s name. */
const JSON_ERRORS: Record<string, [zh: string, en: string]> = {
  InvalidSymbol: ['意外的内容', 'unexpected content'],
  InvalidNumberFormat: ['数字写法有误', 'malformed number'],
  PropertyNameExpected: ['应为双引号括起的键名', 'expected a key in double quotes'],
  ValueExpected: ['应为一个值', 'expected a value'],
  ColonExpected: ['键名后应为冒号“:”', 'expected ":" after the key'],
  CommaExpected: ['应为逗号“,”', 'expected ","'],
  CloseBraceExpected: ['缺少“}”', 'missing "}"'],
  CloseBracketExpected: ['缺少“]”', 'missing "]"'],
  EndOfFileExpected: ['值结束后还有多余内容', 'unexpected content after the end of the data'],
  InvalidCommentToken: ['注释写法有误', 'malformed comment'],
  UnexpectedEndOfComment: ['注释缺少结尾的“*/”', 'unterminated comment: no "*/"'],
  UnexpectedEndOfString: ['字符串缺少结尾的双引号', 'unterminated string'],
  UnexpectedEndOfNumber: ['数字写法不完整', 'incomplete number'],
  InvalidUnicode: ['字符串中的 \\u 转义写法有误', 'bad \\u escape in a string'],
  InvalidEscapeCharacter: ['字符串中的转义写法有误', 'bad escape in a string'],
  InvalidCharacter: ['字符串中有未转义的控制字符（如制表符）', 'unescaped control character (such as a tab) in a string'],
};

/** The first of jsonc-parser's errors, said the way a person fixes it. */
function describeJsonError(text: string, root: JsonNode | undefined, error: ParseError): ParseFailure {
  const code = printParseErrorCode(error.error);
  let [zh, en] = JSON_ERRORS[code] ?? ['无法解析', 'cannot parse'];
  const token = text.slice(error.offset, error.offset + error.length);
  const atEnd = error.offset >= text.length;
  if (code === 'ValueExpected' && atEnd) [zh, en] = ['文件意外结束', 'unexpected end of the file'];
  else if (code === 'InvalidSymbol' && token.startsWith("'")) [zh, en] = ['键名和字符串须用双引号', 'keys and strings take double quotes'];
  else if (code === 'InvalidSymbol') [zh, en] = [`意外的内容“${show(token)}”`, `unexpected "${show(token)}"`];
  else if (code === 'CommaExpected') {
    // Which bracket closes here depends on where the error is: the innermost object or array around it.
    let node = root && findNodeAtOffset(root, error.offset);
    while (node && node.type !== 'object' && node.type !== 'array') node = node.parent;
    const close = node?.type === 'array' ? ']' : '}';
    [zh, en] = [`应为逗号“,”或“${close}”`, `expected "," or "${close}"`];
  } else if (code === 'UnexpectedEndOfString' && /[\r\n]/.test(text.charAt(error.offset + error.length))) {
    [zh, en] = ['字符串缺少结尾的双引号，或其中有未转义的换行（应写作 \\n）', 'unterminated string, or a line break inside it (write \\n)'];
  }
  return { offset: error.offset, zh, en };
}

function show(token: string): string {
  return token.length > 20 ? token.slice(0, 19) + '…' : token;
}

/**
 * Where the text first nests deeper than `MAX_DEPTH`, by jsonc-parser's scanner (no recursion), or -1:
 * the parser recurses per level, so a deep text must be refused before it is parsed.
 */
function tooDeepAt(text: string): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_DEPTH) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth--;
  }
  return -1;
}

/** The value of a parse tree; a key `"__proto__"` stays plain data, and a key written twice is a failure. */
function valueOf(node: JsonNode): unknown {
  if (node.type === 'array') return (node.children ?? []).map(valueOf);
  if (node.type !== 'object') return node.value;
  const obj: Record<string, unknown> = {};
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue; // a member cut short by a syntax error, reported as such
    const key = keyNode.value as string;
    if (Object.prototype.hasOwnProperty.call(obj, key)) throw { offset: keyNode.offset, zh: `键“${key}”重复`, en: `duplicate key "${key}"` } satisfies ParseFailure;
    // defineProperty, not assignment: assigning "__proto__" would set the prototype.
    Object.defineProperty(obj, key, { value: valueOf(valueNode), enumerable: true, writable: true, configurable: true });
  }
  return obj;
}

/** Parses JSON with comments and trailing commas, remembering where every value (and key) is. */
function parseJson(text: string): Parsed | ParseFailure {
  const deep = tooDeepAt(text);
  if (deep >= 0) return { offset: deep, zh: '嵌套层数过多', en: 'nested too deeply' };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, JSON_OPTIONS);
  if (errors.length > 0) return describeJsonError(text, root, errors[0]!);
  let value: unknown;
  try {
    value = root ? valueOf(root) : {}; // nothing but comments configures nothing, as an empty file
  } catch (e) {
    return e as ParseFailure;
  }
  return {
    value,
    locate: (segs) => {
      for (let n = segs.length; n >= 0 && root; n--) {
        const node = findNodeAtLocation(root, segs.slice(0, n));
        if (node) return node.parent?.type === 'property' ? node.parent.offset : node.offset;
      }
      return undefined;
    },
  };
}

/**
 * Set by scripts/bundle.js (esbuild `define`): the file beside the bundle that holds the `yaml` library,
 * so that a bundle compiles and runs it only when a YAML file is read. Not defined under tsc (out/).
 */
declare const PLANLINT_YAML_FILE: string | undefined;

type YamlLibrary = typeof import('yaml');
let yamlLibrary: YamlLibrary | undefined;

/**
 * The `yaml` library, loaded on first use: it is a quarter of the CLI bundle, and most runs read no YAML
 * (`--version`, JSON configs, none at all). Synchronous, because config lookups are. Throws when missing.
 */
function yaml(): YamlLibrary {
  if (!yamlLibrary) {
    const requireHere = createRequire(import.meta.url);
    yamlLibrary = requireHere(typeof PLANLINT_YAML_FILE === 'string' ? PLANLINT_YAML_FILE : 'yaml') as YamlLibrary;
  }
  return yamlLibrary;
}

/** Parses YAML (which never runs code: no custom tags, aliases capped), remembering where nodes are. */
function parseYaml(text: string): Parsed | ParseFailure {
  try {
    const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml();
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
    const first = doc.errors[0] ?? doc.warnings[0];
    if (first) {
      const offset = first.pos[0];
      const msg = first.message.split('\n')[0];
      return { offset, zh: `YAML 语法错误：${msg}`, en: `YAML syntax error: ${msg}` };
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    return {
      value,
      locate: (segs) => {
        let node: unknown = doc.contents;
        let at = (doc.contents as YamlNode | null)?.range?.[0];
        for (const seg of segs) {
          if (isMap(node)) {
            const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
            if (!pair) break;
            at = (pair.key as YamlNode).range?.[0] ?? at;
            node = pair.value;
          } else if (isSeq(node) && typeof seg === 'number') {
            const item = node.items[seg] as YamlNode | undefined;
            if (!item) break;
            at = item.range?.[0] ?? at;
            node = item;
          } else break;
        }
        return at;
      },
    };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { offset: 0, zh: `YAML 无法读取：${msg}`, en: `cannot read the YAML: ${msg}` };
  }
}

function isFailure(p: Parsed | ParseFailure): p is ParseFailure {
  return 'zh' in p;
}

// ---------------------------------------------------------------------------------------------
// Reading files
// ---------------------------------------------------------------------------------------------

function problem(file: string, zh: string, en: string, line?: number, pathStr = ''): ConfigProblem {
  return line === undefined ? { file, path: pathStr, message: zh, messageEn: en } : { file, path: pathStr, message: zh, messageEn: en, line };
}

/** Reads a text file (UTF-8, UTF-16 with BOM or GB18030), or says why not. */
function readText(file: string, maxBytes: number): { text: string } | { problem: ConfigProblem } {
  let bytes: Uint8Array;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) {
      return { problem: problem(file, `文件过大（${size} 字节，上限 ${maxBytes}）`, `file too large (${size} bytes, limit ${maxBytes})`) };
    }
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: problem(file, '找不到文件', 'file not found') };
    return { problem: problem(file, `无法读取文件（${code ?? String(e)}）`, `cannot read the file (${code ?? String(e)})`) };
  }
  const decoded = decodeText(bytes);
  if ('text' in decoded) return { text: decoded.text };
  if ('binary' in decoded) return { problem: problem(file, decoded.reason, decoded.reasonEn) };
  return { problem: problem(file, decoded.error, decoded.errorEn) };
}

type Format = 'json' | 'yaml';

function formatOf(file: string, text: string): Format {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

/** Parses a data file, turning a syntax error into a problem with its line. */
function parseData(file: string, text: string, format: Format): Parsed | ConfigProblem {
  const parsed = format === 'json' ? parseJson(text) : parseYaml(text);
  if (!isFailure(parsed)) return parsed;
  const { line: lineIndex, character } = createLineMap(text).positionAt(parsed.offset);
  const [line, col] = [lineIndex + 1, character + 1];
  const kind = format === 'json' ? 'JSON' : 'YAML';
  const zh = parsed.zh.startsWith('YAML') ? `${parsed.zh}（第 ${line} 行第 ${col} 列）` : `${kind} 语法错误：${parsed.zh}（第 ${line} 行第 ${col} 列）`;
  const en = parsed.en.startsWith('YAML') || parsed.en.startsWith('cannot') ? `${parsed.en} (line ${line}, column ${col})` : `${kind} syntax error: ${parsed.en} (line ${line}, column ${col})`;
  return problem(file, zh, en, line);
}

/** Gives each problem the line of the data it is about. */
function withLines(problems: ConfigProblem[], text: string, parsed: Parsed): ConfigProblem[] {
  const lines = createLineMap(text);
  return problems.map((p) => {
    const segs = parseConfigPath(p.path);
    const at = segs ? parsed.locate(segs) : undefined;
    return at === undefined ? p : { ...p, line: lines.lineAt(at) + 1 };
  });
}

/** True when `inner` is `outer` or lies below it. */
function isInside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

const ARROWS = ['→', '->', '=>', '⇒'];
const LIST_SEPARATORS = /[,，、;；]/;

/**
 * Reads a units `.txt` file: one unit a line, `全称` alone, `简称 → 全称` (also `->`, `=>`; several
 * short names may stand left of the arrow, separated by `、` or commas) or `全称: 别名1, 别名2`.
 * Blank lines and lines starting with `#` are skipped. Linear in the size of the text.
 */
export function parseUnitsText(text: string, file: string): { units: UnitEntry[]; problems: ConfigProblem[] } {
  const byName = new Map<string, UnitEntry>();
  const units: UnitEntry[] = [];
  const problems: ConfigProblem[] = [];
  const add = (name: string, aliases: readonly string[]): void => {
    let entry = byName.get(name);
    if (!entry) {
      entry = { name };
      byName.set(name, entry);
      units.push(entry);
    }
    if (aliases.length > 0) addAliases(entry, aliases);
  };
  const split = (s: string): string[] => {
    const parts: string[] = [];
    for (const x of s.split(LIST_SEPARATORS)) {
      const t = x.trim();
      if (t !== '') parts.push(t);
    }
    return parts;
  };
  const report = (line: number, zh: string, en: string): void => {
    if (problems.length < 100) problems.push(problem(file, zh, en, line));
  };
  let lineNo = 0;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    const line = text.slice(start, end).trim(); // trim() also takes the \r of CRLF
    start = end + 1;
    if (line === '' || line.charCodeAt(0) === 0x23 /* # */) continue;
    let arrowAt = -1;
    let arrowLen = 0;
    for (const a of ARROWS) {
      const k = line.indexOf(a);
      if (k >= 0 && (arrowAt < 0 || k < arrowAt)) [arrowAt, arrowLen] = [k, a.length];
    }
    if (arrowAt >= 0) {
      const aliases = split(line.slice(0, arrowAt));
      const name = line.slice(arrowAt + arrowLen).trim();
      if (aliases.length === 0 || name === '' || ARROWS.some((a) => name.includes(a))) {
        report(lineNo, `第 ${lineNo} 行应写作“简称 → 全称”`, `line ${lineNo} should read "short name → full name"`);
      } else add(name, aliases);
      continue;
    }
    const colon = line.search(/[:：]/);
    if (colon >= 0) {
      const name = line.slice(0, colon).trim();
      if (name === '') report(lineNo, `第 ${lineNo} 行冒号前缺少单位全称`, `line ${lineNo} has no full name before the colon`);
      else add(name, split(line.slice(colon + 1)));
      continue;
    }
    add(line, []);
  }
  return { units, problems };
}

/** Reads the `unitsFile` a config names, refusing any path outside the config file's folder tree. */
function loadUnitsFile(configFile: string, ref: string): { units: UnitEntry[] | null; problems: ConfigProblem[]; file?: string } {
  const baseDir = path.dirname(configFile);
  const target = path.resolve(baseDir, ref);
  const refused = (): { units: null; problems: ConfigProblem[] } => ({
    units: null,
    problems: [
      problem(
        configFile,
        `单位名单文件“${ref}”不在配置文件所在目录之内，拒绝读取`,
        `units file "${ref}" lies outside the config file's folder; refused`,
        undefined,
        'unitsFile',
      ),
    ],
  });
  if (!isInside(baseDir, target) || target === baseDir) return refused();
  // A symbolic link must not lead outside either.
  try {
    if (!isInside(fs.realpathSync(baseDir), fs.realpathSync(target))) return refused();
  } catch {
    // a missing file is reported by readText below
  }
  const read = readText(target, MAX_UNITS_FILE_BYTES);
  if ('problem' in read) return { units: null, problems: [read.problem], file: target };
  const ext = path.extname(target).toLowerCase();
  if (ext === '.txt' || ext === '') {
    const r = parseUnitsText(read.text, target);
    return { units: r.problems.length ? null : r.units, problems: r.problems, file: target };
  }
  if (ext !== '.json' && ext !== '.yaml' && ext !== '.yml') {
    return {
      units: null,
      problems: [problem(configFile, `单位名单文件“${ref}”的类型不受支持（应为 .txt、.json 或 .yaml）`, `units file "${ref}": unsupported type (use .txt, .json or .yaml)`, undefined, 'unitsFile')],
      file: target,
    };
  }
  let parsed: Parsed | ConfigProblem;
  if (ext === '.json') {
    // The built-in parser is fastest on a long list; jsonc-parser runs when it fails (comments, trailing
    // commas, a mistake to locate) and to say where the entries with problems are.
    try {
      const value = JSON.parse(read.text) as unknown;
      parsed = { value, locate: () => undefined };
    } catch {
      parsed = parseData(target, read.text, 'json');
    }
  } else parsed = parseData(target, read.text, 'yaml');
  if ('file' in parsed) return { units: null, problems: [parsed], file: target };
  const v = validateUnitList(parsed.value, target);
  if (v.problems.length === 0) return { units: v.units, problems: [], file: target };
  const located = ext === '.json' ? parseJson(read.text) : parsed;
  return { units: null, problems: isFailure(located) ? v.problems : withLines(v.problems, read.text, located), file: target };
}

/** A loaded config file: the config (null when anything is wrong), problems, and the files read. */
interface LoadedFile {
  config: PlanlintConfig | null;
  problems: ConfigProblem[];
  sources: string[];
}

function loadFile(file: string): LoadedFile {
  const abs = path.resolve(file);
  const read = readText(abs, MAX_CONFIG_FILE_BYTES);
  if ('problem' in read) return { config: null, problems: [read.problem], sources: [abs] };
  const text = read.text;
  // An empty file configures nothing, in either format.
  if (text.trim() === '') return { config: {}, problems: [], sources: [abs] };
  const parsed = parseData(abs, text, formatOf(abs, text));
  if ('file' in parsed) return { config: null, problems: [parsed], sources: [abs] };
  const v = validateConfig(parsed.value, abs);
  if (!v.config) return { config: null, problems: withLines(v.problems, text, parsed), sources: [abs] };
  const config: PlanlintConfig = { ...v.config };
  if (config.unitsFile !== undefined) {
    const u = loadUnitsFile(abs, config.unitsFile);
    const sources = u.file ? [abs, u.file] : [abs];
    const problems = u.problems.map((p) => (p.file === abs && p.path === 'unitsFile' ? withLines([p], text, parsed)[0] : p));
    if (!u.units) return { config: null, problems, sources };
    config.units = config.units?.length ? mergeUnits([config.units, u.units]) : u.units;
    return { config, problems: [], sources };
  }
  return { config, problems: [], sources: [abs] };
}

/**
 * Reads one config file, JSON or YAML (by extension; otherwise by its first character), checks it and
 * reads the `unitsFile` it names (relative to it, never outside its folder tree), adding those units to
 * `units`. Returns the config, or null and the problems (with lines) when anything is wrong. Never throws.
 */
export function loadConfigFile(file: string): { config: PlanlintConfig | null; problems: ConfigProblem[] } {
  const { config, problems } = loadFile(file);
  return { config, problems };
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/**
 * The config files that apply to files in `fileDir`, nearest first: one per folder (the first of
 * `CONFIG_FILE_NAMES` present), walking up to `stopAt` (inclusive) or the filesystem root.
 */
export function findConfigFiles(fileDir: string, stopAt?: string): string[] {
  const found: string[] = [];
  let dir = path.resolve(fileDir);
  const stop = stopAt !== undefined ? path.resolve(stopAt) : undefined;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = path.join(dir, name);
      if (isFile(p)) {
        found.push(p);
        break;
      }
    }
    if (dir === stop) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return found;
}

function resolveLoaded(loaded: LoadedFile, base: readonly PlanlintConfig[], defaults: ConfigDefaults): { config: ResolvedConfig; problems: ConfigProblem[] } {
  // A bad file is reported and the defaults (under any base layers) apply, as if it said nothing.
  const layers = loaded.config ? [...base, loaded.config] : [...base];
  return { config: resolveConfig(layers, defaults, loaded.sources), problems: loaded.problems };
}

/**
 * Reads the config file given by `--config` (relative to the working directory). Returns the resolved
 * configuration (the defaults when the file is bad) and the problems. Never throws.
 */
export function loadConfigFromPath(file: string, defaults: ConfigDefaults = {}): { config: ResolvedConfig; problems: ConfigProblem[] } {
  return resolveLoaded(loadFile(file), [], defaults);
}

/**
 * True when the config file at `file`, links resolved, lies outside `root` (links resolved too; by
 * default the file's own folder): a `.planlintrc.json` linking to `/etc/…` or another user's files.
 */
function escapesFolder(file: string, root = path.dirname(file)): boolean {
  try {
    return !isInside(fs.realpathSync(root), fs.realpathSync(file));
  } catch {
    return false; // a missing file is reported when it is read
  }
}

/** A config file refused unread: the problem names it and says why, and quotes nothing of it. */
function refusedLink(file: string, workspace: boolean): LoadedFile {
  const [zh, en] = workspace ? ['工作区', 'the workspace'] : ['其所在文件夹', 'its folder'];
  return {
    config: null,
    problems: [problem(file, `配置文件是指向${zh}之外的符号链接，拒绝读取`, `the config file is a symbolic link to a file outside ${en}; refused`)],
    sources: [path.resolve(file)],
  };
}

/** Options of a `ConfigCache`. */
export interface ConfigCacheOptions {
  /** Do not look above this folder (the workspace root). */
  stopAt?: string;
  /** Defaults under every configuration (e.g. the rules' default severities). */
  defaults?: ConfigDefaults;
  /** Layers under the config file, outermost first (e.g. the editor's settings). */
  base?: PlanlintConfig[];
}

/**
 * The configuration for each file, cached by folder. The nearest config file wins on its own:
 * config files in folders further up do not cascade into it (no merging, no `root` flag), so what a
 * file's configuration is can be read from one file. A folder without any config file up to `stopAt`
 * gets the defaults. `invalidate` when a config or units file changes.
 */
export class ConfigCache {
  private readonly nearest = new Map<string, string | null>();
  private readonly loaded = new Map<string, { config: ResolvedConfig; problems: ConfigProblem[]; sources: string[] }>();
  private fallback: ResolvedConfig | null = null;

  constructor(private readonly opts: ConfigCacheOptions = {}) {}

  /** The configuration for the file at `filePath`, and the problems of the config file it came from. */
  forFile(filePath: string): { config: ResolvedConfig; problems: ConfigProblem[] } {
    try {
      const dir = path.dirname(path.resolve(filePath));
      let configFile = this.nearest.get(dir);
      if (configFile === undefined) {
        configFile = findConfigFiles(dir, this.opts.stopAt)[0] ?? null;
        this.nearest.set(dir, configFile);
      }
      if (configFile === null) return { config: this.defaults(), problems: [] };
      let entry = this.loaded.get(configFile);
      if (!entry) {
        const file = escapesFolder(configFile, this.opts.stopAt) ? refusedLink(configFile, this.opts.stopAt !== undefined) : loadFile(configFile);
        entry = { ...resolveLoaded(file, this.opts.base ?? [], this.opts.defaults ?? {}), sources: file.sources };
        this.loaded.set(configFile, entry);
      }
      return { config: entry.config, problems: entry.problems };
    } catch (e) {
      // Unexpected (e.g. a path the OS rejects): report, go on with the defaults.
      const msg = e instanceof Error ? e.message : String(e);
      return { config: this.defaults(), problems: [problem(filePath, `无法确定配置：${msg}`, `cannot determine the configuration: ${msg}`)] };
    }
  }

  /**
   * Forgets what depends on `changed` (a config file, a units file, or a folder); with no argument,
   * forgets everything. A config file appearing or disappearing changes which one is nearest, so any
   * path named like a config file also drops the folder lookups.
   */
  invalidate(changed?: string): void {
    if (changed === undefined) {
      this.nearest.clear();
      this.loaded.clear();
      this.fallback = null;
      return;
    }
    const abs = path.resolve(changed);
    for (const [file, entry] of this.loaded) {
      if (file === abs || entry.sources.includes(abs) || isInside(abs, file)) this.loaded.delete(file);
    }
    if (CONFIG_FILE_NAMES.includes(path.basename(abs)) || !isFile(abs)) this.nearest.clear();
  }

  private defaults(): ResolvedConfig {
    return (this.fallback ??= resolveConfig(this.opts.base ?? [], this.opts.defaults ?? {}));
  }
}
