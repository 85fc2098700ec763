// Completion of unit names: where a unit is being typed (after `牵头单位：`, `由`, `、` in an attribution, a table cell), the Chinese run to replace, and candidates ranked by use.
// Over 400 lines: where a unit is being typed (every attribution style, a table cell) and how candidates rank are one
// decision, with the pinyin initials loaded apart.
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
  /** Usage per unit key across the workspace index (the document being edited is counted from `plan`). */
  usage: ReadonlyMap<string, UnitUsage>;
  /** `planKey` of the document being edited: its entry in `usage` is left out. */
  docKey: string;
  /** The run being typed: never offered itself, nor counted as a mention. */
  typing: string;
  /** The document being edited (possibly of the previous version): its units come first, by how often they lead. */
  plan?: PlanDocument | null;
  /** Where the typed run is (offsets of the current text): a mention there is the user's own typing. */
  typingSpan?: Span;
  /** The rest of the attribution being written (`attributionAround`): units already in it are not offered. */
  around?: string;
}

/** Where a candidate comes from, best first. */
export type UnitOrigin = 'document' | 'list' | 'workspace';

/** One unit candidate, ready for the client (the replace range is the context's span). */
export interface UnitCandidate {
  label: string;
  /** Name, aliases, generated short forms and their pinyin initials, space-separated (the client filters on these). */
  filterText: string;
  /** This document's units first (most often leading, then most mentioned), then the unit list, then other plans. */
  sortText: string;
  /** Where the unit comes from: 本文 / 单位名单 / 其他方案, with counts. */
  detail: string;
  /** Aliases and other spellings, or null. */
  documentation: string | null;
  origin: UnitOrigin;
  /** Mentions in this document and other plans. */
  count: number;
  /** Times it leads a task of this document. */
  leads: number;
  configured: boolean;
}

interface Tally {
  label: string;
  others: string[];
  keys: string[];
  docLead: number;
  docCount: number;
  otherCount: number;
  otherPlans: number;
  configured: boolean;
}

interface DocUnit {
  lead: number;
  count: number;
  names: Map<string, number>;
}

/** This document's units by key, without the mention being typed. */
function documentUnits(src: UnitCompletionSources): Map<string, DocUnit> {
  const out = new Map<string, DocUnit>();
  const plan = src.plan;
  if (!plan) return out;
  const typing = src.typingSpan;
  const typed = fold(src.typing);
  for (const u of plan.units) {
    if (typing && u.span.start <= typing.end && typing.start <= u.span.end) continue;
    if (typed !== '' && fold(u.name) === typed) continue;
    let e = out.get(u.key);
    if (!e) out.set(u.key, (e = { lead: 0, count: 0, names: new Map() }));
    e.count++;
    if (u.role === 'lead') e.lead++;
    e.names.set(u.name, (e.names.get(u.name) ?? 0) + 1);
  }
  return out;
}

/** Mentions in other plans and how many plans. */
function elsewhere(u: UnitUsage | undefined, docKey: string): { count: number; plans: number; names: string[] } {
  if (!u) return { count: 0, plans: 0, names: [] };
  let plans = 0;
  for (const f of u.files.keys()) if (f !== docKey) plans++;
  const count = u.count - (u.files.get(docKey) ?? 0);
  return { count: plans > 0 ? count : 0, plans, names: plans > 0 ? [...u.names.keys()] : [] };
}

function mostUsed(names: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [name, c] of names) if (c > n) [best, n] = [name, c];
  return best;
}

/**
 * Unit candidates: this document's units first (most often leading, then most mentioned), then the
 * configured unit list, then units of other plans in the workspace (most mentioned first). A unit already
 * in the attribution being written and the half-typed run itself are never offered. When more than
 * `limit` exist, only those matching `prefix` (characters in order, or pinyin initials: `sfj` → 市司法局)
 * are returned, best first, and `incomplete` is set so that the client asks again as the user types.
 */
export function unitCandidates(src: UnitCompletionSources, prefix: string, locale: Locale, limit = 200): { items: UnitCandidate[]; incomplete: boolean } {
  const doc = documentUnits(src);
  const tallies: Tally[] = [];
  const claimed = new Set<string>();

  for (const entry of src.catalog.entries) {
    const t: Tally = { label: entry.name, others: [...entry.aliases], keys: entry.keys, docLead: 0, docCount: 0, otherCount: 0, otherPlans: 0, configured: true };
    for (const key of entry.keys) {
      claimed.add(key);
      const d = doc.get(key);
      if (d) {
        t.docLead += d.lead;
        t.docCount += d.count;
        for (const name of d.names.keys()) if (name !== entry.name && !t.others.includes(name)) t.others.push(name);
      }
      const o = elsewhere(src.usage.get(key), src.docKey);
      t.otherCount += o.count;
      t.otherPlans = Math.max(t.otherPlans, o.plans);
      for (const name of o.names) if (name !== entry.name && !t.others.includes(name)) t.others.push(name);
    }
    tallies.push(t);
  }
  for (const [key, d] of doc) {
    if (claimed.has(key)) continue;
    claimed.add(key);
    const label = mostUsed(d.names);
    const o = elsewhere(src.usage.get(key), src.docKey);
    const others = [...new Set([...d.names.keys(), ...o.names])].filter((n) => n !== label);
    tallies.push({ label, others, keys: [key], docLead: d.lead, docCount: d.count, otherCount: o.count, otherPlans: o.plans, configured: false });
  }
  for (const u of src.usage.values()) {
    if (claimed.has(u.key)) continue;
    const o = elsewhere(u, src.docKey);
    if (o.count <= 0) continue;
    const names = new Map<string, number>(u.names);
    const label = mostUsed(names);
    tallies.push({ label, others: o.names.filter((n) => n !== label), keys: [u.key], docLead: 0, docCount: 0, otherCount: o.count, otherPlans: o.plans, configured: false });
  }

  const typed = fold(src.typing);
  const around = src.around ? fold(src.around) : '';
  const inAttribution = (t: Tally) => around !== '' && [t.label, ...t.others].some((n) => n.length >= 2 && around.includes(fold(n)));
  let chosen = tallies.filter((t) => !(typed !== '' && fold(t.label) === typed) && !inAttribution(t));
  chosen.sort(byRank);
  let incomplete = false;
  if (chosen.length > limit) {
    const p = fold(prefix);
    if (p !== '') chosen = chosen.filter((t) => matches(t, p));
    incomplete = chosen.length > limit || p === '';
    chosen = chosen.slice(0, limit);
  }
  return { items: chosen.map((t) => toCandidate(t, locale)), incomplete };
}

function originOf(t: Tally): UnitOrigin {
  return t.docCount > 0 ? 'document' : t.configured ? 'list' : 'workspace';
}

const TIER: Record<UnitOrigin, number> = { document: 0, list: 1, workspace: 2 };

function byRank(a: Tally, b: Tally): number {
  return (
    TIER[originOf(a)] - TIER[originOf(b)] ||
    b.docLead - a.docLead ||
    b.docCount - a.docCount ||
    b.otherCount - a.otherCount ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
  );
}

/** The typed run `p` (folded) fits the unit: its characters in order in a name or short form, or a prefix of their pinyin initials. */
function matches(t: Tally, p: string): boolean {
  const names = [t.label, ...t.others];
  if (names.some((n) => fuzzyContains(fold(n), p))) return true;
  const forms = shortForms(t.label);
  if (forms.some((n) => fuzzyContains(n, p))) return true;
  if (!/^[a-z]+$/.test(p)) return false;
  return [...names, ...forms].some((n) => fuzzyContains(initials(n), p));
}

const pad = (n: number) => String(Math.max(0, 999999 - Math.max(0, n))).padStart(6, '0');

function toCandidate(t: Tally, locale: Locale): UnitCandidate {
  const words = new Set<string>([t.label, ...t.others]);
  for (const name of [t.label, ...t.others]) for (const s of shortForms(name)) words.add(s);
  for (const w of [...words]) {
    const i = initials(w);
    if (i.length >= 2) words.add(i);
  }
  const origin = originOf(t);
  const [first, second] = origin === 'document' ? [t.docLead, t.docCount] : [t.otherCount, 0];
  return {
    label: t.label,
    filterText: [...words].join(' '),
    sortText: `${TIER[origin]}${pad(first)}${pad(second)}${t.label}`,
    detail: usageDetail(t, locale),
    documentation: t.others.length > 0 ? (locale === 'en' ? `Also written: ${t.others.join(', ')}` : `别名或其他写法：${t.others.join('、')}`) : null,
    origin,
    count: t.docCount + t.otherCount,
    leads: t.docLead,
    configured: t.configured,
  };
}

/** `本文 · 牵头 3 次 · 5 处 · 单位名单 · 其他 2 个方案`: where the unit comes from, its origin first. */
function usageDetail(t: Tally, locale: Locale): string {
  const parts: string[] = [];
  const en = locale === 'en';
  if (t.docCount > 0) {
    if (en) parts.push(`this plan${t.docLead > 0 ? `, leads ${t.docLead}×` : ''}, ${t.docCount} mention${t.docCount > 1 ? 's' : ''}`);
    else parts.push(`本文${t.docLead > 0 ? ` 牵头 ${t.docLead} 次，` : ' '}共 ${t.docCount} 处`);
  }
  if (t.configured) parts.push(en ? 'unit list' : '单位名单');
  if (t.otherPlans > 0) parts.push(en ? `${t.otherPlans} other plan${t.otherPlans > 1 ? 's' : ''}` : `其他方案 ${t.otherPlans} 个`);
  return parts.join(' · ');
}

type PinyinFn = (typeof import('pinyin-pro'))['pinyin'];
let pinyinFn: PinyinFn | null = null;
let pinyinLoading: Promise<boolean> | null = null;

/**
 * Loads the pinyin dictionary (pinyin-pro, about 1 MB of code: a chunk of its own, so that the server starts
 * without compiling it). The server starts it once initialised; until it is in, candidates carry no initials.
 */
export function loadPinyin(): Promise<boolean> {
  pinyinLoading ??= import('pinyin-pro').then(
    (m) => {
      pinyinFn = m.pinyin;
      return true;
    },
    () => false,
  );
  return pinyinLoading;
}

/** Pinyin initials of the Chinese characters of a name (`市司法局` → `ssfj`); other characters are dropped. Memoised. */
const initialsMemo = new Map<string, string>();
const MAX_MEMO = 20_000;
export function initials(name: string): string {
  let out = initialsMemo.get(name);
  if (out !== undefined) return out;
  if (!pinyinFn) {
    void loadPinyin();
    return '';
  }
  out = '';
  try {
    const letters = pinyinFn(toSimplified(name), { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' });
    out = letters.join('').toLowerCase().replace(/[^a-z]/g, '');
  } catch {
    out = '';
  }
  if (initialsMemo.size < MAX_MEMO) initialsMemo.set(name, out);
  return out;
}

/**
 * The attribution being written around the cursor, without the run being typed: from the opening bracket
 * or parenthesis (or the line's start) to its closer (or the line's end, or a `。`). Units named there are
 * not offered again.
 */
export function attributionAround(text: string, ctx: CompletionContext): string {
  const floor = lineStartOf(text, ctx.span.start, LOOK_BACK);
  let start = ctx.span.start;
  let depth = 0;
  while (start > floor) {
    const ch = text[start - 1]!;
    if (isCloseParen(ch)) depth++;
    else if (isOpenParen(ch) || ch === '[' || ch === '【') {
      if (depth === 0) break;
      depth--;
    } else if (ch === ']' || ch === '】' || ch === '。') break;
    start--;
  }
  const ceiling = Math.min(text.length, ctx.span.end + LOOK_BACK);
  let end = ctx.span.end;
  depth = 0;
  while (end < ceiling) {
    const ch = text[end]!;
    if (isLineBreak(ch) || ch === '。' || ch === ']' || ch === '】') break;
    if (isOpenParen(ch)) depth++;
    else if (isCloseParen(ch)) {
      if (depth === 0) break;
      depth--;
    }
    end++;
  }
  return text.slice(start, ctx.span.start) + ' ' + text.slice(ctx.span.end, end);
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
