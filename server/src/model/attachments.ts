// Attachments that list the plan's tasks (`附件` / `重点任务清单` / `一、…` / `1.…（牵头单位：…）`): where each lies, whether its
// title says it lists tasks, and how the tasks it lists join the body's.
import { match, normalize, type MatchCandidate, type MatchRow } from './table-match.js';
import { isTrimCode, stripNoise, toSimplified } from './text.js';
import type { Span, Task } from './types.js';

/** An attachment whose title says it lists tasks or work: its stretch after its head and title, to the next head. */
export interface TaskListAttachment {
  span: Span;
  /** Its title names tasks or their division (`任务`, `分工`): it lists tasks even where none names a unit or a date. */
  namesTasks: boolean;
  /**
   * It is another plan the covering notice issues with the first (`附件2` / `…防灭火工作方案`, named in the notice's list
   * of attachments): its tasks are its own, none restates the body's.
   */
  issuedPlan: boolean;
}

/**
 * The head of an attachment on a line of its own: `附件`, `附件2`, `附件1：重点任务清单`, `附件一 任务分解表` — `附件`, a number,
 * then the line's end, a colon or a space (the title may follow on the line).
 */
const HEAD = /^附件[0-9０-９一二三四五六七八九十]{0,3}(?:[ \t\u3000\u00a0]*[:：]|[ \t\u3000\u00a0]+|[ \t\u3000\u00a0]*(?=[\r\n]|$))/;

/** A line that opens with a numbering marker (`1.` `（一）` `三、` `①`): a list, no title. */
const MARKER_START = /^(?:[0-9０-９]{1,3}[.．、]|[(（][0-9０-９一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[①-⑳])/;

/**
 * Title words of an attachment that lists work to be done (simplified script): its tasks (`重点任务清单`, `任务分解表`,
 * `工作任务台账`), their division among units (`责任分工`, `分工方案`), a list or ledger (`清单`, `台账`) or a schedule of
 * work (`工作安排`, `推进计划`).
 */
const TASK_LIST_TITLE = /任务|分工|清单|台账|重点工作|工作安排|工作计划|推进计划|进度安排/;
/** Of those, the words that name tasks or their division themselves. */
const NAMES_TASKS = /任务|分工/;
/**
 * Title words of attachments that list no tasks, whatever else the title says: people (`领导小组成员名单`, `联系人通讯录`),
 * forms (`申报表`, `回执`, `模板`), scoring (`评分细则`), rules and duties (`管理办法`, `职责分工`, `权责清单`, `负面清单`),
 * explanations.
 */
const NO_TASK_LIST_TITLE = /名单|名册|通讯录|联系|评分|细则|办法|条例|规定|制度|申报|报名|登记|回执|模板|格式|样表|样式|职责|权责|权力清单|负面清单|说明|解读/;

/**
 * The title of another document (`关于…的通知`, `…专项整治实施方案`, `…工作要点`): its text is that document's, not a list of
 * the plan's tasks; a plan that divides the work among units (`任务分工方案`) is one.
 */
const OTHER_DOCUMENT = /^关于|(?:通知|意见|决定|批复|纪要|报告|讲话|方案|要点)$/;
const DIVISION_PLAN = /分工方案$/;

/** The last words of a plan's title (`…实施方案`, `…工作要点`, `…行动计划`). */
const PLAN_TITLE_END = /(?:方案|要点|计划)$/;
/** What a title is compared by with the words of a notice: spaces and quotes dropped. */
const TITLE_NOISE = /[\s\u3000“”"《》〈〉]+/g;

/**
 * Is an attachment's title (simplified, pinyin noise removed) that of a plan the covering notice issues, as its list of
 * attachments or its words name it (`附件：1.…植树造林工作方案 2.…防灭火工作方案`)? `notice`: the notice's text, folded
 * alike; empty when the text has no notice.
 */
function issuedByNotice(words: string, notice: string): boolean {
  if (notice.length === 0 || !PLAN_TITLE_END.test(words)) return false;
  const title = words.replace(TITLE_NOISE, '');
  return title.length >= 6 && notice.includes(title);
}

/** Does an attachment's title (simplified, pinyin noise removed) say it lists tasks or work? */
function listsTasks(words: string): boolean {
  if (!TASK_LIST_TITLE.test(words) || NO_TASK_LIST_TITLE.test(words)) return false;
  return !OTHER_DOCUMENT.test(words) || DIVISION_PLAN.test(words);
}

/** How far a title is read: its first two short lines (a title broken over lines), each at most this long. */
const TITLE_LINE = 60;

/**
 * The attachments after `bodyEnd` (where the body's sections end) whose title says they list tasks or work
 * (`TASK_LIST_TITLE`, none of `NO_TASK_LIST_TITLE`), each from the line after its title to the next attachment's head
 * (or the text's end). The title is what follows the head on its line, else its first one or two short lines that are
 * no sentence and no numbered item: an attachment whose list follows its head at once (`附件：` `1.…docx`) has none.
 * Reads the text after `bodyEnd` once, from one `附件` to the next. So is another plan the covering notice issues
 * (`issuedByNotice`; `notice`: the notice's text, simplified with pinyin noise removed, or empty).
 */
export function taskListAttachments(text: string, bodyEnd: number, notice = ''): TaskListAttachment[] {
  const found: TaskListAttachment[] = [];
  let open: { start: number; namesTasks: boolean; issuedPlan: boolean } | null = null;
  const folded = notice.replace(TITLE_NOISE, '');
  for (let at = text.indexOf('附件', bodyEnd); at >= 0; at = text.indexOf('附件', at + 2)) {
    const lineStart = startOfLine(text, at);
    if (lineStart < 0) continue;
    const head = HEAD.exec(text.slice(at, at + 12));
    if (head === null) continue;
    if (open !== null) found.push({ span: { start: open.start, end: lineStart }, namesTasks: open.namesTasks, issuedPlan: open.issuedPlan });
    open = null;
    const title = titleAfter(text, at + head[0].length);
    const words = toSimplified(stripNoise(title.words));
    if (listsTasks(words)) open = { start: title.end, namesTasks: NAMES_TASKS.test(words), issuedPlan: false };
    else if (issuedByNotice(words, folded)) open = { start: title.end, namesTasks: false, issuedPlan: true };
  }
  if (open !== null) found.push({ span: { start: open.start, end: text.length }, namesTasks: open.namesTasks, issuedPlan: open.issuedPlan });
  return found;
}

/** Where the line holding `at` starts, when only spaces stand before `at` on it; else -1. */
function startOfLine(text: string, at: number): number {
  let k = at - 1;
  while (k >= 0 && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x3000 || text.charCodeAt(k) === 0x09 || text.charCodeAt(k) === 0xa0)) k--;
  return k < 0 || text.charCodeAt(k) === 0x0a || text.charCodeAt(k) === 0x0d ? k + 1 : -1;
}

/**
 * An attachment's title from `from` (right after its head): the rest of the head's line, else its first one or two
 * short lines after it (a title broken over lines), blank lines before them skipped; none when a numbered item, a
 * sentence or a long line comes first (`附件：1.…docx`). `end`: where what it titles starts.
 */
function titleAfter(text: string, from: number): { words: string; end: number } {
  let stop = lineEnd(text, from);
  const rest = trimmed(text, from, stop);
  if (rest.length > 0) return titleLike(rest) ? { words: rest, end: stop + 1 } : { words: '', end: from };
  let words = '';
  let lines = 0;
  let at = stop + 1;
  while (at < text.length && lines < 2) {
    stop = lineEnd(text, at);
    const line = trimmed(text, at, stop);
    if (line.length === 0 && lines > 0) break; // a blank line after the title ends it
    if (line.length > 0) {
      if (!titleLike(line)) break;
      words += line;
      lines++;
    }
    at = stop + 1;
  }
  return { words, end: Math.min(at, text.length) };
}

/** A line that may be (part of) a title: short, no sentence, no numbered item. */
function titleLike(line: string): boolean {
  return line.length <= TITLE_LINE && !MARKER_START.test(line) && !/[。；;]/.test(line);
}

/** Where the line holding `at` ends (its `\n`, or the text's end). */
function lineEnd(text: string, at: number): number {
  const stop = text.indexOf('\n', at);
  return stop < 0 ? text.length : stop;
}

/** The text of [from, to) with its spaces at both ends (and a line's `\r`) removed. */
function trimmed(text: string, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a < b && isTrimCode(text.charCodeAt(a))) a++;
  while (b > a && isTrimCode(text.charCodeAt(b - 1))) b--;
  return text.slice(a, b);
}

/** A task as `match` compares it: its title's key and its own text's, on first use. */
class Compared implements MatchRow, MatchCandidate {
  readonly titleKey: string;
  readonly item: boolean;
  readonly #text: string;
  readonly #task: Task;
  #textKey: string | undefined = undefined;

  constructor(text: string, task: Task) {
    this.titleKey = normalize(task.title);
    this.item = (task.section?.marker.level ?? 0) === 6;
    this.#text = text;
    this.#task = task;
  }

  textKey(): string {
    if (this.#textKey === undefined) {
      const section = this.#task.section;
      const body = section?.bodySpan ?? this.#task.span;
      this.#textKey = normalize(this.#text.slice(section?.marker.span.end ?? body.start, body.end));
    }
    return this.#textKey;
  }
}

/**
 * The plan's tasks when attachments list tasks (`listed`) beside the body's own (`own`): the body's, then the lists',
 * where a task the lists repeat is read once, from the list, as a task table that repeats the body is (the matching of
 * `table-match.ts`: titles one to one, a list's item restating part of a body task, a body task restated in an item's
 * text). An item matched to a body task by title that names no lead, responsible unit or deadline of its own takes
 * the body task's (`inherited`): the body says it.
 */
export function joinListedTasks(text: string, own: Task[], listed: Task[]): Task[] {
  if (own.length === 0) return listed;
  if (listed.length === 0) return own;
  const rows: Compared[] = [];
  /** The index in `listed` of each row (items with no title are matched to nothing). */
  const rowTask: number[] = [];
  for (let k = 0; k < listed.length; k++) {
    const row = new Compared(text, listed[k]!);
    if (row.titleKey.length === 0) continue;
    rows.push(row);
    rowTask.push(k);
  }
  const cands = own.map((task) => new Compared(text, task));
  const result = match(rows, cands);
  for (let p = 0; p + 1 < result.titlePairs.length; p += 2) {
    const item = listed[rowTask[result.titlePairs[p]!]!]!;
    const body = own[result.titlePairs[p + 1]!]!;
    if (item.lead.length === 0 && body.lead.length > 0) {
      item.lead = body.lead;
      item.inherited = { ...item.inherited, lead: true };
    }
    if (item.responsible.length === 0 && body.responsible.length > 0) {
      item.responsible = body.responsible;
      item.inherited = { ...item.inherited, responsible: true };
    }
    if (item.deadline === null && body.deadline !== null) {
      item.deadline = body.deadline;
      item.inherited = { ...item.inherited, deadline: true };
    }
  }
  const tasks: Task[] = [];
  for (let c = 0; c < own.length; c++) if (result.candMatched[c] === 0) tasks.push(own[c]!);
  for (const task of listed) tasks.push(task);
  return tasks;
}
