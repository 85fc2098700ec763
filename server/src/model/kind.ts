// Is this text a plan? One decision, from positive evidence in the text, shared by the model, folder discovery,
// the editor's language detection and the CLI.
// Over 400 lines: the decision weighs the evidence of many kinds of document (titles, covering notices, news, explainers,
// Markdown pages, items that give work out), and each pattern is kept beside the weighing that reads it.
import { foldHead, type FoldCounts } from './text.js';
import type { DocumentKind } from './types.js';

/** One reason for the decision, in both languages, with the words of the text that gave it. */
export interface KindReason {
  id:
    | 'forced'
    | 'plan-title'
    | 'assigns-work'
    | 'deadlines'
    | 'report-title'
    | 'bulletin-title'
    | 'narrative'
    | 'interpretation'
    | 'news'
    | 'notes-title'
    | 'minutes-title'
    | 'rules-title'
    | 'speech-title'
    | 'letter-title'
    | 'meeting-notice'
    | 'notice-requirements'
    | 'notice-only'
    | 'documentation'
    | 'markdown-notes'
    | 'no-evidence';
  /** The words found, as written (at most a few). */
  evidence: string[];
}

/** What kind of document a text is, and why. */
export interface KindDecision {
  kind: DocumentKind;
  /** True when the text itself shows it (a plan title, work assigned, a report's title…), not a default. */
  positive: boolean;
  reasons: KindReason[];
}

/** How much of the text is read: the decision is made on the head of a document. */
const HEAD = 30_000;

/** A title's last words say what the document is (after a trailing `(2021—2025年)` or `(代拟稿)` is dropped). */
const TITLE_KINDS: { re: RegExp; kind: DocumentKind; id: KindReason['id'] }[] = [
  { re: /总结(?:及|和|与)/, kind: 'report', id: 'report-title' },
  { re: /召开.{0,40}会(?:议)?$/, kind: 'other', id: 'meeting-notice' },
  { re: /(?:方案|要点|计划|规划|意见|措施|举措|清单|安排|分工|分解表?|任务|任务书|部署|责任书)$/, kind: 'plan', id: 'plan-title' },
  { re: /(?:报告|总结|情况|汇报|回顾|综述|述职|实效|成效)$/, kind: 'report', id: 'report-title' },
  // `…落实情况通报`: what was done and by whom, told to everyone concerned.
  { re: /通报$/, kind: 'report', id: 'bulletin-title' },
  { re: /(?:解读|问答|答记者问|一图读懂|一图看懂|一文读懂|图解|速览|划重点)$/, kind: 'other', id: 'interpretation' },
  // `关于《X实施方案》的起草说明`, `编制说明`: notes on a plan, which name it and its tasks but assign none.
  { re: /说明$/, kind: 'other', id: 'notes-title' },
  // `…调度会议议定事项`: what a meeting decided, recorded as its minutes are (the words that lead a plan's title, `…工作方案`, never end so).
  { re: /(?:纪要|议定事项|会议决定事项)$/, kind: 'other', id: 'minutes-title' },
  { re: /(?:规则|细则|条例|章程|规定|办法|预案|守则|准则)$/, kind: 'other', id: 'rules-title' },
  // `在…会议上的讲话`: a leader's speech assigns work in its own words (`县X局要牵头…`), to listeners, not units.
  { re: /(?:讲话|讲话稿|讲稿|致辞|发言|发言稿|发言提纲|主持词)$/, kind: 'other', id: 'speech-title' },
  // `关于征求《X方案（征求意见稿）》意见的函`, `…的复函`: a letter about a plan, which asks or answers; it assigns no work.
  { re: /函$/, kind: 'other', id: 'letter-title' },
];

/**
 * An explainer's headline opens with what it does to a policy (`一图读懂`, `划重点`, `速览`), whatever document it
 * names after that: `一图读懂《X实施方案》` is no plan.
 */
const EXPLAINER = /^[【\[(]?(?:一图读懂|一图看懂|一图了解|一图速览|一图解读|一文读懂|一文看懂|图解|划重点|速览|(?:图文|政策|文字|视频|动漫|动画|漫画|专家|权威)解读|解读[:|｜丨])/;
/**
 * A reading's label before the title it reads (`图文解读：X方案`, `政策解读｜X`): an explainer, unless the page carries the
 * covering notice that issues the document (`现将《X》印发给你们`): then the label is the site's section, and the rest of
 * the line the document's title.
 */
const READING_LABEL = /^[【\[(]?(?:(?:图文|政策|文字|视频|动漫|动画|漫画|专家|权威)解读|解读(?=[:|｜丨]))[】\])]?[:|｜丨]?/;
/** What a notice is when it issues nothing and its title names no kind of document (`关于开展…活动的通知`). */
const NOTICE_TITLE = { kind: 'other', id: 'notice-requirements' } as const;

/** Role words that assign work (either script is folded to simplified first). */
const ASSIGNS = /牵头|责任单位|责任部门|配合单位|配合部门|参与单位|协办单位|主办单位|负责落实|分别负责|由[^。；;，,]{1,30}负责|完成时限|完成时间|时间节点/g;
/** Deadline phrases that bind future work. */
const DEADLINES = /(?:\d{4}年)?\d{1,2}月(?:底|中旬|上旬|下旬|\d{1,2}日)?前|年底前|年内完成|长期坚持|持续推进/g;
/** Narrative of work done. */
const NARRATIVE =
  /请予审议|向[^。，,]{0,20}报告|起草了|形成了|已经|已完成|已建成|已实现|完成了|开展了|取得了|出台了|建立了|实现了|明确了|取得[^。]{0,6}成效|成效明显|明显成效|累计|同比|较上年|比上年|共清理|共办理|共组织|圆满完成|顺利完成|总结如下|报告如下|汇报如下|截至\d/g;
/** A news page or a reading of a policy. */
const INTERPRETATION = /解读如下|现解读|现就[^。]{0,20}解读|记者从|记者获悉|本报讯|答记者问/g;
/** A covering notice's wording: it issues a plan (`现印发给你们`)… */
const NOTICE_ISSUES = /印发给你们|印發給你們|现予印发|現予印發|现印发|現印發|现将.{0,60}印发|現將.{0,60}印發|予以印发|予以印發/;
/** …or states its own requirements (`通知如下`). */
const NOTICE_REQUIRES = /(?:通知|要求)如下|結合以下要求|结合以下要求|提出(?:如下|以下)要求|并就有关.{0,10}通知如下|並就有關.{0,10}通知如下/;
/** The first wording in `text` of a notice issuing a plan (`NOTICE_ISSUES`), null when none. */
export function findNoticeIssues(text: string): RegExpExecArray | null {
  // Each wording holds `印`: a native search spares the pattern's scan of a text without one.
  return text.includes('印') ? NOTICE_ISSUES.exec(text) : null;
}

/** The first wording in `text` of a notice stating its own requirements (`NOTICE_REQUIRES`), null when none. */
export function findNoticeRequires(text: string): RegExpExecArray | null {
  // Each wording holds `如下` or `以下要求`: native searches spare the pattern's scan of a text with neither.
  return text.includes('如下') || text.includes('以下要求') ? NOTICE_REQUIRES.exec(text) : null;
}

/** What a notice asks of its readers. */
const NOTICE_ASKS = /请认真贯彻(?:落实|执行)|请结合实际/;

/**
 * Work given out clause by clause, as a plan writes it and a notice of requirements does not: a bracket holding a
 * role word or a field (`（县应急局牵头，6月底前完成）`, `[完成时限：年底前]`), a labelled field (`牵头单位：`). Read on
 * the folded head (brackets and colons half-width, no spaces).
 */
const ASSIGNED =
  /[(\[【〔][^()[\]【】〔〕\n]{0,60}?(?:牵头|负责(?!人)|配合|责任单位|责任部门|完成时限|完成时间)[^()[\]【】〔〕\n]{0,60}[)\]】〕]|(?:牵头单位|牵头部门|责任单位|责任部门|配合单位|完成时限|完成时间):/g;
/** A task table's header (`序号…牵头单位`, `|牵头单位|`; the fold dropped the tabs and spaces between cells). */
const TASK_TABLE_HEADER = /序号[^\n。,;]{0,40}(?:牵头|责任)(?:单位|部门)|\|(?:牵头|责任)(?:单位|部门)\|/;
/** A unit named as leading or doing the work in a sentence (`由县民政局牵头`, `县民政局负责`), not the noun `牵头单位`. */
const UNIT_LEADS = /由[^。;,\n]{1,30}(?:牵头|负责(?!人))|(?:局|委|办|厅|府|部|室|院|处|中心|队|所|站|社|馆|街道|乡|镇)(?:牵头|负责(?!人))/;
/** A numbered or bulleted item's line in the folded head (`1.文件按年份存放。`, `-说明`, `一、`, `(一)`). */
const ITEM_LINE = /^(?:\d{1,3}[.、)]|[-*+](?![-*+])|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\))[^\n]*/gm;
/**
 * A Markdown heading (`# 说明`), on the text as written: a short line of words after its `#` marks and a space, no
 * sentence (a scraped page's noise also opens lines with `#`, runs on and holds more `#`).
 */
const MARKDOWN_HEADING = /^[ \t]{0,3}#{1,6}[ \t]+[^\s#][^\n#。，,；;]{0,40}$/m;

/**
 * A news story's headline opens with the place it reports to (`我市`, `我县`, `我区`, `我省`) and what was done there
 * (`出台`, `印发`, `召开`, `启动`…): `我市出台实施方案推动制造业数字化转型`. A plan's title names its issuer, never `我市`.
 */
const NEWS_HEADLINE = /^我(?:省|市|县|区|州|盟|旗|镇|乡)[^,;。:]{0,16}?(?:出台|印发|召开|启动|发布|部署|推出|公布|出炉|下发|举行|举办)/;
/** A page's source field naming a newspaper, a news site or a broadcaster (`来源：青石日报`, `来源:XX新闻网`). */
const NEWS_SOURCE =
  /来源:[^\n|:,;。]{0,24}?(?:日报|晚报|早报|商报|时报|报|网|新闻|客户端|融媒体中心|融媒|电视台|广播电视台)(?=$|[\n|,;)\]】]|作者|编辑|责任|发布|时间|日期|浏览|阅读|点击|字号|\d)/m;
/** A story's lead telling that a document was issued lately (`近日，市政府办公室印发《X》`). */
const NEWS_LEAD = /(?:近日|日前|近期)[,]?[^。\n《》]{0,40}?(?:印发|出台|发布)了?《[^《》]{4,80}》/;

/** How many role words and deadline phrases weigh against narrative at most: more say nothing more. */
const ASSIGNS_WEIGHED = 6;
const DEADLINES_WEIGHED = 3;

/**
 * Counts the matches of a global pattern up to `enough` (the decision reads no further), keeping the first three
 * distinct ones as evidence: the search stops once it has both.
 */
function count(re: RegExp, text: string, evidence: string[], enough: number): number {
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (evidence.length < 3 && !evidence.includes(m[0])) evidence.push(m[0]);
    n++;
    if (n >= enough && evidence.length >= 3) break;
    if (m[0].length === 0) re.lastIndex++;
  }
  return n;
}

/** Folds a text for the decision: pinyin noise removed, width and script folded, spaces dropped. */
export function foldForKind(text: string): string {
  return foldHead(text, { latin: 0, han: 0 });
}

/** What a title line says the document is: a covering notice names the document it issues (`印发《X》的通知`). */
function titleKind(line: string): { kind: DocumentKind; id: KindReason['id'] } | null {
  if (EXPLAINER.test(line)) return { kind: 'other', id: 'interpretation' };
  let title = line.replace(/\.(?:docx?|wps|pdf|txt)$/i, '').replace(/[:：。,，]+$/, '');
  const issued = /(?:印发|转发|发布)了?《?([^《》]{4,80}?)》?的?(?:通知|决定|函)$/.exec(title);
  let notice = false;
  if (issued) title = issued[1]!;
  else if (/通知$/.test(title)) {
    title = title.replace(/的?预?通知$/, '');
    notice = true;
  }
  // `…实施方案(2021—2025年)`, `…方案(代拟稿)`, `《…》`: the kind word is before them.
  for (let k = 0; k < 3; k++) title = title.replace(/[(（【〔][^()（）【】〔〕]{0,20}[)）】〕]$|[》」”"]$/, '');
  for (const t of TITLE_KINDS) if (t.re.test(title)) return t;
  return notice ? NOTICE_TITLE : null;
}

/** A line break (`\r`, `\n`), searched from a line's start. */
const LINE_BREAK = /[\r\n]/g;

/** A line of site navigation (`首页 > 信息公开 > …`, `您当前的位置:`): never a title. */
const BREADCRUMB = /[>＞»]|位置[:：]|^首页|^返回|^附件?[:：0-9一二三四五六七八九十]|索引号|分类[:：]|主题词|发布机构/;
/** A metadata field holding the title (`名称: X`, `标 题: | X |`). */
const TITLE_FIELD = /(?:名称|标题|文件名称)[:：]\|?([^|]{4,90}?)(?:\||文号|发布|$)/;
/** The document a notice issues, anywhere in the head (a title broken over lines is joined first). */
const ISSUED_BOOK = /(?:印发|发布|转发)了?《([^《》]{4,80})》|《([^《》]{4,80})》[^《》。]{0,30}(?:印发给你们|现予印发)/;

/**
 * A title and where it was read: a line of the head (`line`: the document is in the text), a notice that issues
 * nothing (`notice`), or the document a notice or a story says was issued (`book`: it may not be in the text).
 */
interface Title {
  kind: DocumentKind;
  id: KindReason['id'];
  line: string;
  from: 'line' | 'notice' | 'book';
}

/**
 * The document's title, from the head (before the first numbered item): a metadata field naming it, else the first
 * short line whose last words name a kind of document, else the title of a notice that issues nothing (`关于开展…
 * 的通知`, unless the head issues a plan: `现将…印发给你们`), else the document that a notice issues (`印发《X》`).
 * Site navigation and a table of contents (`目录` and the titles after it) are passed over. A news headline
 * (`我市出台…`) is no title: it is returned apart, as evidence of a story.
 */
function findTitleKind(head: string): { title: Title | null; headline: string | null } {
  const end = Math.min(head.length, 6000);
  let contents = 0;
  let notice: Title | null = null;
  let headline: string | null = null;
  // Whether the head issues a document (`现将…印发`), asked only of a line that a reading's label opens.
  let issues: boolean | undefined;
  // The line before, when it may be the first half of a title laid out over two lines (`青禾县2023年优化营商环境` / `工作总结`).
  let before = '';
  // The first 60 lines of the first 6,000 characters, read in place (a split made every line of them).
  for (let n = 0, from = 0; n < 60 && from <= end; n++) {
    // The line's end: a native search for its break (read by character, it took most of the title search's time).
    LINE_BREAK.lastIndex = from;
    const to = LINE_BREAK.test(head) ? Math.min(LINE_BREAK.lastIndex - 1, end) : end;
    // A Markdown heading's `#` marks are not its words.
    const line = head.slice(from, to).trim().replace(/^#{1,6}/, '');
    from = head.charCodeAt(to) === 0x0d && head.charCodeAt(to + 1) === 0x0a ? to + 2 : to + 1;
    if (/^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、．])/.test(line)) break;
    if (line === '目录') contents = 20;
    if (contents > 0) {
      contents--;
      continue;
    }
    const field = TITLE_FIELD.exec(line);
    // `一图读懂|X实施方案`: the explainer's words are too short a piece to be read as a title of their own.
    let candidates = field ? [field[1]!] : BREADCRUMB.test(line) ? [] : EXPLAINER.test(line) ? [line] : line.split(/[|｜]/);
    const label = candidates.length === 1 ? READING_LABEL.exec(candidates[0]!) : null;
    if (label !== null && (issues ??= findNoticeIssues(head.slice(0, 4000)) !== null)) candidates = [candidates[0]!.slice(label[0].length)];
    for (const piece of candidates) {
      const text = piece.trim();
      // A title is no sentence: no `，` `；` inside, no `。` at its end.
      if (text.length > 90 || /[。；;]$/.test(text) || /[，,；;]/.test(text.slice(1, -1))) continue;
      // A title's last words on a line of their own (`工作总结`, `实施方案`) end the title the line before began.
      const whole = text.length >= 2 && text.length < 12 && before !== '' && candidates.length === 1 ? before + text : null;
      if (text.length < 6 && whole === null) continue;
      if (NEWS_HEADLINE.test(text)) {
        headline ??= text;
        continue;
      }
      let found = text.length >= 6 ? titleKind(text) : null;
      let titleLine = text;
      if (found === null && whole !== null) {
        found = titleKind(whole);
        titleLine = whole;
      }
      if (found === NOTICE_TITLE) notice ??= titleFrom(found, titleLine, 'notice');
      else if (found) return { title: titleFrom(found, titleLine, 'line'), headline };
    }
    before = candidates.length === 1 && line.length >= 4 && line.length <= 40 && !/[。；;，,：:]/.test(line) ? line.trim() : '';
  }
  const joined = head.slice(0, 4000).replace(/[\r\n]+/g, '');
  // A notice that issues nothing is a notice, whatever documents it cites; one that issues a plan is read by what
  // it issues (`现将《X》印发给你们`) or by its body.
  if (notice && findNoticeIssues(joined) === null) return { title: notice, headline };
  const book = ISSUED_BOOK.exec(joined);
  const name = book ? (book[1] ?? book[2]!) : '';
  const found = book ? titleKind(name) : null;
  return { title: found && found !== NOTICE_TITLE ? titleFrom(found, name, 'book') : null, headline };
}

/**
 * A title of `kind`, read at `line`. Written out field by field: a spread of the kind's entry (which also holds its
 * pattern) took three quarters of the title search's time.
 */
function titleFrom(kind: { kind: DocumentKind; id: KindReason['id'] }, line: string, from: Title['from']): Title {
  return { kind: kind.kind, id: kind.id, line, from };
}

/**
 * Decides whether `text` is a plan (it assigns work), a report (it tells work done) or something else (a reading of
 * a policy, a news story, rules, a contingency plan), from what its title and body do. `forced` (configuration:
 * `kind`) wins. `positive` says whether the text itself showed the decision; without evidence a text is a plan, not
 * positively (folder discovery skips such files, an editor reads them as plans).
 */
export function decideKind(text: string, forced?: DocumentKind | null): KindDecision {
  if (forced) return { kind: forced, positive: true, reasons: [{ id: 'forced', evidence: [forced] }] };
  const raw = text.length > HEAD ? text.slice(0, HEAD) : text;
  // The head is folded first: the fold counts the letters that tell documentation on its way.
  const counts: FoldCounts = { latin: 0, han: 0 };
  const head = foldHead(raw, counts);
  // Documentation about plans (a README, rule pages: code blocks, mostly Latin text) quotes plan words but is no plan.
  const documentation = documentationEvidence(raw, counts);
  if (documentation !== null) return { kind: 'other', positive: true, reasons: [{ id: 'documentation', evidence: [documentation] }] };
  const { title, headline } = findTitleKind(head);
  const interpretationEvidence: string[] = [];
  const interpretation = count(INTERPRETATION, head, interpretationEvidence, 1);
  // A plan's title on a line of its own decides unless the body is a reading of a policy: what else the body does is
  // read for the reasons alone, when they are asked.
  if (title?.kind === 'plan' && title.from === 'line' && interpretation === 0) return new TitledPlan(raw, title.line);

  // Each count is read only up to what the weighing below can tell apart (`planScore` is at most 9).
  const assignEvidence: string[] = [];
  const assigns = count(ASSIGNS, head, assignEvidence, ASSIGNS_WEIGHED);
  const deadlineEvidence: string[] = [];
  const deadlines = count(DEADLINES, head, deadlineEvidence, DEADLINES_WEIGHED);
  // A plan's title decides unless the body is a reading of a policy: narrative then weighs nothing, and is not read.
  const narrativeEvidence: string[] = [];
  const narrative = title?.kind === 'plan' ? 0 : count(NARRATIVE, head, narrativeEvidence, ASSIGNS_WEIGHED + DEADLINES_WEIGHED + 1);

  const reasons: KindReason[] = [];
  const say = (id: KindReason['id'], evidence: string[]) => reasons.push({ id, evidence: evidence.slice(0, 3) });

  // A notice that issues nothing (`关于开展…活动的通知`) states requirements: it is a plan only when it gives its work
  // out clause by clause, as a plan does (`（县应急局牵头，6月底前完成）` on two items or more, a task table).
  if (title?.from === 'notice') {
    const clauses: string[] = [];
    if (TASK_TABLE_HEADER.test(head) || count(ASSIGNED, head, clauses, 2) >= 2 || givesWorkOut(head)) {
      say('assigns-work', assigns > 0 ? assignEvidence : clauses);
      if (deadlines > 0) say('deadlines', deadlineEvidence);
      return { kind: 'plan', positive: true, reasons };
    }
    say('notice-requirements', [title.line]);
    return { kind: 'other', positive: true, reasons };
  }
  // The title says what the document is; a reading of a policy says so in its body too.
  if (title && title.kind !== 'plan') {
    say(title.id, [title.line]);
    if (title.kind === 'report' && narrative > 0) say('narrative', narrativeEvidence);
    return { kind: title.kind, positive: true, reasons };
  }
  if (interpretation > 0) {
    say('interpretation', interpretationEvidence);
    return { kind: 'other', positive: true, reasons };
  }
  // A news story tells in its own words that a plan was issued and what it holds. A page that carries the plan
  // itself (its title on a line of its own, or the covering notice that issues it) is the plan, whoever reprinted it.
  if (title?.from !== 'line' && findNoticeIssues(head) === null) {
    const news = newsEvidence(head, headline);
    if (news.length > 0) {
      say('news', news);
      return { kind: 'other', positive: true, reasons };
    }
  }
  // A Markdown page (`# 说明`) with no plan title whose items give no work out: notes about plans, a folder's README.
  if (title?.from !== 'line') {
    const heading = MARKDOWN_HEADING.exec(raw);
    if (heading !== null && !itemsAssignWork(head)) {
      say('markdown-notes', [heading[0].trim()]);
      return { kind: 'other', positive: true, reasons };
    }
  }
  if (title) say('plan-title', [title.line]);
  if (assigns > 0) say('assigns-work', assignEvidence);
  if (deadlines > 0) say('deadlines', deadlineEvidence);
  if (title) return { kind: 'plan', positive: true, reasons };
  // No title: what the body does. Narrative of work done outweighs a few role words (a report says who led).
  const planScore = Math.min(assigns, ASSIGNS_WEIGHED) + Math.min(deadlines, DEADLINES_WEIGHED);
  if (narrative > 1 && narrative >= planScore) {
    reasons.length = 0;
    say('narrative', narrativeEvidence);
    return { kind: 'report', positive: true, reasons };
  }
  if (planScore > 0) return { kind: 'plan', positive: true, reasons };
  // A covering notice whose plan is not in the text; a notice that states its own requirements (`通知如下`).
  if (findNoticeIssues(head) !== null) {
    say('notice-only', []);
    return { kind: 'other', positive: true, reasons };
  }
  if (findNoticeRequires(head) !== null || NOTICE_ASKS.test(head)) {
    say('notice-requirements', []);
    return { kind: 'other', positive: true, reasons };
  }
  say('no-evidence', []);
  return { kind: 'plan', positive: false, reasons };
}

/**
 * A plan by its title (`line`, on a line of the head `raw`), whose reasons are read when first asked: the title, then
 * the body's role words and deadline phrases (`assigns-work`, `deadlines`), as `decideKind` gives them after a plan's
 * title. Most analyses never ask (the outline, a hover and the CLI's explanation do), and counting them took a sixth of
 * the decision. JSON reads `reasons` as a value (`toJSON`).
 *
 * A class, its getter on the prototype: a getter defined on each decision (`Object.defineProperty`) gave each its own
 * hidden class, which the heap keeps in its old generation and which held the getter and so the folded head: every
 * plan's head outlived the young generation's collections (1,000 small plans: 27 MB of heads promoted a pass).
 */
class TitledPlan implements KindDecision {
  readonly kind = 'plan';
  readonly positive = true;
  readonly #raw: string;
  readonly #line: string;
  #reasons: KindReason[] | null = null;

  constructor(raw: string, line: string) {
    this.#raw = raw;
    this.#line = line;
  }

  get reasons(): KindReason[] {
    return (this.#reasons ??= titledPlanReasons(foldHead(this.#raw, { latin: 0, han: 0 }), this.#line));
  }

  set reasons(value: KindReason[]) {
    this.#reasons = value;
  }

  toJSON(): KindDecision {
    return { kind: this.kind, positive: this.positive, reasons: this.reasons };
  }
}

/** The reasons of a plan by its title (`TitledPlan`), from the folded head. */
function titledPlanReasons(head: string, line: string): KindReason[] {
  const reasons: KindReason[] = [{ id: 'plan-title', evidence: [line] }];
  const assignEvidence: string[] = [];
  if (count(ASSIGNS, head, assignEvidence, ASSIGNS_WEIGHED) > 0) reasons.push({ id: 'assigns-work', evidence: assignEvidence.slice(0, 3) });
  const deadlineEvidence: string[] = [];
  if (count(DEADLINES, head, deadlineEvidence, DEADLINES_WEIGHED) > 0) reasons.push({ id: 'deadlines', evidence: deadlineEvidence.slice(0, 3) });
  return reasons;
}

/**
 * The evidence that the head is a news story: its headline (`我市出台…`, enough alone), else its source field
 * (`来源：XX日报`) together with a lead telling of a document issued lately (`近日，…印发《X》`). Either of the last
 * two alone is no story: a government site names itself as the source of the plans it hosts, and a plan's preamble
 * may tell that a higher plan was issued lately.
 */
function newsEvidence(head: string, headline: string | null): string[] {
  const start = head.slice(0, 4000);
  const source = NEWS_SOURCE.exec(start)?.[0] ?? null;
  const lead = NEWS_LEAD.exec(start)?.[0] ?? null;
  if (headline !== null) return [headline, ...(source ? [source] : []), ...(lead ? [lead] : [])];
  return source !== null && lead !== null ? [source, lead] : [];
}

/**
 * Whether the numbered or bulleted items of the head give work out: a bracket or a field of attribution, a unit
 * that leads or does the work (`县民政局牵头`, `由县民政局负责`), or a task table's header anywhere.
 */
function itemsAssignWork(head: string): boolean {
  return itemsAssigningWork(head).assigning > 0 || TASK_TABLE_HEADER.test(head);
}

/**
 * Does a notice give its work out item by item in sentences (`一、完善应急预案。市应急管理局牵头，4月底前完成。` on two
 * items or more, and on at least half of its items)? A notice of requirements may name a unit in an item or two among
 * its headings of attitude and duty (`一、提高思想认识`); a plan in a notice's form names one in most.
 */
function givesWorkOut(head: string): boolean {
  const { assigning, items } = itemsAssigningWork(head);
  return assigning >= 2 && assigning * 2 >= items;
}

/**
 * The numbered or bulleted items of the head, and how many of them give work out (a bracket or a field of
 * attribution, a unit that leads or does the work: `市应急管理局牵头，4月底前完成`).
 */
function itemsAssigningWork(head: string): { assigning: number; items: number } {
  let assigning = 0;
  let items = 0;
  ITEM_LINE.lastIndex = 0;
  for (let m = ITEM_LINE.exec(head); m !== null; m = ITEM_LINE.exec(head)) {
    items++;
    ASSIGNED.lastIndex = 0;
    if (UNIT_LEADS.test(m[0]) || ASSIGNED.test(m[0])) assigning++;
  }
  return { assigning, items };
}

/**
 * True when `text` is read as a plan on positive evidence (`decideKind`): what folder discovery, the language
 * server's workspace scan and the editor's language detection take for a plan when its name does not say so.
 */
export function readsAsPlan(text: string, forced?: DocumentKind | null): boolean {
  const decision = decideKind(text, forced);
  return decision.kind === 'plan' && decision.positive;
}

/**
 * Why `text` reads as documentation (a code block, more Latin letters than Chinese characters: `counts`, its fold's),
 * else null.
 */
function documentationEvidence(text: string, counts: FoldCounts): string | null {
  // The search for a fence at a line's start costs more than the fold: it is made only when the text holds one.
  if (text.includes('```') && /^[ \t]*```/m.test(text)) return '```';
  return counts.latin > counts.han && counts.latin > 200 ? 'Latin text' : null;
}
