// Scores planlint's task extraction against the hand-annotated corpus (../shared/corpus: NNN.txt beside NNN.json).
//
// A port of the corpus's own score.py with exactly its definitions — matching, normalisation, what counts as a
// right lead or deadline — so that both give the same four figures on any build. Where Python and JavaScript
// differ (what `\s` matches, truthiness of empty lists and objects, None == None, rounding a tie to 3 decimals),
// the Python meaning is reproduced. Besides the figures it keeps every error, by file and category.
//
// Pure: the caller supplies each file's annotation and planlint's table rows (see ./table.ts).

/** The bars score.py holds the figures to (its exit code; informational here). */
export const BARS = { taskF1: 0.97, leadAcc: 0.95, deadlineF1: 0.95, falseMissingLead: 0.01 } as const;

/** The four figures. */
export interface Figures {
  /** F1 of the scored (leaf, non-optional) tasks found. */
  taskF1: number;
  /** Share of matched tasks whose lead set is right (exact set, with score.py's conventions). */
  leadAcc: number;
  /** F1 of "this task has a deadline" over matched tasks. */
  deadlineF1: number;
  /** Share of matched tasks with an annotated lead for which planlint reports none (lower is better). */
  falseMissingLead: number;
}

/** The counts behind the figures (score.py's summary lines). */
export interface Counts {
  goldTasks: number;
  predTasks: number;
  matched: number;
  goldLeads: number;
  goldDeadlines: number;
  deadlineTextAgree: number;
  deadlineTextCompared: number;
}

export const CATEGORIES = ['missed task', 'extra task', 'wrong lead', 'missing lead', 'missed deadline', 'extra deadline'] as const;
export type Category = (typeof CATEGORIES)[number];

/** One error: what was wrong, on which item. */
export interface ScoreError {
  category: Category;
  number: string;
  line: number | null;
  title: string;
  /** Gold and reported values, for leads and deadlines. */
  gold?: string;
  got?: string;
}

export interface FileScore {
  name: string;
  errors: ScoreError[];
}

export interface Score {
  figures: Figures;
  counts: Counts;
  files: FileScore[];
}

/** An annotated task (NNN.json `tasks[]`); only the fields score.py reads. */
export interface GoldTask {
  number?: unknown;
  title?: unknown;
  line?: unknown;
  lead_units?: unknown;
  inherited_lead_units?: unknown;
  responsible_units?: unknown;
  deadline?: unknown;
  inherited_deadline?: unknown;
  is_task?: unknown;
  is_group?: unknown;
  optional?: unknown;
}

/** A row of `planlint table --format json` (`tasks[]`); only the fields score.py reads. */
export interface PredTask {
  number?: unknown;
  title?: unknown;
  line?: unknown;
  lead?: unknown;
  deadline?: unknown;
}

/** One corpus file: its name, its annotation's tasks and planlint's rows. */
export interface FileInput {
  name: string;
  gold: readonly GoldTask[];
  pred: readonly PredTask[];
}

// ---------------------------------------------------------------------------------------------
// Python semantics

/** Python's `bool(x)` for JSON values: None, False, 0, "", [] and {} are false. */
export function pyTruthy(x: unknown): boolean {
  if (x === null || x === undefined || x === false || x === 0 || x === '') return false;
  if (Array.isArray(x)) return x.length > 0;
  if (typeof x === 'object') return Object.keys(x).length > 0;
  return true;
}

/** Python's `a or b`. */
const pyOr = (a: unknown, b: unknown): unknown => (pyTruthy(a) ? a : b);

/** Python's `dict.get(key)` for JSON: a missing key and null are both None (undefined here → null). */
const get = (o: object, key: string): unknown => {
  const v = (o as Record<string, unknown>)[key];
  return v === undefined ? null : v;
};

/** Python's `dict.get(key, default)`: the default only when the key is absent (a null stays None). */
const getOr = (o: object, key: string, fallback: unknown): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : fallback);

/**
 * What Python's `\s` matches in a str pattern (Py_UNICODE_ISSPACE): unlike JavaScript's `\s` it includes
 * U+001C–U+001F and U+0085 and excludes U+FEFF.
 */
const PY_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** score.py `norm`: NFKC, then no whitespace. */
export function norm(s: unknown): string {
  const text = pyTruthy(s) ? String(s) : '';
  return text.normalize('NFKC').replace(PY_SPACE, '');
}

/** Pinyin annotations left by scraping, `(xiàn)`. */
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;
const TRAILING_ETC = /(等部门|等单位|等)$/;

/** score.py `norm_units`: a set of normalised names, without pinyin or a trailing 等/等部门/等单位; empty names dropped. */
export function normUnits(units: unknown): Set<string> {
  const out = new Set<string>();
  for (const raw of pyIter(pyOr(units, []))) {
    const u = norm(raw).replace(PINYIN, '').replace(TRAILING_ETC, '');
    if (u) out.add(u);
  }
  return out;
}

/** Python's iteration over a JSON value: a list's items, a string's characters, a dict's keys. */
function pyIter(x: unknown): unknown[] {
  if (Array.isArray(x)) return x;
  if (typeof x === 'string') return [...x];
  if (x !== null && typeof x === 'object') return Object.keys(x);
  return [];
}

const setsEqual = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

/** score.py `num_key`: the normalised number without the punctuation around it. */
export function numKey(s: unknown): string {
  return pyStrip(norm(s), '、.．,，');
}

function pyStrip(s: string, chars: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && chars.includes(s[start]!)) start++;
  while (end > start && chars.includes(s[end - 1]!)) end--;
  return s.slice(start, end);
}

/** Python `a == b` for JSON scalars (None == None; 3 == 3.0). */
const pyEq = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null);

/** Python `x or 0` for a line number. */
const lineOr0 = (x: unknown): number => (pyTruthy(x) && typeof x === 'number' ? x : 0);

/**
 * score.py `match`: pairs gold and predicted tasks — for each gold task in order, the first unused prediction
 * on the same line with the same number, else the first with the same number within 2 lines.
 */
export function match<G extends object, P extends object>(gold: readonly G[], pred: readonly P[]): Array<[G, P]> {
  const pairs: Array<[G, P]> = [];
  const used = new Set<number>();
  for (const g of gold) {
    let best: number | null = null;
    for (let pi = 0; pi < pred.length; pi++) {
      if (used.has(pi)) continue;
      const p = pred[pi]!;
      const sameNum = numKey(getOr(p, 'number', '')) === numKey(getOr(g, 'number', ''));
      if (pyEq(get(p, 'line'), get(g, 'line')) && sameNum) {
        best = pi;
        break;
      }
      if (best === null && sameNum && Math.abs(lineOr0(get(p, 'line')) - lineOr0(get(g, 'line'))) <= 2) best = pi;
    }
    if (best !== null) {
      used.add(best);
      pairs.push([g, pred[best]!]);
    }
  }
  return pairs;
}

/** score.py's F1. */
const f1 = (tp: number, fp: number, fn: number): number => (tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 1.0);

// ---------------------------------------------------------------------------------------------
// Scoring

const text = (x: unknown): string => (typeof x === 'string' ? x : x === null || x === undefined ? '' : JSON.stringify(x));
const lineOf = (x: unknown): number | null => (typeof x === 'number' ? x : null);
const unitList = (s: ReadonlySet<string>): string => `[${[...s].sort().join('、')}]`;

/** Scores every file; the figures are score.py's. */
export function score(files: readonly FileInput[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let leadOk = 0;
  let leadN = 0;
  let dTp = 0;
  let dFp = 0;
  let dFn = 0;
  let dtOk = 0;
  let dtN = 0;
  let missLead = 0;
  let hasLead = 0;
  const out: FileScore[] = [];

  for (const file of files) {
    const errors: ScoreError[] = [];
    const item = (category: Category, t: object, extra: { gold?: string; got?: string } = {}): ScoreError => ({
      category,
      number: text(get(t, 'number')),
      line: lineOf(get(t, 'line')),
      title: text(get(t, 'title')),
      ...extra,
    });
    // Leaf tasks are scored; group headings (is_group) and `optional` items may be reported or not.
    const opt = (t: GoldTask): boolean => pyTruthy(pyOr(get(t, 'is_group'), get(t, 'optional')));
    const isTask = (t: GoldTask): boolean => pyTruthy(getOr(t, 'is_task', true));
    const gold = file.gold.filter((t) => isTask(t) && !opt(t));
    const optional = file.gold.filter((t) => isTask(t) && opt(t));
    const pred = file.pred;
    const pairs = match(gold, pred);
    const taken = new Set(pairs.map(([, p]) => p));
    const rest = pred.filter((p) => !taken.has(p));
    const ignoredPairs = match(optional, rest);
    const ignored = new Set(ignoredPairs.map(([, p]) => p));
    tp += pairs.length;
    fp += pred.length - pairs.length - ignoredPairs.length;
    fn += gold.length - pairs.length;
    const paired = new Set(pairs.map(([g]) => g));
    for (const g of gold) if (!paired.has(g)) errors.push(item('missed task', g));
    for (const p of rest) if (!ignored.has(p)) errors.push(item('extra task', p));

    for (const [g, p] of pairs) {
      // The lead a drafter reads: the item's own, else the one its heading gives.
      const gl = normUnits(pyOr(get(g, 'lead_units'), get(g, 'inherited_lead_units')));
      const pl = normUnits(get(p, 'lead'));
      leadN++;
      // No lead but 责任单位: the responsible list, or its first unit, is accepted as the lead, as is no lead.
      const gr = pyIter(pyOr(get(g, 'responsible_units'), [])).filter((u) => normUnits([u]).size > 0);
      const alt = gl.size === 0 && gr.length > 0 ? [normUnits(gr), normUnits(gr.slice(0, 1))] : [];
      const ok = setsEqual(gl, pl) || alt.some((a) => setsEqual(a, pl));
      if (ok) leadOk++;
      if (gl.size > 0) {
        hasLead++;
        if (pl.size === 0) missLead++;
      }
      if (!ok) errors.push(item(gl.size > 0 && pl.size === 0 ? 'missing lead' : 'wrong lead', g, { gold: unitList(gl), got: unitList(pl) }));

      let gd = pyTruthy(get(g, 'deadline'));
      const pd = pyTruthy(get(p, 'deadline'));
      if (!gd && pyTruthy(get(g, 'inherited_deadline'))) gd = pd; // an inherited deadline may be reported or not
      if (pyTruthy(get(g, 'deadline')) && pyTruthy(get(p, 'deadline'))) {
        // Informational: does the reported deadline text overlap the annotated one?
        const gt = norm(get(g, 'deadline'));
        const pdl = pyOr(get(p, 'deadline'), {});
        const pt = norm(pdl !== null && typeof pdl === 'object' ? get(pdl, 'text') : null);
        dtN++;
        if (gt && pt && (pt.includes(gt) || gt.includes(pt))) dtOk++;
      }
      if (gd && pd) dTp++;
      if (pd && !gd) dFp++;
      if (gd && !pd) dFn++;
      const dText = (d: unknown): string => (d !== null && typeof d === 'object' ? text(get(d, 'text')) : text(d));
      if (gd && !pd) errors.push(item('missed deadline', g, { gold: text(get(g, 'deadline')) }));
      if (pd && !gd) errors.push(item('extra deadline', g, { got: dText(get(p, 'deadline')) }));
    }
    errors.sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || (a.line ?? 0) - (b.line ?? 0));
    out.push({ name: file.name, errors });
  }

  return {
    figures: {
      taskF1: f1(tp, fp, fn),
      leadAcc: leadN ? leadOk / leadN : 0.0,
      deadlineF1: f1(dTp, dFp, dFn),
      falseMissingLead: hasLead ? missLead / hasLead : 0.0,
    },
    counts: {
      goldTasks: tp + fn,
      predTasks: tp + fp,
      matched: tp,
      goldLeads: hasLead,
      goldDeadlines: dTp + dFn,
      deadlineTextAgree: dtOk,
      deadlineTextCompared: dtN,
    },
    files: out,
  };
}

/** Whether the figures meet score.py's bars (its exit code). */
export function meetsBars(f: Figures): boolean {
  return f.taskF1 >= BARS.taskF1 && f.leadAcc >= BARS.leadAcc && f.deadlineF1 >= BARS.deadlineF1 && f.falseMissingLead <= BARS.falseMissingLead;
}

/**
 * Python's `f"{x:.3f}"`: the exact binary value correctly rounded, a tie to even. `toFixed` rounds a tie up;
 * a double lies exactly halfway between two 3-decimal values only when 16·x is an odd integer.
 */
export function fixed3(x: number): string {
  const sixteen = x * 16;
  if (Number.isInteger(sixteen) && Math.abs(sixteen) % 2 === 1) {
    const thousandths = Math.floor(Math.abs(x) * 1000); // exact: x·1000 = 62.5·(16x)
    const even = thousandths % 2 === 0 ? thousandths : thousandths + 1;
    const digits = String(even).padStart(4, '0');
    return `${x < 0 ? '-' : ''}${digits.slice(0, -3)}.${digits.slice(-3)}`;
  }
  return x.toFixed(3);
}

/** score.py's figures line: `task_f1=… lead_acc=… deadline_f1=… false_missing_lead=…`. */
export function figuresLine(f: Figures): string {
  return `task_f1=${fixed3(f.taskF1)} lead_acc=${fixed3(f.leadAcc)} deadline_f1=${fixed3(f.deadlineF1)} false_missing_lead=${fixed3(f.falseMissingLead)}`;
}
