// Completion of unit names: where a unit is being typed (after `牵头单位：`, `由`, `、` in an attribution, a table cell), the Chinese run to replace, and candidates ranked by use.
import { attributionStyle } from '../lint/templates.js';
import type { Locale } from '../lint/types.js';
import { columnRole } from '../model/tables.js';
import { foldWidth, toSimplified } from '../model/text.js';
import type { PlanDocument, Span, UnitRole } from '../model/types.js';
import type { UnitCatalog, UnitUsage } from './workspace-index.js';

/** What may be typed at the cursor, and which text a completion replaces. */
export interface CompletionContext {
  /** The run being typed (the replace range): from after the trigger to the cursor. */
  span: Span;
  prefix: string;
  /** A unit name is expected here. */
  units: boolean;
  /** The role of the unit expected, when the text says (`牵头单位：` lead, `责任单位：` responsible). */
  role: UnitRole | null;
  /** Field keywords (`牵头单位：` …) may start here: after an opening bracket or a `；` inside one. */
  keywords: boolean;
  /** A whole attribution may be inserted here, replacing this span (which includes a typed opener). */
  template: Span | null;
  /** What opened the context. */
  trigger: 'field' | 'list' | 'by' | 'table' | 'opener' | 'separator' | 'sentence';
}

/** How far back on its line the context is looked for: attributions are short. */
const LOOK_BACK = 400;

const LEAD_FIELD = /(?:牵头单位|牽頭單位|牵头部门|牽頭部門)\s*$/;
const RESPONSIBLE_FIELD = /(?:责任单位|責任單位|责任部门|責任部門|配合单位|配合單位|配合部门|配合部門|协办单位|協辦單位|参与单位|參與單位|参加单位|參加單位)\s*$/;
const LEAD_VERB_END = /(?:牵头负责|牽頭負責|共同负责|共同負責|牵头|牽頭|负责|負責)\s*$/;
/** `由` that is part of a word (`自由`, `理由`), not `由X负责`. */
const BY_IN_WORD = new Set(['自', '理', '缘', '事', '经', '来', '原', '緣', '經', '來']);
/** `由于`, `由此`, `由来`: not `由X负责` either. */
const BY_BEFORE = new Set(['于', '於', '此', '来', '來', '衷']);

/** The `由` at `i` introduces a lead unit (`由市司法局负责`), rather than being part of a word. */
function isBy(text: string, i: number): boolean {
  return text[i] === '由' && !BY_IN_WORD.has(text[i - 1] ?? '') && !BY_BEFORE.has(text[i + 1] ?? '');
}
const FIELD_KEYWORD_PREFIX = ['牵头单位', '牽頭單位'];

function isNameCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd800 && c <= 0xdfff) || // surrogate halves: ideographs outside the BMP
    c === 0x3007 || // 〇
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x5f ||
    (c >= 0xff10 && c <= 0xff19) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a) ||
    c === 0xb7 ||
    c === 0x30fb
  );
}

const isOpenParen = (ch: string | undefined) => ch === '(' || ch === '（';
const isCloseParen = (ch: string | undefined) => ch === ')' || ch === '）';
const isLineBreak = (ch: string | undefined) => ch === '\n' || ch === '\r';
const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\u3000' || ch === '\u00a0';

/** Lines longer than this are not searched for a table row's cells (a plan that lost its line breaks). */
const MAX_LINE = 20_000;

/** The start of the line holding `offset`, looking back at most `limit` characters (then `offset - limit`). */
function lineStartOf(text: string, offset: number, limit = MAX_LINE): number {
  let i = offset;
  const stop = Math.max(0, offset - limit);
  while (i > stop && !isLineBreak(text[i - 1])) i--;
  return i;
}

/** The end of the line holding `offset` (before its break), looking ahead at most `limit` characters. */
function lineEndOf(text: string, offset: number, limit = MAX_LINE): number {
  let i = offset;
  const stop = Math.min(text.length, offset + limit);
  while (i < stop && !isLineBreak(text[i])) i++;
  return i;
}

/**
 * The run of name characters just before `offset`: ideographs, letters, digits, and parentheses
 * that close inside the run (`各区县(市` stops before an unmatched `(`, which is then the trigger).
 */
function runStart(text: string, offset: number, floor: number, openInName = false): number {
  let i = offset;
  let depth = 0;
  while (i > floor) {
    const ch = text[i - 1];
    if (isCloseParen(ch)) depth++;
    else if (isOpenParen(ch)) {
      if (depth > 0) depth--;
      else if (!openInName || !isNameCode(text.charCodeAt(i - 2))) break;
    } else if (!isNameCode(text.charCodeAt(i - 1))) break;
    i--;
  }
  return i;
}

function fieldRole(text: string, colon: number, floor: number): UnitRole | 'other' {
  const head = text.slice(Math.max(floor, colon - 8), colon);
  if (LEAD_FIELD.test(head)) return 'lead';
  if (RESPONSIBLE_FIELD.test(head)) return 'responsible';
  return 'other';
}

function endsWithLeadVerb(text: string, at: number, floor: number): boolean {
  const head = text.slice(Math.max(floor, at - 8), at);
  return LEAD_VERB_END.test(head) && !/分工(?:负责|負責)\s*$/.test(head);
}

/**
 * What governs a unit list that continues after the separator at `sep` (`、` `，` `,`): a field
 * (`牵头单位：A、`), `由` (`由A、`), a lead clause before a comma (`A牵头，` → responsible), an
 * attribution parenthesis (`（A、`), or a table cell. Null in prose.
 */
function listRole(text: string, sep: number, floor: number): UnitRole | 'table' | null {
  let depth = 0;
  for (let i = sep; i >= floor; i--) {
    const ch = text[i]!;
    if (ch === '，' || ch === ',') {
      if (depth === 0 && endsWithLeadVerb(text, i, floor)) return 'responsible';
      continue;
    }
    if (i === sep) continue;
    if (isCloseParen(ch)) depth++;
    else if (isOpenParen(ch)) {
      if (depth > 0) depth--;
      else return parenRole(text, i, sep);
    } else if (ch === ':' || ch === '：') {
      const role = fieldRole(text, i, floor);
      return role === 'other' ? null : role;
    } else if (ch === '由') {
      if (isBy(text, i)) return 'lead';
    } else if (ch === '|' || ch === '｜' || ch === '\t') return 'table';
    else if ('。；;！？!?[]【】'.includes(ch) || isLineBreak(ch)) return null;
  }
  return null;
}

/** Inside `（…`: units before a lead verb lead; after `X牵头，` they are responsible. */
function parenRole(text: string, open: number, sep: number): UnitRole {
  const inner = text.slice(open + 1, sep);
  return /(?:牵头|牽頭|负责|負責)\s*[，,]/.test(inner) ? 'responsible' : 'lead';
}

/** Column roles of the header of the table holding the line at `lineStart`, and the cursor's column. */
function tableRole(text: string, offset: number, plan: PlanDocument | null): UnitRole | null {
  const start = lineStartOf(text, offset);
  if (start > 0 && !isLineBreak(text[start - 1])) return null; // a line too long to be a table row
  const line = text.slice(start, lineEndOf(text, offset));
  const trimmed = line.trimStart();
  const col = offset - start;
  if (/^[|｜]/.test(trimmed)) {
    const lead = line.length - trimmed.length;
    let index = -1;
    for (let i = lead; i < col; i++) if ((line[i] === '|' || line[i] === '｜') && line[i - 1] !== '\\') index++;
    const header = tableHeader(text, start, (l) => /^\s*[|｜]/.test(l));
    if (header === null || header.start === start) return null;
    const cells = header.text.trim().replace(/^[|｜]/, '').replace(/[|｜]\s*$/, '').split(/(?<!\\)[|｜]/);
    return roleOf(cells[index]);
  }
  if (line.includes('\t')) {
    let index = 0;
    for (let i = 0; i < col; i++) if (line[i] === '\t') index++;
    const header = tableHeader(text, start, (l) => l.includes('\t'));
    if (header === null || header.start === start) return null;
    return roleOf(header.text.split('\t')[index]);
  }
  if (plan) {
    // Flattened tables (one cell per line): the parsed table says which cell the cursor is in.
    for (const table of plan.tables) {
      if (offset < table.span.start || offset > table.span.end + 1) continue;
      for (const row of table.rows) {
        for (let c = 0; c < row.cellSpans.length; c++) {
          const span = row.cellSpans[c]!;
          if (offset >= span.start && offset <= span.end) {
            const role = table.columns[c];
            if (role === 'lead' || role === 'responsible') return role;
          }
        }
      }
    }
  }
  return null;
}

function roleOf(cell: string | undefined): UnitRole | null {
  if (cell === undefined) return null;
  const role = columnRole(cell.trim());
  return role === 'lead' || role === 'responsible' ? role : null;
}

/** The first line of the run of lines (ending at `lineStart`) that `inTable` accepts: the header. */
function tableHeader(text: string, lineStart: number, inTable: (line: string) => boolean): { start: number; text: string } | null {
  let start = lineStart;
  let headerStart = -1;
  for (let n = 0; n < 5000; n++) {
    const line = text.slice(start, lineEndOf(text, start));
    if (!inTable(line)) break;
    headerStart = start;
    if (start === 0) break;
    let prev = start - 1;
    if (text[prev] === '\n' && text[prev - 1] === '\r') prev--;
    start = lineStartOf(text, prev);
  }
  if (headerStart < 0) return null;
  return { start: headerStart, text: text.slice(headerStart, lineEndOf(text, headerStart)) };
}

/** True when the `；` at `sep` lies inside an attribution bracket (`[牵头单位：A；|`). */
function insideBracket(text: string, sep: number, floor: number): boolean {
  for (let i = sep - 1; i >= floor; i--) {
    const ch = text[i]!;
    if (ch === '[' || ch === '【' || isOpenParen(ch)) return /(?:单位|單位|部门|部門)\s*[:：]/.test(text.slice(i, sep));
    if (ch === ']' || ch === '】' || ch === '。' || isLineBreak(ch)) return false;
  }
  return false;
}

function isTemplatePrefix(prefix: string): boolean {
  return FIELD_KEYWORD_PREFIX.some((k) => k.startsWith(prefix));
}

/**
 * What completion may offer at `offset` of `text`, or null when no unit, keyword or attribution can
 * be typed there (prose). `plan` (possibly of an earlier version) helps only in flattened tables.
 * Linear in the length of the cursor's line, capped at `LOOK_BACK` characters.
 */
export function findCompletionContext(text: string, offset: number, plan: PlanDocument | null = null): CompletionContext | null {
  if (!(offset >= 0 && offset <= text.length)) return null;
  const floor = lineStartOf(text, offset, LOOK_BACK);
  // `牵头单位：各区县(市|`: an unclosed parenthesis after a name character may be part of the name
  // being typed; it is only the opener of a parenthesis attribution when nothing before says so.
  const first = runStart(text, offset, floor);
  if (isOpenParen(text[first - 1]) && first - 1 > floor && isNameCode(text.charCodeAt(first - 2))) {
    const wide = contextAt(text, offset, floor, runStart(text, offset, floor, true), plan);
    if (wide && wide.trigger !== 'opener' && wide.trigger !== 'sentence') return wide;
  }
  return contextAt(text, offset, floor, first, plan);
}

function contextAt(text: string, offset: number, floor: number, start: number, plan: PlanDocument | null): CompletionContext | null {
  const prefix = text.slice(start, offset);
  let j = start;
  while (j > floor && isBlank(text[j - 1])) j--;
  const trigger = j > floor ? text[j - 1]! : '';
  const at = j - 1;
  const base = { span: { start, end: offset }, prefix, keywords: false, template: null };

  if (trigger === ':' || trigger === '：') {
    const role = fieldRole(text, at, floor);
    if (role !== 'other') return { ...base, units: true, role, trigger: 'field' };
  } else if (trigger === '、' || trigger === '，' || trigger === ',') {
    const role = listRole(text, at, floor);
    if (role === 'table') {
      const cell = tableRole(text, offset, plan);
      if (cell) return { ...base, units: true, role: cell, trigger: 'table' };
    } else if (role !== null) return { ...base, units: true, role, trigger: 'list' };
  } else if (trigger === '|' || trigger === '｜' || trigger === '\t') {
    const role = tableRole(text, offset, plan);
    if (role) return { ...base, units: true, role, trigger: 'table' };
    return null;
  } else if (trigger === '[' || trigger === '【' || isOpenParen(trigger)) {
    // After an opener: a field keyword, the whole template, and (parenthesis style `（X牵头，…）`) a unit.
    const paren = isOpenParen(trigger);
    return {
      ...base,
      units: paren,
      role: paren ? 'lead' : null,
      keywords: true,
      template: isTemplatePrefix(prefix) ? { start: at, end: offset } : null,
      trigger: 'opener',
    };
  } else if (trigger === '；' || trigger === ';') {
    if (insideBracket(text, at, floor)) return { ...base, units: false, role: null, keywords: true, trigger: 'separator' };
    return null;
  }

  // `由X`: the run itself holds `由` (it is an ideograph like the unit name after it).
  for (let i = offset - 1; i >= start; i--) {
    if (isBy(text, i)) {
      return { ...base, span: { start: i + 1, end: offset }, prefix: text.slice(i + 1, offset), units: true, role: 'lead', trigger: 'by' };
    }
  }
  const cell = tableRole(text, offset, plan);
  if (cell && plan) return { ...base, units: true, role: cell, trigger: 'table' };
  // After a finished sentence, or at the start of a field line: a whole attribution.
  if ((trigger === '。' || trigger === '' || trigger === '；' || trigger === ';') && isTemplatePrefix(prefix) && (prefix !== '' || trigger === '。')) {
    return { ...base, units: false, role: null, keywords: prefix !== '', template: { start, end: offset }, trigger: 'sentence' };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Candidates

/** Where unit candidates come from. */
export interface UnitCompletionSources {
  catalog: UnitCatalog;
  /** Usage per unit key across the workspace index (including the document being edited). */
  usage: ReadonlyMap<string, UnitUsage>;
  /** `planKey` of the document being edited. */
  docKey: string;
  /** The run being typed: a spelling in this plan that is a prefix of it is the user's own partial typing. */
  typing: string;
}

/** One unit candidate, ready for the client (the replace range is the context's span). */
export interface UnitCandidate {
  label: string;
  /** Name, aliases and generated short forms, space-separated (the client filters on these). */
  filterText: string;
  /** Most used first. */
  sortText: string;
  /** Where the unit is used. */
  detail: string;
  /** Aliases and other spellings, or null. */
  documentation: string | null;
  count: number;
  configured: boolean;
}

interface Tally {
  label: string;
  others: string[];
  count: number;
  inDoc: number;
  otherPlans: number;
  configured: boolean;
}

/**
 * Unit candidates: every configured unit, and every unit mentioned in the workspace (its most used
 * spelling), ranked by mentions. When more than `limit` exist, only those matching `prefix` are
 * returned (best first) and `incomplete` is set, so that the client asks again as the user types.
 */
export function unitCandidates(src: UnitCompletionSources, prefix: string, locale: Locale, limit = 200): { items: UnitCandidate[]; incomplete: boolean } {
  const tallies: Tally[] = [];
  const claimed = new Set<string>();
  const typing = src.typing;
  const ownTyping = (u: UnitUsage, name: string, n: number) => (typing !== '' && typing.startsWith(name) && (u.files.get(src.docKey) ?? 0) > 0 ? Math.min(1, n) : 0);

  for (const entry of src.catalog.entries) {
    let count = 0;
    let inDoc = 0;
    const files = new Set<string>();
    const spellings: string[] = [];
    for (const key of entry.keys) {
      claimed.add(key);
      const u = src.usage.get(key);
      if (!u) continue;
      let own = 0;
      for (const [name, n] of u.names) {
        own += ownTyping(u, name, n);
        if (name !== entry.name && !entry.aliases.includes(name)) spellings.push(name);
      }
      count += u.count - own;
      inDoc += (u.files.get(src.docKey) ?? 0) - own;
      for (const f of u.files.keys()) if (f !== src.docKey) files.add(f);
    }
    tallies.push({ label: entry.name, others: [...entry.aliases, ...spellings], count, inDoc, otherPlans: files.size, configured: true });
  }
  for (const u of src.usage.values()) {
    if (claimed.has(u.key)) continue;
    let label = '';
    let best = -1;
    let own = 0;
    const names: string[] = [];
    for (const [name, n] of u.names) {
      const mine = ownTyping(u, name, n);
      own += mine;
      if (n - mine <= 0) continue;
      names.push(name);
      if (n - mine > best) {
        best = n - mine;
        label = name;
      }
    }
    const count = u.count - own;
    if (count <= 0 || label === '') continue;
    let otherPlans = 0;
    for (const f of u.files.keys()) if (f !== src.docKey) otherPlans++;
    tallies.push({
      label,
      others: names.filter((n) => n !== label),
      count,
      inDoc: (u.files.get(src.docKey) ?? 0) - own,
      otherPlans,
      configured: false,
    });
  }

  let chosen = tallies;
  let incomplete = false;
  if (tallies.length > limit) {
    const p = fold(prefix);
    if (p !== '') chosen = tallies.filter((t) => [t.label, ...t.others].some((n) => fuzzyContains(fold(n), p)) || shortForms(t.label).some((n) => fuzzyContains(n, p)));
    chosen.sort((a, b) => b.count - a.count || Number(b.configured) - Number(a.configured) || (a.label < b.label ? -1 : 1));
    incomplete = chosen.length > limit || p === '';
    chosen = chosen.slice(0, limit);
  }
  return { items: chosen.map((t) => toCandidate(t, locale)), incomplete };
}

function toCandidate(t: Tally, locale: Locale): UnitCandidate {
  const words = new Set<string>([t.label, ...t.others]);
  for (const name of [t.label, ...t.others]) for (const s of shortForms(name)) words.add(s);
  const rank = String(Math.max(0, 999999 - Math.max(0, t.count))).padStart(6, '0');
  return {
    label: t.label,
    filterText: [...words].join(' '),
    sortText: `${rank}${t.configured ? '0' : '1'}${t.label}`,
    detail: usageDetail(t, locale),
    documentation: t.others.length > 0 ? (locale === 'en' ? `Also written: ${t.others.join(', ')}` : `别名或其他写法：${t.others.join('、')}`) : null,
    count: t.count,
    configured: t.configured,
  };
}

function usageDetail(t: Tally, locale: Locale): string {
  const parts: string[] = [];
  if (locale === 'en') {
    if (t.configured) parts.push('unit list');
    if (t.inDoc > 0) parts.push(`${t.inDoc}× in this plan`);
    if (t.otherPlans > 0) parts.push(`in ${t.otherPlans} other plan${t.otherPlans > 1 ? 's' : ''}`);
    return parts.length > 0 ? parts.join(' · ') : 'not used yet';
  }
  if (t.configured) parts.push('单位名单');
  if (t.inDoc > 0) parts.push(`本方案 ${t.inDoc} 处`);
  if (t.otherPlans > 0) parts.push(`其他 ${t.otherPlans} 个方案`);
  return parts.length > 0 ? parts.join(' · ') : '尚未使用';
}

function fold(s: string): string {
  return toSimplified(foldWidth(s)).replace(/\s+/g, '').toLowerCase();
}

/** `p` appears in `s` in order (gaps allowed): `发改` in `发展和改革委员会`. */
function fuzzyContains(s: string, p: string): boolean {
  let i = 0;
  for (let k = 0; k < s.length && i < p.length; k++) if (s[k] === p[i]) i++;
  return i === p.length;
}

const ADMIN_PREFIXES = ['中共', '各', '全市', '全省', '省', '市', '州', '县', '区', '旗', '委', '人民政府', '政府'];
const SUFFIXES: [string, string][] = [
  ['委员会', '委'],
  ['办公室', '办'],
  ['人民政府', '政府'],
  ['管理局', '局'],
  ['委员会办公室', '办'],
  ['局', '局'],
  ['厅', '厅'],
  ['委', '委'],
  ['办', '办'],
  ['部', '部'],
  ['院', '院'],
  ['署', '署'],
  ['中心', '中心'],
];

/**
 * Short forms a person may type for a unit: the name without its administrative prefix
 * (`市政府法制办` → `政府法制办`, `法制办`) and an abbreviation from the first character of each
 * two-character word (`市发展和改革委员会` → `发改委`, `市发改委`).
 */
export function shortForms(name: string): string[] {
  const out: string[] = [];
  let rest = name;
  for (let guard = 0; guard < 4; guard++) {
    const p = ADMIN_PREFIXES.find((x) => rest.startsWith(x) && rest.length - x.length >= 2);
    if (!p) break;
    rest = rest.slice(p.length);
    out.push(rest);
  }
  const first = out.length > 0 ? name.slice(0, name.length - out[0]!.length) : '';
  const core = out[0] ?? name;
  let suffix = '';
  let stem = core;
  for (const [full, short] of [...SUFFIXES].sort((a, b) => b[0].length - a[0].length)) {
    if (core.endsWith(full) && core.length > full.length) {
      suffix = short;
      stem = core.slice(0, -full.length);
      break;
    }
  }
  stem = stem.replace(/[和与及暨、]/g, '');
  if (stem.length >= 4 && /^[\u4e00-\u9fff]+$/.test(stem)) {
    let abbr = '';
    for (let i = 0; i < stem.length; i += 2) abbr += stem[i];
    abbr += suffix;
    out.push(abbr);
    if (first !== '') out.push(first + abbr);
  }
  return [...new Set(out)].filter((s) => s !== name && s.length >= 2);
}

// ---------------------------------------------------------------------------------------------
// Keywords and the attribution template

/** Field keywords offered after an opening bracket, in the plan's punctuation. */
export function keywordItems(plan: PlanDocument | null): { label: string; insert: string; role: 'lead' | 'responsible' | 'deadline' }[] {
  const colon = plan ? attributionStyle(plan).colon : '：';
  return [
    { label: '牵头单位', insert: `牵头单位${colon}`, role: 'lead' },
    { label: '责任单位', insert: `责任单位${colon}`, role: 'responsible' },
    { label: '配合单位', insert: `配合单位${colon}`, role: 'responsible' },
    { label: '完成时限', insert: `完成时限${colon}`, role: 'deadline' },
  ];
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

/**
 * A whole attribution in the plan's own style (`[牵头单位:;责任单位:;完成时限:]` or full width):
 * as a snippet with a tab stop per field, and as plain text for clients without snippets.
 */
export function attributionSnippet(plan: PlanDocument | null): { snippet: string; text: string } {
  const s = plan ? attributionStyle(plan) : { open: '【', close: '】', colon: '：', separator: '；' };
  const e = escapeSnippet;
  const snippet = `${e(s.open)}牵头单位${e(s.colon)}\${1}${e(s.separator)}责任单位${e(s.colon)}\${2}${e(s.separator)}完成时限${e(s.colon)}\${3}${e(s.close)}\$0`;
  const text = `${s.open}牵头单位${s.colon}${s.separator}责任单位${s.colon}${s.separator}完成时限${s.colon}${s.close}`;
  return { snippet, text };
}
