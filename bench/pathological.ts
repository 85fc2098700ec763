// Pathological inputs for the linear-cost checks (DESIGN §8): each built at any size, so that 1× and 4× can be compared.
//
// Shared by bench/linear.ts (1× = the sizes the issue names: a 1 MB line, 10,000 nested brackets,
// 10,000 siblings, a 100,000-row table, 1 MB of `、`, 1 MB of markers) and test/perf/linear.test.ts
// (the same shapes at about 50 KB). Text comes from fixed strings, not the samples, so a sample edit
// never changes what is measured.

/** One pathological shape. `build(units)` writes `units` repetitions of its unit. */
export interface PathologicalCase {
  name: string;
  /** What it is, for tables and test titles. */
  what: string;
  /** The bench's 1×, in words (`1 MB`, `10,000 deep`). */
  benchSize: string;
  /** Units at the bench's 1× (the issue's sizes). */
  benchUnits: number;
  /** The test's 1× never shrinks below this (where the cost only shows from some size on). */
  minTestUnits?: number;
  build(units: number): string;
}

const MB = 1024 * 1024;

/** CJK prose without any punctuation, line break or digit, but with attribution keywords in it (`牵头` `负责` `参加` `由`). */
const RUN =
  '推进法治政府建设由市司法局牵头负责市直各部门参加持续深化行政执法体制改革完善行政执法程序健全行政裁量权基准制度全面落实行政执法责任制加强行政执法队伍建设严格规范公正文明执法';
const runBytes = Buffer.byteLength(RUN, 'utf8');

const OPEN = ['[', '【', '(', '（'];
const CLOSE = [']', '】', ')', '）'];

const marker = (i: number): string => {
  // A cycle through every level's form, numbers within what a marker can hold.
  const n = (i % 9) + 1;
  const cn = '一二三四五六七八九'[n - 1]!;
  switch (i % 7) {
    case 0:
      return `${cn}、`;
    case 1:
      return `(${cn})`;
    case 2:
      return `${n}.`;
    case 3:
      return `(${n})`;
    case 4:
      return String.fromCharCode(0x2460 + n - 1);
    case 5:
      return `${cn}是`;
    default:
      return `第${cn},`;
  }
};

export const CASES: readonly PathologicalCase[] = [
  {
    name: 'long-line',
    what: 'one line of text without punctuation',
    benchSize: '1 MB',
    benchUnits: Math.round(MB / runBytes),
    build: (n) => '关于推进依法行政的实施方案\n\n一、重点任务\n\n1.' + RUN.repeat(n),
  },
  {
    name: 'nested-brackets',
    what: 'brackets nested around an attribution',
    benchSize: '10,000 deep',
    benchUnits: 10_000,
    build: (n) => {
      const opens: string[] = [];
      const closes: string[] = [];
      for (let i = 0; i < n; i++) {
        opens.push(OPEN[i % 4]! + '任务');
        closes.push(CLOSE[i % 4]!);
      }
      return `关于推进依法行政的实施方案\n\n一、重点任务\n\n1.加强审核。${opens.join('')}牵头单位:市司法局;完成时限:2024年底前${closes.reverse().join('')}\n`;
    },
  },
  {
    name: 'unclosed-brackets',
    what: 'attribution brackets opened and never closed',
    benchSize: '10,000',
    benchUnits: 10_000,
    build: (n) => `关于推进依法行政的实施方案\n\n一、重点任务\n\n1.加强审核。${'[牵头单位:市司法局(市'.repeat(n)}\n`,
  },
  {
    name: 'wrapped-brackets',
    what: 'attribution brackets hard-wrapped over lines, keywords cut by the wraps, every other bracket left open',
    benchSize: '10,000',
    benchUnits: 10_000,
    build: (n) => {
      const lines = ['关于推进依法行政的实施方案', '', '一、重点任务'];
      for (let i = 0; i < n; i++) {
        // A line break a reader must tell from a paragraph's end: after an open bracket, inside a keyword, in a name.
        lines.push(`${(i % 999) + 1}.加强第${i}项审核。（牵头单`, '位：市司法局；责任单位：市财', '政局；完成时');
        lines.push(i % 2 === 0 ? '限：2024年底前）' : '限：2024年底前');
      }
      return lines.join('\n') + '\n';
    },
  },
  {
    name: 'siblings',
    what: 'sibling tasks under one heading, numbers cycling 1–999',
    benchSize: '10,000',
    benchUnits: 10_000,
    // A search per attribution that runs on to the text's end costs little at a few hundred tasks: the test reads
    // at least 2,500 (and 10,000), where such a search made the model read 11× (it shipped once, found by the bench).
    minTestUnits: 2_500,
    build: (n) => {
      const lines = ['关于推进依法行政的实施方案', '', '一、重点任务', ''];
      for (let i = 0; i < n; i++) {
        lines.push(`${(i % 999) + 1}.加强第${i}项审核。[牵头单位:市司法局${i % 50};责任单位:市财政局、市审计局;完成时限:2024年${(i % 12) + 1}月底前]`, '');
      }
      return lines.join('\n');
    },
  },
  {
    name: 'covering-statements',
    what: 'pairs of items, each pair closed by a statement that covers the items above it (以上工作由…牵头)',
    benchSize: '10,000 pairs',
    benchUnits: 10_000,
    // Each item takes the statement after it, back to the one before: a search of the heading's statements per item made
    // the model read 8× at 16,000 pairs (found in review).
    minTestUnits: 2_500,
    build: (n) => {
      const lines = ['关于推进河道治理的实施方案', '一、主要任务'];
      for (let i = 0; i < n; i++) lines.push('（一）清理河道垃圾。', '（二）整治入河排口。', `以上工作由县水利局${i % 50}牵头，各乡镇配合。`);
      return lines.join('\n') + '\n';
    },
  },
  {
    name: 'plan-title-lines',
    what: 'short lines ending like a plan\'s title after the plan\'s sections, no numbered paragraph after them',
    benchSize: '100,000 lines',
    benchUnits: 100_000,
    // Each such line may head a second plan pasted in, known by the numbered paragraph after it: a look-ahead per line
    // over the same unnumbered lines made the model read 10× from 3,000 lines to 12,000 (5 s at 40,000 longer lines).
    build: (n) => {
      const lines = ['关于推进依法行政的实施方案', '一、重点任务', '（一）加强审核。（牵头单位：市司法局；完成时限：2024年6月底前）'];
      for (let i = 0; i < n; i++) lines.push('专项方案');
      return lines.join('\n') + '\n';
    },
  },
  {
    name: 'table-rows',
    what: 'a Markdown task table',
    benchSize: '100,000 rows',
    benchUnits: 100_000,
    build: (n) => {
      const lines = ['# 关于推进依法行政的实施方案', '', '附件：重点任务分解表', '', '| 序号 | 重点工作任务 | 牵头单位 | 责任单位 | 完成时限 |', '| --- | --- | --- | --- | --- |'];
      for (let i = 0; i < n; i++) lines.push(`| ${i + 1} | 加强第${i}项审核 | 市司法局${i % 50} | 市财政局、市审计局 | 2024年${(i % 12) + 1}月底前 |`);
      return lines.join('\n') + '\n';
    },
  },
  {
    name: 'table-and-body',
    what: 'body tasks and a task table listing them, every title distinct (PL011 compares the two)',
    benchSize: '2,000 tasks',
    // Sized like the other cases (~0.6 MB at 1×): at 110 tasks (31 KB, the size PL011's old all-pairs matching
    // exposed) the rules take ~2 ms in a fresh process, and JIT warm-up alone reads as super-linear.
    benchUnits: 2_000,
    minTestUnits: 100,
    build: (n) => {
      const body = ['关于推进依法行政的实施方案', '', '一、重点任务', ''];
      const table = ['附件：重点任务分解表', '', '| 序号 | 重点工作任务 | 牵头单位 | 责任单位 | 完成时限 |', '| --- | --- | --- | --- | --- |'];
      for (let i = 0; i < n; i++) {
        const title = `完善第${cnDigits(i)}类行政执法事项清单`;
        body.push(`(${cnSection(i)})${title}。统一执法标准，规范执法程序。[牵头单位:市司法局${i % 50};责任单位:市财政局;完成时限:2024年${(i % 12) + 1}月底前]`, '');
        table.push(`| ${i + 1} | ${title} | 市司法局${i % 50} | 市财政局 | 2024年${(i % 12) + 1}月底前 |`);
      }
      return [...body, ...table].join('\n') + '\n';
    },
  },
  {
    name: 'list-and-body',
    what: 'body tasks and an attachment listing them again as numbered items, every title distinct (read once each)',
    benchSize: '2,000 tasks',
    // Sized as `table-and-body`, whose matching the list's tasks share.
    benchUnits: 2_000,
    minTestUnits: 100,
    build: (n) => {
      const body = ['关于推进依法行政的实施方案', '', '一、重点任务', ''];
      const list = ['附件', '', '重点任务清单', ''];
      for (let i = 0; i < n; i++) {
        const title = `完善第${cnDigits(i)}类行政执法事项清单`;
        body.push(`(${cnSection(i)})${title}。统一执法标准，规范执法程序。[牵头单位:市司法局${i % 50};责任单位:市财政局]`, '');
        list.push(`${i + 1}.${title}。（牵头单位：市司法局${i % 50}；完成时限：2024年${(i % 12) + 1}月底前）`);
      }
      return [...body, ...list].join('\n') + '\n';
    },
  },
  {
    name: 'enum-commas',
    what: '`、` on one line',
    benchSize: '1 MB',
    benchUnits: Math.round(MB / 3),
    build: (n) => '、'.repeat(n),
  },
  {
    name: 'enum-commas-field',
    what: '`、` filling a 牵头单位 field',
    benchSize: '1 MB',
    benchUnits: Math.round(MB / 3),
    build: (n) => `关于推进依法行政的实施方案\n\n一、重点任务\n\n1.加强审核。[牵头单位:${'市司法局、'.repeat(Math.max(1, Math.round(n / 15)))}${'、'.repeat(n)}]\n`,
  },
  {
    name: 'units-in-one-field',
    what: 'one 责任单位 field listing thousands of units, parted by `、`, spaces and `和`',
    benchSize: '60,000 units',
    benchUnits: 60_000,
    // Each unit once looked back over the list before it (are the units before it co-operating?), and each `和` on
    // over the list after it (does a unit's name follow?): both grew with the square of the list.
    minTestUnits: 3_000,
    build: (n) => {
      const seps = ['、', ' ', '和'];
      let list = '';
      for (let i = 0; i < n; i++) list += `县甲${i % 97}局${seps[i % 3]}`;
      return `关于推进依法行政的实施方案\n\n一、重点任务\n\n1.加强审核。责任单位：${list}\n`;
    },
  },
  {
    name: 'only-markers',
    what: 'a file of markers only, one per line, every level',
    benchSize: '1 MB',
    benchUnits: Math.round(MB / 5),
    build: (n) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(marker(i));
      return out.join('\n') + '\n';
    },
  },
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
  {
    name: 'flat-merged-rows',
    what: 'a one-cell-per-line table, cells closed by ` |`, rows with more cells than columns (each cell placed by content)',
    benchSize: '20,000 rows',
    benchUnits: 20_000,
    build: (n) => {
      const lines = ['青岚市2024年重点工作责任清单', '序号 |', '重点工作 |', '责任领导 |', '责任单位 |', '完成时限 |', '评分部门 |'];
      for (let i = 0; i < n; i++) {
        lines.push(`${i + 1} |`, `推进第${i}项工作，6月底前完成方案 |`, '李明 |', `市司法局${i % 50} |`, '市财政局 |', '各区县 |', '年内 |', '市考核办 |');
      }
      return lines.join('\n') + '\n';
    },
  },
  {
    name: 'space-table',
    what: 'a table copied with spaces between its cells, a header broken inside its names, rows run on over lines',
    benchSize: '20,000 rows',
    benchUnits: 20_000,
    build: (n) => {
      const lines = ['青岚市2024年重点工作任务表', '序号 重点工作任务 牵头  领导 牵头 责任单位 配合 责任单位 工作评价 备注'];
      for (let i = 0; i < n; i++) lines.push(`${i + 1} 推进第${i}项工作。 李  明 市司法局${i % 50} 市财政局`, '各区县 达到时序进度');
      return lines.join('\n') + '\n';
    },
  },
  {
    name: 'tsv-cut-cells',
    what: 'a tab-separated table copied from Word, cells holding line breaks (a list of measures, a unit list), rows that lost their last cells',
    benchSize: '20,000 rows',
    benchUnits: 20_000,
    build: (n) => {
      const lines = ['青岚市2024年重点工作任务表', '序号\t重点工作任务\t具体措施\t牵头单位\t配合单位\t完成时限'];
      for (let i = 0; i < n; i++) {
        const number = (i % 999) + 1;
        if (i % 3 === 0) lines.push(`${number}\t推进第${i}项工作\t1.制定方案；`, '2.组织实施；', `3.总结评估。\t市司法局${i % 50}\t市财政局、`, '各区县\t2024年底前');
        else if (i % 3 === 1) lines.push(`${number}\t推进第${i}项工作\t完成评估\t市司法局${i % 50}`);
        else lines.push(`${number}\t推进第${i}项工作\t完成评估\t市司法局\t市财政局\t2024年6月底前`);
      }
      return lines.join('\n') + '\n';
    },
  },
  {
    name: 'paged-tables',
    what: 'a space-separated and a one-cell-per-line table over many pages, each page a page number and the header again, cells that open as the header does',
    benchSize: '20,000 rows',
    benchUnits: 20_000,
    build: (n) => {
      const header = ['序号', '重点工作任务', '牵头单位', '责任单位', '完成时限'];
      const space = ['青岚市2024年重点工作任务表', header.join(' ')];
      const flat = ['附件2', ...header];
      for (let i = 0; i < n; i++) {
        const row = [`${i + 1}`, `序号重点工作任务第${i}项`, `市司法局${i % 50}`, '市财政局', '2024年底前'];
        space.push(row.join(' '));
        flat.push(...row);
        if (i % 20 === 19) {
          space.push(`— ${i} —`, header.join('  '));
          flat.push(`— ${i} —`, ...header);
        }
      }
      return [...space, '', ...flat].join('\n') + '\n';
    },
  },
  {
    name: 'glued-table',
    what: 'a table whose cells a sharing page glued together, lines broken mid-row, the header repeated, rows without units',
    benchSize: '20,000 rows',
    benchUnits: 20_000,
    build: (n) => {
      const header = '序号项目名称主要内容分管领导牵头单位配合单位';
      let text = `青岚市2024年民生实事任务分解表${header}`;
      for (let i = 0; i < n; i++) {
        // The page breaks lines mid-word and opens each with its own count (`\n12、`).
        text += `${i + 1}推进第${i % 97}项实事${i % 9 === 8 ? `\n${i}、` : ''}完成改造12个,惠及居民3000户。`;
        if (i % 3 !== 2) text += `王建国市司法局各街道城投公司推进改造${i % 7}处。李娜民政局各乡镇`;
        if (i % 50 === 49) text += header;
      }
      return text + '\n';
    },
  },
];

/** CJK Unified Ideographs, then Extension A: 27,494 characters to write distinct names with. */
const HAN = 20_902;
const EXT_A = 6_592;

/** The `p`-th of those characters (from the start again past the end: only at the bench's sizes). */
function han(p: number): string {
  const q = p % (HAN + EXT_A);
  return String.fromCharCode(q < HAN ? 0x4e00 + q : 0x3400 + q - HAN);
}

/** `1234` → `一二三四`: distinct, never a marker (no `、` after it). */
function cnDigits(n: number): string {
  return String(n)
    .split('')
    .map((d) => '〇一二三四五六七八九'[Number(d)])
    .join('');
}

/** Section numbers cycle through 一…九百九十九 (a marker holds no more). */
function cnSection(i: number): string {
  const n = (i % 999) + 1;
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const d = '〇一二三四五六七八九';
  return (h ? d[h] + '百' : '') + (t ? (h === 0 && t === 1 ? '' : d[t]) + '十' : h && u ? '零' : '') + (u ? d[u] : '');
}

/** Units of `c` whose text is about `bytes` long (measured on a small build: the cases are uniform). */
export function unitsForBytes(c: PathologicalCase, bytes: number): number {
  const probe = 200;
  const small = Buffer.byteLength(c.build(probe), 'utf8');
  const base = Buffer.byteLength(c.build(0), 'utf8');
  const per = Math.max(1, (small - base) / probe);
  return Math.max(1, Math.round((bytes - base) / per));
}
