// The benchmark corpus: realistic plans of 40 KB, 1 MB and 10 MB and a folder of 1,000 small plans, recombined from the samples.
//
// Every paragraph comes from `samples/` (read at run time, never copied here): the generator cuts the
// samples into pools by style — bracket `[牵头单位:…]`, sentence `此项工作由…牵头负责`, parenthetical
// `(X牵头,…)` and `（牵头单位：…）`, traditional script, inline `一是…`, full-width, one-line — then deals
// them out under fresh, consistent numbering: `一、` chapters and `(一)` sections numbered continuously
// through the document, `1.` items from 1 under each parent (the two modes DESIGN §1.1 names, each
// level keeping its own). The attachment's task table (任务分解表) lists the same tasks in all three
// forms (Markdown pipes, tab-separated, one cell per line), as a real attachment does.
//
// Deterministic: the same seed writes the same bytes. Output goes to `bench/out/` (git-ignored).
//
//   node out/bench/corpus.js [--seed N] [--out DIR] [--sizes 40k,1m,10m] [--many 1000]
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------
// Paths and seeded randomness

/** The repository root: the nearest folder above this module whose package.json is planlint's (out/bench/ → ../..). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'planlint') return dir;
    } catch {
      // not here
    }
    dir = dirname(dir);
  }
  return process.cwd();
}

export const ROOT = repoRoot();
export const SAMPLES_DIR = join(ROOT, 'samples');
export const OUT_DIR = join(ROOT, 'bench', 'out');

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dealer {
  readonly random: () => number;
  constructor(seed: number) {
    this.random = rng(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('empty pool');
    return list[Math.floor(this.random() * list.length)]!;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  private readonly decks = new Map<readonly unknown[], { order: number[]; next: number }>();
  /** Deals from `list` like cards from a shuffled deck: every entry once before any repeats. */
  deal<T>(list: readonly T[]): T {
    let deck = this.decks.get(list);
    if (deck === undefined || deck.next >= deck.order.length) {
      const order = list.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      deck = { order, next: 0 };
      this.decks.set(list, deck);
    }
    return list[deck.order[deck.next++]!]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Numerals (independent of grammar/: the corpus must not inherit the grammar's bugs)

const CN_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 33 → 三十三, 105 → 一百零五, 999 → 九百九十九. */
export function cnNumber(n: number): string {
  if (n < 1 || n > 999) throw new RangeError(`cnNumber(${n})`);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = '';
  if (h > 0) s += CN_DIGITS[h] + '百';
  if (t > 0) s += (h === 0 && t === 1 ? '' : CN_DIGITS[t]) + '十';
  else if (h > 0 && u > 0) s += '零';
  if (u > 0) s += CN_DIGITS[u];
  return s;
}

const FULL_DIGITS = '０１２３４５６７８９';
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => FULL_DIGITS[Number(d)]!);
const halfWidth = (s: string) => s.replace(/[０-９]/g, (d) => String(FULL_DIGITS.indexOf(d)));
const CIRCLED = (n: number) => String.fromCharCode(0x2460 + ((n - 1) % 20));

/** The highest number a marker can carry (three digits, or a Chinese numeral up to 九百九十九). */
export const MAX_NUMBER = 999;

// ---------------------------------------------------------------------------------------------
// Pools cut from the samples

/** A task paragraph without its marker, and the facts a task table lists for it. */
export interface TaskText {
  text: string;
  title: string;
  lead: string;
  responsible: string;
  deadline: string;
}

/** The body styles a chapter can be written in. */
export const STYLES = ['bracket', 'sentence', 'paren', 'traditional', 'inline', 'fullwidth', 'markdown', 'oneline'] as const;
export type Style = (typeof STYLES)[number];

/** The task-table forms of DESIGN §1.2. */
export const TABLE_FORMS = ['markdown', 'tsv', 'flat'] as const;
export type TableForm = (typeof TABLE_FORMS)[number];

export interface Pools {
  /** Chapter titles that assign work (simplified / traditional script). */
  chapters: string[];
  chaptersTraditional: string[];
  /** Section headings without attribution (`(一)完善行政决策机制,推进政府职能转变`). */
  sectionHeadings: string[];
  sectionHeadingsFull: string[];
  /** A heading whose attribution its items inherit, and items without attribution. */
  inheritingHeadings: string[];
  bareItems: string[];
  /** Sub-item and circled item texts (with their own brackets). */
  subItems: string[];
  tasks: Record<Style, TaskText[]>;
  /** Unnumbered prose: preambles, closing paragraphs, non-task section paragraphs. */
  prose: string[];
  /** An unnumbered paragraph that carries an attribution (a PL003 finding, seen in real drafts). */
  strayAttribution: string[];
  /** Non-task section titles (总体要求 …) and their numbered, non-task items. */
  nonTaskChapters: string[];
  goals: string[];
  /** Plan-name stems (`法治政府建设实施方案`) and cities. */
  planNames: string[];
  cities: string[];
  /** Header cells of the task table, and its attachment title stem. */
  tableHeader: string[];
}

const CN = '[一二三四五六七八九十百零〇]+';
const CHAPTER_RE = new RegExp(`^[\\s\\u3000]*(?:#+\\s*)?(${CN})、(.*)$`);
const SECTION_RE = new RegExp(`^[\\s\\u3000]*[(（](${CN})[)）](.*)$`);
const ITEM_RE = /^[\s\u3000]*([0-9０-９]{1,3})[.．、](.*)$/;
const SUBITEM_RE = /^[\s\u3000]*(?:[(（][0-9０-９]{1,3}[)）]|[\u2460-\u2473])(.*)$/;
const NON_TASK = /指导思想|总体要求|總體要求|基本原则|工作目标|主要目标|总体目标|保障措施|组织保障|組織保障|工作要求|工作重点|主要内容|重点任务|工作安排/;
const HAS_ATTRIBUTION = /牵头|牽頭|责任单位|責任單位|负责|負責/;

function readSample(name: string): string[] {
  return readFileSync(join(SAMPLES_DIR, name), 'utf8').split('\n');
}

/** The facts a task table would list for a task paragraph (a rough reading: the table mirrors the body). */
export function taskFacts(text: string): TaskText {
  const sentence = text.search(/[。；;]/);
  const title = (sentence > 0 ? text.slice(0, sentence) : text).replace(/[(（\[［【].*$/, '').trim();
  // A field's value runs to `;` or the closing bracket; parentheses inside it (`各区县(市)`) are kept whole.
  const field = (names: string) =>
    new RegExp(`(?:${names})[:：]((?:[^;；\\]］】()（）]|[(（][^()（）]*[)）])*)`).exec(text)?.[1]?.trim() ?? '';
  let lead = field('牵头单位|牽頭單位');
  if (lead === '') lead = /由([^,，。；;]{2,40}?)(?:共同负责|牵头负责|牽頭負責|牵头|牽頭|负责|負責)/.exec(text)?.[1] ?? '';
  if (lead === '') lead = /[(（]([^()（）,，]{2,40}?)(?:牵头|牽頭)/.exec(text)?.[1] ?? '';
  let responsible = field('责任单位|責任單位|配合单位|配合單位');
  if (responsible === '') responsible = /[,，]([^,，。()（）]{2,60}?)(?:按职责分工负责|参加|參加)/.exec(text)?.[1] ?? '';
  let deadline = field('完成时限|完成時限');
  if (deadline === '') {
    deadline = /\d{4}年\d{1,2}月底前|\d{4}年底前|\d{4}年第.季度|\d{4}年上半年|于\d{1,2}月底前|年内|持续推进|持續推進|长期坚持|長期堅持/.exec(text)?.[0] ?? '';
  }
  return { text, title, lead: lead.replace(/\s+/g, ''), responsible: responsible.replace(/\s+/g, ''), deadline };
}

/** Cuts the samples into pools. Throws when a sample the generator relies on lost its shape. */
export function loadPools(): Pools {
  const available = new Set(readdirSync(SAMPLES_DIR));
  const need = ['bracket-style.plan', 'sentence-style.plan.txt', 'paren-style.plan.txt', 'traditional.plan.txt', 'inline.plan.txt', 'full-width.plan.txt', 'clean.plan.md', 'one-line.plan.txt'];
  for (const n of need) if (!available.has(n)) throw new Error(`bench/corpus: samples/${n} is missing`);

  const pools: Pools = {
    chapters: [],
    chaptersTraditional: [],
    sectionHeadings: [],
    sectionHeadingsFull: [],
    inheritingHeadings: [],
    bareItems: [],
    subItems: [],
    tasks: { bracket: [], sentence: [], paren: [], traditional: [], inline: [], fullwidth: [], markdown: [], oneline: [] },
    prose: [],
    strayAttribution: [],
    nonTaskChapters: [],
    goals: [],
    planNames: ['法治政府建设实施方案', '法治政府建设工作方案', '依法行政工作要点', '法治政府建设工作要点', '推进依法行政工作安排', '优化法治化营商环境工作方案'],
    cities: ['青岚市', '云溪市', '临澜市', '白川市', '望海市', '岚溪市', '枫林市', '北汀市', '江宁市', '青石县'],
    tableHeader: ['序号', '重点工作任务', '牵头单位', '责任单位', '完成时限'],
  };
  const addTask = (style: Style, body: string) => pools.tasks[style].push(taskFacts(body.trim()));

  const chapterLine = (line: string, traditional = false) => {
    const m = CHAPTER_RE.exec(line);
    if (!m) return false;
    const title = m[2]!.trim();
    if (NON_TASK.test(title)) pools.nonTaskChapters.push(title);
    else (traditional ? pools.chaptersTraditional : pools.chapters).push(title);
    return true;
  };
  const proseLine = (line: string) => {
    const l = line.replace(/^[\s\u3000]+/, '');
    if (l.length >= 30 && /。$/.test(l) && !/印发|印發|现将|現將/.test(l) && !SECTION_RE.test(l) && !ITEM_RE.test(l)) {
      (HAS_ATTRIBUTION.test(l) && /此项工作|牵头负责/.test(l) ? pools.strayAttribution : pools.prose).push(l);
    }
  };

  // Bracket style: `N.` tasks with `[牵头单位:…;责任单位:…;完成时限:…]`; `1.指导思想。` items are goals.
  for (const line of readSample('bracket-style.plan')) {
    if (chapterLine(line)) continue;
    const item = ITEM_RE.exec(line);
    if (item) (/[[［]/.test(item[2]!) ? addTask('bracket', item[2]!) : pools.goals.push(item[2]!.trim()));
    else proseLine(line);
  }
  // Sentence style: `(一)` headings, `1、` tasks with `此项工作由X牵头负责,Y参加。`.
  for (const line of readSample('sentence-style.plan.txt')) {
    if (chapterLine(line)) continue;
    const section = SECTION_RE.exec(line);
    if (section) {
      pools.sectionHeadings.push(section[2]!.trim());
      continue;
    }
    const item = ITEM_RE.exec(line);
    if (item) (HAS_ATTRIBUTION.test(item[2]!) ? addTask('sentence', item[2]!) : pools.bareItems.push(item[2]!.trim()));
    else proseLine(line);
  }
  // Parenthetical style: `(一)` tasks ending in `(X牵头,…)` or `（牵头单位：…）`; a heading whose items inherit.
  for (const line of readSample('paren-style.plan.txt')) {
    if (chapterLine(line)) continue;
    const section = SECTION_RE.exec(line);
    if (section) {
      const body = section[2]!.trim();
      if (!/。/.test(body) && HAS_ATTRIBUTION.test(body)) pools.inheritingHeadings.push(body);
      else if (HAS_ATTRIBUTION.test(body)) addTask('paren', body);
      continue;
    }
    const item = ITEM_RE.exec(line);
    if (item) pools.bareItems.push(item[2]!.trim());
    else proseLine(line);
  }
  // Traditional script: `(一)` tasks with `[牽頭單位:…]` or `此項工作由X牽頭負責`, pinyin noise kept.
  for (const line of readSample('traditional.plan.txt')) {
    if (chapterLine(line, true)) continue;
    const section = SECTION_RE.exec(line);
    if (section) addTask('traditional', section[2]!);
    else proseLine(line);
  }
  // Inline: `(一)` paragraphs of `一是…二是…` / `第一,…`; `(1)` `（1）` `①` sub-items; `1.` headings.
  for (const line of readSample('inline.plan.txt')) {
    if (chapterLine(line)) continue;
    const section = SECTION_RE.exec(line);
    if (section) {
      const body = section[2]!.trim();
      if (/一是|第一/.test(body)) addTask('inline', body);
      else pools.sectionHeadings.push(body);
      continue;
    }
    const sub = SUBITEM_RE.exec(line);
    if (sub) {
      pools.subItems.push(sub[1]!.trim());
      continue;
    }
    const item = ITEM_RE.exec(line);
    if (item && HAS_ATTRIBUTION.test(item[2]!)) addTask('bracket', item[2]!);
    else if (item) pools.bareItems.push(item[2]!.trim());
    else proseLine(line);
  }
  // Full width: `（一）` headings, `１．` tasks with `（牵头单位：…；…）`, lines indented with `\u3000\u3000`.
  for (const line of readSample('full-width.plan.txt')) {
    if (chapterLine(line)) continue;
    const section = SECTION_RE.exec(line);
    if (section) {
      if (!/。/.test(section[2]!)) pools.sectionHeadingsFull.push(section[2]!.trim());
      continue;
    }
    const item = ITEM_RE.exec(line);
    if (item) addTask('fullwidth', item[2]!);
    else proseLine(line);
  }
  // Markdown: `（一）` tasks with full-width-colon brackets `[牵头单位：…]`.
  for (const line of readSample('clean.plan.md')) {
    if (chapterLine(line)) continue;
    const section = SECTION_RE.exec(line);
    if (section && /[[［]/.test(section[2]!)) addTask('markdown', section[2]!);
    else if (section) pools.goals.push(section[2]!.trim());
    else proseLine(line);
  }
  // One line: the sample has no line break; its pieces follow `。 ` (a full stop and a space).
  const oneLine = readFileSync(join(SAMPLES_DIR, 'one-line.plan.txt'), 'utf8');
  for (const piece of oneLine.split(new RegExp(`\\s+(?=${CN}、|[(（]${CN}[)）]|[0-9]{1,3}、)`))) {
    const item = ITEM_RE.exec(piece);
    if (item && HAS_ATTRIBUTION.test(item[2]!)) addTask('oneline', item[2]!);
  }
  pools.prose = [...new Set(pools.prose)];
  pools.chapters = [...new Set(pools.chapters)];
  pools.nonTaskChapters = [...new Set(pools.nonTaskChapters)];
  for (const style of STYLES) if (pools.tasks[style].length === 0) throw new Error(`bench/corpus: no ${style} tasks found in samples/`);
  for (const key of ['chapters', 'chaptersTraditional', 'sectionHeadings', 'sectionHeadingsFull', 'inheritingHeadings', 'bareItems', 'subItems', 'prose', 'nonTaskChapters'] as const) {
    if (pools[key].length === 0) throw new Error(`bench/corpus: pool ${key} is empty; did a sample change shape?`);
  }
  return pools;
}

// ---------------------------------------------------------------------------------------------
// Writing a plan

/** What to write. */
export interface PlanSpec {
  /** Stop once the text reaches this many UTF-8 bytes (the last chapter and the table are completed). */
  targetBytes: number;
  seed: number;
  /** Body styles to deal chapters from, in rotation (default: every style). */
  styles?: readonly Style[];
  /** Task-table forms in the attachment (default: all three; empty: no attachment). */
  tables?: readonly TableForm[];
  /** Write the whole document on one line (seed 004's damage). */
  wholeOneLine?: boolean;
  /** Prepend a covering notice (印发…的通知). */
  notice?: boolean;
}

/** A task written into the body, remembered for the attachment's table. */
interface Written {
  facts: TaskText;
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** Fields of work: prefixed to task titles so that a large plan does not repeat one task word for word. */
const DOMAINS = [
  '交通运输', '生态环境', '市场监管', '城市管理', '文化旅游', '卫生健康', '应急管理', '自然资源', '农业农村', '住房城乡建设',
  '教育', '民政', '人力资源社会保障', '税务', '金融', '商务', '水利', '林业', '科技', '统计', '公安', '司法行政', '医疗保障',
  '退役军人事务', '体育', '审计', '国有资产', '乡村振兴', '数据资源', '政务服务',
];

/** Moves every year in `text` into the plan period, keeping the distances between years. Full-width digits stay full-width. */
function shiftYears(original: string, period: { start: number; end: number }, d: Dealer): string {
  const wide = /[０-９]{4}/.test(original);
  const text = wide ? halfWidth(original) : original;
  const shifted = shiftHalfWidthYears(text, period, d);
  return wide ? fullWidth(shifted) : shifted;
}

function shiftHalfWidthYears(text: string, period: { start: number; end: number }, d: Dealer): string {
  const years = [...text.matchAll(/20\d\d(?=[年—\-–])/g)].map((m) => Number(m[0]));
  if (years.length === 0) return text;
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const room = Math.max(0, period.end - period.start - (hi - lo));
  const delta = period.start + d.int(0, room) - lo;
  return text.replace(/20\d\d(?=[年—\-–])/g, (y) => String(Number(y) + delta));
}

/** Builds one plan from the pools. Deterministic in `spec.seed`. */
export function generatePlan(pools: Pools, spec: PlanSpec): string {
  const d = new Dealer(spec.seed);
  const styles = spec.styles ?? STYLES;
  const tables = spec.tables ?? TABLE_FORMS;
  const startYear = d.int(2017, 2022);
  // An annual plan (`2021年…工作要点`) or a five-year one (`…实施方案(2021—2025年)`).
  const period = { start: startYear, end: d.chance(0.5) ? startYear : startYear + 4 };
  const city = d.deal(pools.cities);
  const name = d.deal(pools.planNames);
  const title = period.end > period.start ? `${city}${name}(${period.start}—${period.end}年)` : `${city}${period.start}年${name}`;
  const md = styles.length === 1 && styles[0] === 'markdown';
  const eol = '\n';

  const out: string[] = []; // lines (paragraphs); blank lines between them
  let bytes = 0;
  const para = (line: string) => {
    out.push(line);
    bytes += utf8(line) + 2;
  };
  const written: Written[] = [];
  let tableBytes = 0;
  const task = (style: Style): TaskText => {
    const facts = d.deal(pools.tasks[style]);
    const domain = `${d.deal(DOMAINS)}领域`;
    const text = domain + shiftYears(facts.text, period, d);
    const shifted = { ...taskFacts(text), title: domain + facts.title };
    written.push({ facts: shifted });
    tableBytes += utf8(shifted.title) + utf8(shifted.lead) + utf8(shifted.responsible) + utf8(shifted.deadline) + 24;
    return shifted;
  };

  if (spec.notice ?? true) {
    para(`${city}人民政府办公室关于印发《${title.replace(/\(.*\)$/, '')}》的通知`);
    para('各区县(市)人民政府,市政府各部门,各直属机构:');
    para(`经市政府同意,现将《${title}》印发给你们,请认真组织实施。`);
    para(`${city}人民政府办公室`);
    para(`${period.start}年3月${d.int(1, 28)}日`);
  }
  para(md ? `# ${title}` : title);
  para(d.deal(pools.prose));

  // Numbering: chapters and sections run on through the document; items restart under each parent.
  let chapter = 0;
  let section = 0;
  let volume = 1;
  const nextChapter = (): number => {
    if (chapter >= MAX_NUMBER || section >= MAX_NUMBER - 40) {
      // A marker cannot count past 999: a very large file goes on as the next plan of a compilation (汇编).
      volume++;
      chapter = 0;
      section = 0;
      para(`${city}${name}(之${cnNumber(volume)})`);
      para(d.deal(pools.prose));
    }
    return ++chapter;
  };

  // 一、总体要求 with goals: numbered, but not tasks.
  para(`${cnNumber(nextChapter())}、${d.deal(pools.nonTaskChapters.filter((t) => /总体要求|指导思想|工作目标/.test(t)).concat(['总体要求']))}`);
  para(d.deal(pools.prose));
  for (let i = 1; i <= d.int(2, 3); i++) para(`${i}.${d.deal(pools.goals)}`);

  const tableShare = tables.length > 0 ? 1 : 0;
  let styleIndex = d.int(0, styles.length - 1);
  while (bytes + tableShare * tableBytes < spec.targetBytes) {
    const style = styles[styleIndex++ % styles.length]!;
    const heading = style === 'traditional' ? d.deal(pools.chaptersTraditional) : d.deal(pools.chapters);
    const n = nextChapter();
    const chapterMarker = `${cnNumber(n)}、`;
    const indent = style === 'fullwidth' ? '\u3000\u3000' : style === 'traditional' ? '  ' : '';
    switch (style) {
      case 'bracket': {
        // `N.` items straight under the chapter, each with its bracket (bracket-style.plan).
        para(`${chapterMarker}${heading}`);
        const count = d.int(3, 8);
        for (let i = 1; i <= count; i++) para(`${i}${d.chance(0.02) ? '、' : '.'}${task('bracket').text}`);
        break;
      }
      case 'sentence': {
        // `(N)` headings, `1、` tasks with `此项工作由X牵头负责` (sentence-style); now and then a stray attribution (PL003).
        para(`${chapterMarker}${heading}`);
        for (let s = d.int(1, 3); s > 0; s--) {
          para(`(${cnNumber(++section)})${d.deal(pools.sectionHeadings)}`);
          const count = d.int(2, 6);
          for (let i = 1; i <= count; i++) para(`${i}、${task('sentence').text}`);
          if (d.chance(0.1)) para(d.deal(pools.strayAttribution.length > 0 ? pools.strayAttribution : pools.prose));
        }
        break;
      }
      case 'paren': {
        // `(N)` tasks with parenthetical attributions; sometimes a heading whose `1.` `2.` inherit it.
        para(`${chapterMarker}${heading}`);
        for (let s = d.int(2, 5); s > 0; s--) {
          if (d.chance(0.2)) {
            para(`(${cnNumber(++section)})${d.deal(pools.inheritingHeadings)}`);
            for (let i = 1, c = d.int(2, 4); i <= c; i++) para(`${i}.${shiftYears(d.deal(pools.bareItems), period, d)}`);
          } else {
            const full = d.chance(0.3);
            para(`${full ? '（' : '('}${cnNumber(++section)}${full ? '）' : ')'}${task('paren').text}`);
          }
        }
        break;
      }
      case 'traditional': {
        para(`${indent}${chapterMarker}${heading}`);
        for (let s = d.int(2, 5); s > 0; s--) para(`${indent}(${cnNumber(++section)})${task('traditional').text}`);
        break;
      }
      case 'inline': {
        // `(N)` paragraphs of `一是…二是…`, then a heading with `1.` → `(1)` / `①` sub-items.
        para(`${chapterMarker}${heading}`);
        for (let s = d.int(1, 3); s > 0; s--) para(`(${cnNumber(++section)})${task('inline').text}`);
        para(`(${cnNumber(++section)})${d.deal(pools.sectionHeadings)}`);
        para(`1.${d.deal(pools.bareItems).replace(/。.*$/, '。')}`);
        const circled = d.chance(0.5);
        for (let i = 1, c = d.int(2, 4); i <= c; i++) {
          const sub = `${d.deal(DOMAINS)}领域${shiftYears(d.deal(pools.subItems), period, d)}`;
          const facts = taskFacts(sub);
          written.push({ facts });
          tableBytes += utf8(facts.title) + utf8(facts.lead) + utf8(facts.responsible) + utf8(facts.deadline) + 24;
          para(`${circled ? CIRCLED(i) : `(${i})`}${sub}`);
        }
        break;
      }
      case 'fullwidth': {
        // `（N）` headings and `１．` tasks, indented with two ideographic spaces.
        para(`${indent}${chapterMarker}${heading}`);
        for (let s = d.int(1, 3); s > 0; s--) {
          para(`${indent}（${cnNumber(++section)}）${d.deal(pools.sectionHeadingsFull)}`);
          for (let i = 1, c = d.int(2, 4); i <= c; i++) para(`${indent}${fullWidth(String(i))}．${task('fullwidth').text}`);
        }
        break;
      }
      case 'markdown': {
        // `（N）` tasks with `[牵头单位：…]` (clean.plan.md).
        para(`${chapterMarker}${heading}`);
        for (let s = d.int(2, 4); s > 0; s--) para(`（${cnNumber(++section)}）${task('markdown').text}`);
        break;
      }
      case 'oneline': {
        // The chapter lost its line breaks: pieces follow `。 ` on one line (one-line.plan.txt).
        const pieces = [`${chapterMarker}${heading}`, d.deal(pools.prose)];
        for (let s = d.int(1, 2); s > 0; s--) {
          pieces.push(`(${cnNumber(++section)})${d.deal(pools.sectionHeadings).replace(/[,，].*$/, '')}`);
          for (let i = 1, c = d.int(2, 4); i <= c; i++) pieces.push(`${i}、${task('oneline').text}`);
        }
        para(pieces.join(' '));
        break;
      }
    }
  }

  // Closing: 保障措施 (non-task), a closing sentence.
  para(`${cnNumber(nextChapter())}、${d.deal(pools.nonTaskChapters.filter((t) => /保障|要求/.test(t)).concat(['组织保障']))}`);
  para(d.deal(pools.prose));

  // The attachment: the same tasks as a task table, split over the requested forms.
  if (tables.length > 0 && written.length > 0) {
    const per = Math.ceil(written.length / tables.length);
    tables.forEach((form, k) => {
      const rows = written.slice(k * per, (k + 1) * per);
      if (rows.length === 0) return;
      const attachment = tables.length > 1 ? `附件${k + 1}` : '附件';
      para(`${attachment}:${title.replace(/\(.*\)$/, '')}重点任务分解表${tables.length > 1 ? `(${k + 1})` : ''}`);
      const h = pools.tableHeader;
      const cells = (r: Written, i: number) => [String(k * per + i + 1), r.facts.title, r.facts.lead, r.facts.responsible, r.facts.deadline];
      if (form === 'markdown') {
        const lines = [`| ${h.join(' | ')} |`, `| ${h.map(() => '---').join(' | ')} |`, ...rows.map((r, i) => `| ${cells(r, i).join(' | ')} |`)];
        para(lines.join(eol));
      } else if (form === 'tsv') {
        para([h.join('\t'), ...rows.map((r, i) => cells(r, i).join('\t'))].join(eol));
      } else {
        // One cell per line with blank lines between, and `\u00a0` noise lines, as a web copy leaves them.
        para(h.join(eol + eol));
        rows.forEach((r, i) => {
          // An empty cell cannot be copied as one cell per line (it would shift the row): a drafter writes something.
          const c = cells(r, i).map((x, col) => (x !== '' ? x : col === 4 ? '长期坚持' : '各有关单位'));
          if (d.chance(0.1)) c.splice(3, 0, '\u00a0');
          para(c.join(eol + eol));
        });
      }
    });
  }

  if (spec.wholeOneLine) return out.join(' ');
  return out.join(eol + eol) + eol;
}

// ---------------------------------------------------------------------------------------------
// The corpus on disk

/** Sizes of the single-plan corpus, by name. */
export const SIZES: Record<string, number> = { '40k': 40 * 1024, '1m': 1024 * 1024, '10m': 10 * 1024 * 1024 };

/** The file a size is written to. */
export const planPath = (size: string, outDir = OUT_DIR) => join(outDir, `plan-${size}.plan.txt`);
export const MANY_DIR = join(OUT_DIR, 'many');

/** What one small plan of the 1,000-file folder looks like (cycled). */
const SMALL_KINDS: { styles: Style[]; tables: TableForm[]; oneLine?: boolean; ext: string }[] = [
  { styles: ['bracket'], tables: [], ext: '.plan' },
  { styles: ['sentence'], tables: [], ext: '.plan.txt' },
  { styles: ['paren'], tables: [], ext: '.plan.txt' },
  { styles: ['traditional'], tables: [], ext: '.plan.txt' },
  { styles: ['inline'], tables: [], ext: '.plan.txt' },
  { styles: ['fullwidth'], tables: [], ext: '.plan.txt' },
  { styles: ['markdown'], tables: [], ext: '.plan.md' },
  { styles: ['sentence'], tables: [], oneLine: true, ext: '.plan.txt' },
  { styles: ['bracket'], tables: ['markdown'], ext: '.plan.md' },
  { styles: ['paren'], tables: ['tsv'], ext: '.plan.txt' },
  { styles: ['sentence'], tables: ['flat'], ext: '.plan.txt' },
  { styles: [...STYLES], tables: [], ext: '.plan.txt' },
];

export interface CorpusManifest {
  seed: number;
  plans: { name: string; path: string; bytes: number; lines: number }[];
  many: { dir: string; files: number; bytes: number } | null;
}

/** Writes the corpus; returns what it wrote. Re-running with the same seed rewrites the same bytes. */
export function writeCorpus(options: { seed?: number; outDir?: string; sizes?: string[]; many?: number } = {}): CorpusManifest {
  const seed = options.seed ?? 20240601;
  const outDir = options.outDir ?? OUT_DIR;
  const pools = loadPools();
  mkdirSync(outDir, { recursive: true });
  const manifest: CorpusManifest = { seed, plans: [], many: null };
  for (const size of options.sizes ?? Object.keys(SIZES)) {
    const target = SIZES[size] ?? parseSize(size);
    const text = generatePlan(pools, { targetBytes: target, seed: seed + target });
    const path = planPath(size, outDir);
    writeFileSync(path, text);
    manifest.plans.push({ name: size, path, bytes: utf8(text), lines: text.split('\n').length });
  }
  const many = options.many ?? 1000;
  if (many > 0) {
    const dir = join(outDir, 'many');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const d = new Dealer(seed ^ 0x5eed);
    let total = 0;
    for (let i = 0; i < many; i++) {
      const kind = SMALL_KINDS[i % SMALL_KINDS.length]!;
      const text = generatePlan(pools, {
        targetBytes: d.int(2, 12) * 1024,
        seed: seed + 7919 * (i + 1),
        styles: kind.styles,
        tables: kind.tables,
        wholeOneLine: kind.oneLine ?? false,
        notice: d.chance(0.5),
      });
      writeFileSync(join(dir, `${String(i + 1).padStart(4, '0')}-${kind.oneLine ? 'oneline' : kind.styles.length > 1 ? 'mixed' : kind.styles[0]}${kind.tables.length ? '-' + kind.tables[0] : ''}${kind.ext}`), text);
      total += utf8(text);
    }
    manifest.many = { dir, files: many, bytes: total };
  }
  writeFileSync(join(outDir, 'corpus.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** `40k` → 40960, `1m` → 1048576, `512` → 512. */
export function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(s.trim());
  if (!m) throw new Error(`bad size: ${s}`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * unit);
}

/** Reads `--name value` from argv. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(name + '='));
  return eq?.slice(name.length + 1);
}

/** True when this module is the script node was asked to run. */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(url);
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const started = Date.now();
  const manifest = writeCorpus({
    seed: Number(argValue(argv, '--seed') ?? 20240601),
    ...(argValue(argv, '--out') ? { outDir: resolve(argValue(argv, '--out')!) } : {}),
    ...(argValue(argv, '--sizes') ? { sizes: argValue(argv, '--sizes')!.split(',') } : {}),
    ...(argValue(argv, '--many') ? { many: Number(argValue(argv, '--many')) } : {}),
  });
  for (const p of manifest.plans) console.log(`${p.path}  ${(p.bytes / 1024).toFixed(0)} KB  ${p.lines} lines`);
  if (manifest.many) console.log(`${manifest.many.dir}/  ${manifest.many.files} files  ${(manifest.many.bytes / 1024).toFixed(0)} KB`);
  console.log(`corpus written in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${manifest.seed})`);
}
