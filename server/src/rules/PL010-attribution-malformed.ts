// PL010 attribution-malformed: an attribution (分工) written wrongly — an unclosed bracket, an empty field, a lead unit also listed as responsible.
import type { Attribution, AttributionProblem, PlanDocument } from '../model/types.js';
import type { Report, Rule, RuleFix } from '../lint/rule.js';
import { oneLine } from '../model/text.js';

export const rule: Rule = {
  id: 'PL010',
  name: 'attribution-malformed',
  defaultSeverity: 'error',
  tags: ['attribution'],
  fixable: 'safe',
  description: {
    'zh-CN': '分工写法有误：括号未闭合、“牵头单位：”等栏目后未填写内容，或同一单位既是牵头单位又列为责任单位',
    en: 'An attribution is malformed: an unclosed bracket, an empty field such as "牵头单位:", or a unit listed as both lead and responsible',
  },
  messages: {
    unclosed: { 'zh-CN': '分工括号“{open}”缺少对应的“{close}”', en: 'The attribution bracket "{open}" has no closing "{close}"' },
    emptyField: { 'zh-CN': '“{field}”未填写具体内容', en: '"{field}" ({fieldEn}) is left empty' },
    leadAlsoResponsible: {
      'zh-CN': '“{unit}”已是牵头单位，又被列为责任单位',
      en: '"{unit}" is the lead unit and is also listed as a responsible unit',
    },
    closeAtLineEnd: { 'zh-CN': '在行末补上“{close}”', en: 'Close it with "{close}" at the end of the line' },
    closeBeforeStop: { 'zh-CN': '在“{stop}”前补上“{close}”', en: 'Close it with "{close}" before the final "{stop}"' },
    removeResponsible: { 'zh-CN': '从责任单位中删去“{unit}”', en: 'Remove "{unit}" from the responsible units' },
  },
  check({ plan, report }) {
    const seen = new Set<string>();
    const visit = (attribution: Attribution | null | undefined) => {
      for (const problem of attribution?.problems ?? []) {
        const span = problem?.span;
        if (!span || !(span.start >= 0 && span.end >= span.start && span.end <= plan.text.length)) continue;
        const key = `${problem.kind}:${span.start}:${span.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const finding = findingOf(plan, attribution!, problem);
        if (finding) report(finding);
      }
    };
    for (const section of plan.allSections ?? []) for (const a of section.attributions ?? []) visit(a);
    for (const u of plan.unnumbered ?? []) visit(u?.attribution);
  },
};

function findingOf(plan: PlanDocument, attribution: Attribution, problem: AttributionProblem): Report | null {
  switch (problem.kind) {
    case 'unclosed-bracket':
      return unclosed(plan, attribution, problem);
    case 'empty-field':
      return { messageId: 'emptyField', span: problem.span, data: { field: String(problem.detail), fieldEn: fieldInEnglish(String(problem.detail)) } };
    case 'lead-also-responsible': {
      const removal = removalOf(plan, attribution, problem);
      return {
        messageId: 'leadAlsoResponsible',
        span: problem.span,
        data: { unit: String(problem.detail) },
        suggestions: removal ? [{ messageId: 'removeResponsible', data: { unit: String(problem.detail) }, edits: [removal] }] : [],
      };
    }
    default:
      return null;
  }
}

/** English glosses of the field names the grammar knows (both scripts). */
const FIELD_GLOSS: [RegExp, string][] = [
  [/^(牵头|牽頭)/, 'lead unit'],
  [/^(责任|責任)/, 'responsible units'],
  [/^配合/, 'cooperating units'],
  [/^(协办|協辦)/, 'assisting units'],
  [/^(参与|參與|参加|參加)/, 'participating units'],
  [/^(完成|时间|時間|时限|時限)/, 'deadline'],
];

function fieldInEnglish(field: string): string {
  return FIELD_GLOSS.find(([re]) => re.test(field))?.[1] ?? 'field';
}

// ---------------------------------------------------------------------------------------------
// Unclosed brackets.

const CLOSER: Record<string, string> = { '[': ']', '【': '】', '(': ')', '（': '）' };
const OPENERS = '[【(（';
const CLOSERS = ']】)）';
/** Sentence ends: an attribution that runs past one also runs into prose, so where it should close is unclear. */
const STOPS = '。！？!?';
/** A line that ends on one of these was cut short: its content goes on somewhere. */
const OPEN_ENDED = ';；,，、:：';
/** Attribution keywords (both scripts), to check that the unclosed bracket itself holds the attribution. */
const KEYWORD = /牵头|牽頭|责任单位|責任單位|责任部门|責任部門|配合|协办|協辦|参加|參加|参与|參與|负责|負責|完成时限|完成時限|完成时间|完成時間|时间节点|時間節點|时限要求|時限要求|完成期限/;
const SPACE = /[\s\u00a0\u3000\u200b\ufeff]/;

/**
 * An unclosed bracket. Nothing is offered where the reader is unsure that it is unclosed (a closer that may be its own
 * stands in the lines after its paragraph). A safe fix closes it at the end of its paragraph's last line (the line
 * it opens on, or the last a hard wrap joined to it) only when that is the one place it can close: the rest of the
 * paragraph is the attribution itself (a keyword outside any nested bracket, nested brackets balanced, no sentence
 * end, not cut short after a separator). A paragraph ending in `。` gets a suggestion to close before it; one cut
 * short after `;` `、` `:` gets a suggestion to close at its end; anything else gets no fix.
 */
function unclosed(plan: PlanDocument, attribution: Attribution, problem: AttributionProblem): Report {
  const text = plan.text;
  const open = text.slice(problem.span.start, problem.span.end);
  const close = CLOSER[open];
  const report: Report = { messageId: 'unclosed', span: problem.span, data: { open, close: close ?? '' } };
  if (close === undefined || problem.unsure) return report;
  const lineEnd = endOfLine(text, Math.max(problem.span.end, attribution.span.end));
  let contentEnd = lineEnd;
  while (contentEnd > problem.span.end && SPACE.test(text[contentEnd - 1]!)) contentEnd--;
  // The model's attribution must reach the end of that line (it stops at its paragraph's end when unclosed).
  if (contentEnd <= problem.span.end || attribution.span.end !== contentEnd) return report;
  // Scraping pinyin `(fā)` is a balanced pair and holds no keyword, so it changes none of the checks below.
  const rest = text.slice(problem.span.end, contentEnd);
  const shape = shapeOf(rest);
  if (!shape.balanced || !shape.keywordOutside) return report;
  const last = rest[rest.length - 1]!;
  for (let i = 0; i + 1 < rest.length; i++) if (STOPS.includes(rest[i]!)) return report;
  const at = (offset: number, messageId: string, data: Record<string, string>): RuleFix => ({
    messageId,
    data,
    edits: [{ span: { start: offset, end: offset }, newText: close }],
  });
  if (STOPS.includes(last)) return { ...report, suggestions: [at(contentEnd - 1, 'closeBeforeStop', { close, stop: last })] };
  if (OPEN_ENDED.includes(last)) return { ...report, suggestions: [at(contentEnd, 'closeAtLineEnd', { close })] };
  return { ...report, fix: at(contentEnd, 'closeAtLineEnd', { close }) };
}

function endOfLine(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/**
 * Whether brackets nested in `rest` balance, and whether a keyword stands outside them. The text outside is
 * put together from slices, with a space for each bracketed part that holds text (so a keyword is never
 * read across one), not one character at a time: a 1 MB line made a rope of a million pieces.
 */
function shapeOf(rest: string): { balanced: boolean; keywordOutside: boolean } {
  let depth = 0;
  const outside: string[] = [];
  let runStart = 0;
  let filled = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    const opener = OPENERS.includes(c);
    if (!opener && !CLOSERS.includes(c)) {
      if (depth > 0) filled = true;
      continue;
    }
    if (depth === 0) outside.push(rest.slice(runStart, i));
    if (opener) depth++;
    else if (depth === 0) return { balanced: false, keywordOutside: false };
    else depth--;
    if (depth === 0) {
      if (filled) outside.push(' ');
      filled = false;
      runStart = i + 1;
    }
  }
  if (depth === 0) outside.push(rest.slice(runStart));
  else if (filled) outside.push(' ');
  // A keyword a hard wrap cut (`牵头单` / `位`) is read whole.
  return { balanced: depth === 0, keywordOutside: KEYWORD.test(oneLine(outside.join(''))) };
}

// ---------------------------------------------------------------------------------------------
// A lead unit listed again as responsible.

/** Separators between units that a removal may take along: `、` always; `，` `,` inside a field, where they only separate units. */
function separatorsFor(attribution: Attribution): string {
  return attribution.style === 'bracket' || attribution.style === 'field' ? '、，,' : '、';
}

/** The edit that deletes the unit and one separator next to it (the one after, else the one before); null when there is none. */
function removalOf(plan: PlanDocument, attribution: Attribution, problem: AttributionProblem) {
  const text = plan.text;
  const { start, end } = problem.span;
  if (!(start >= 0 && end > start && end <= text.length)) return null;
  const seps = separatorsFor(attribution);
  const after = text[end];
  if (after !== undefined && seps.includes(after)) return { span: { start, end: end + 1 }, newText: '' };
  const before = text[start - 1];
  if (before !== undefined && seps.includes(before)) return { span: { start: start - 1, end }, newText: '' };
  return null;
}
