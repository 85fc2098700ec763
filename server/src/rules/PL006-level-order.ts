// PL006 level-order: numbering levels out of the GB/T 9704-2012 §7.3.3 order 一、→（一）→1.→（1）: a higher level after a lower one under the same heading, or a skipped level.
import type { Rule } from '../lint/rule.js';
import { invertedSections, markerWithNumber, outlinesOf, outsideOutline } from '../model/numbering.js';
import type { Section } from '../model/types.js';

export const rule: Rule = {
  id: 'PL006',
  name: 'level-order',
  defaultSeverity: 'warning',
  tags: ['numbering'],
  fixable: 'none',
  description: {
    'zh-CN':
      '编号层级顺序错误。公文结构层次依次为“一、”“（一）”“1.”“（1）”（GB/T 9704—2012 第7.3.3条），其下可再用“①”。检查两种情况：同一上级下，较高层级的编号排在较低层级的编号之后（如“一、”下先有“1.”“2.”，后出现“（一）”）；下级编号跳过了本文其他位置使用的层级（如本文用了“（一）”，某处“一、”下却直接用“1.”）。本文从未使用的层级可以跳过（如全文不用“（一）”时，“一、”下可直接用“1.”）；“①”不受跳级限制；不分配任务的章节（如“保障措施”“工作要求”）下的条目不检查跳级',
    en: 'Numbering levels out of order. The levels are 一、, （一）, 1., （1） (GB/T 9704-2012 §7.3.3), optionally followed by ①. Two cases are flagged: under one heading, a higher level comes after a lower one (一、 with 1. and 2. and then （一）); and an item skips a level that the document uses elsewhere (the document uses （一）, yet somewhere 1. sits directly under 一、). A level the document never uses may be skipped (一、 directly followed by 1. in a document without any （一）); ① may sit under any level; the items of a section that assigns no work (保障措施, 工作要求) are not checked for a skipped level',
  },
  messages: {
    inverted: {
      'zh-CN': '层级顺序颠倒：较高层级的“{child}”排在同一上级下较低层级的“{previous}”之后',
      en: 'Levels out of order: "{child}" is a higher level than "{previous}" before it under the same heading',
    },
    skipped: {
      'zh-CN': '跳级：“{child}”直接位于“{parent}”之下，跳过了本文其他位置使用的“{skipped}”一级',
      en: 'Level skipped: "{child}" sits directly under "{parent}", skipping the "{skipped}" level that the document uses elsewhere',
    },
    skippedTwo: {
      'zh-CN': '跳级：“{child}”直接位于“{parent}”之下，跳过了本文其他位置使用的“{skipped}”“{skipped2}”两级',
      en: 'Levels skipped: "{child}" sits directly under "{parent}", skipping the "{skipped}" and "{skipped2}" levels that the document uses elsewhere',
    },
  },
  check({ plan, report }) {
    const excluded = outsideOutline(plan);
    const sections = excluded.size === 0 ? plan.allSections : plan.allSections.filter((s) => !excluded.has(s));
    const inverted = invertedSections(plan);
    // The first marker of each level 1–4, to show a skipped level in the document's own form.
    // The levels each outline uses: an attachment that lists tasks numbers with levels of its own.
    const outlines = outlinesOf(plan);
    const firstOfLevel: (Section | undefined)[][] = [];
    for (let k = 0; k < outlines.count; k++) firstOfLevel.push([]);
    // A level only the items of a section that assigns no work use (`二、保障措施` then `（一）`) is not used elsewhere: the
    // tasks' chapters may number `1.` directly.
    for (const s of sections) if (s.marker.level <= 4 && !(s.parent?.nonTask ?? false)) firstOfLevel[outlines.of(s)]![s.marker.level] ??= s;
    for (const [section, previous] of inverted) {
      report({ messageId: 'inverted', span: section.marker.span, data: { child: section.marker.text, previous: previous.marker.text } });
    }
    for (const parent of sections) {
      // The items of a section that assigns no work (`三、保障措施` then `1.` `2.`) are often numbered a level down
      // whatever the task chapters use: a skip there is the plan's layout, not a slip.
      if (parent.marker.level > 4 || parent.children.length === 0 || parent.nonTask) continue;
      // The first child of each level under this heading (top-level sections have no heading to judge by).
      const firstChild: (Section | undefined)[] = [];
      for (const child of parent.children) {
        if (child.marker.level <= 5 && !excluded.has(child)) firstChild[child.marker.level] ??= child;
      }
      for (let level = parent.marker.level + 2; level <= 4; level++) {
        const child = firstChild[level];
        // A skip is judged once per heading and level, on the first such child; ① is exempt; an inverted
        // child is reported above; and when the skipped level appears under the same heading, the levels
        // are inverted there, not skipped.
        if (child === undefined || inverted.has(child)) continue;
        let sameHeading = false;
        const skipped: string[] = [];
        for (let between = parent.marker.level + 1; between < level; between++) {
          if (firstChild[between] !== undefined) sameHeading = true;
          const used = firstOfLevel[outlines.of(parent)]![between];
          if (used) skipped.push(markerWithNumber(used.marker, 1) ?? used.marker.text);
        }
        if (sameHeading || skipped.length === 0) continue;
        report({
          messageId: skipped.length === 1 ? 'skipped' : 'skippedTwo',
          span: child.marker.span,
          data: { child: child.marker.text, parent: parent.marker.text, skipped: skipped[0]!, skipped2: skipped[1] ?? '' },
        });
      }
    }
  },
};
