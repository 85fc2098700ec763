// Pathological inputs for one rule's own search, measured by the linear-cost test beside bench/pathological.ts's shapes.
import { CASES, type PathologicalCase } from '../../bench/pathological.js';

/** CJK Unified Ideographs, then Extension A: 27,494 characters to write distinct names with. */
const HAN = 20_902;
const EXT_A = 6_592;

/** The `p`-th of those characters (from the start again past the end: only at the bench's sizes). */
function han(p: number): string {
  const q = p % (HAN + EXT_A);
  return String.fromCharCode(q < HAN ? 0x4e00 + q : 0x3400 + q - HAN);
}

/** Shapes that stress a rule rather than the grammar or the model. */
export const RULE_CASES: readonly PathologicalCase[] = [
  {
    name: 'distinct-units',
    what: 'thousands of distinct unit names of several lengths, and short and full names (PL007 compares them)',
    benchSize: '5,000 tasks',
    benchUnits: 5_000,
    minTestUnits: 100,
    build: (n) => {
      const lines = ['青岚市2024年度工作要点', '', '一、主要任务', ''];
      // Names of 1 to 6 characters between `市` and `局`, no character used twice (up to ~7,000 tasks): all in
      // the one bucket (first character, ending) that PL007 pairs within, of several lengths, none a short form
      // of another; and every tenth task also names a short and a full form of one unit, which do link.
      let p = 0;
      const fresh = (length: number) => {
        let s = '';
        for (let k = 0; k < length; k++) s += han(p++);
        return s;
      };
      for (let i = 0; i < n; i++) {
        const lead = `市${fresh(1 + (i % 6))}局`;
        const inner = i % 10 === 0 ? fresh(2) : '';
        const pair = inner ? `；责任单位：市政府${inner}办、市${inner}办` : '';
        lines.push(`${(i % 999) + 1}.推进第${i + 1}项工作。【牵头单位：${lead}${pair}；完成时限：2024年底前】`, '');
      }
      return lines.join('\n');
    },
  },
];

/** Every shape the linear-cost test measures. */
export const ALL_CASES: readonly PathologicalCase[] = [...CASES, ...RULE_CASES];
