// Deadline phrases as the grammar finds them: where they are and how each is built, before the model dates them.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CANDIDATE, CANDIDATE_FIRSTS, nextCandidate } from '../../grammar/deadline.js';
import { DeadlineScan, deadlineStartsAt, onlyFillerAround, type DeadlinePhrase } from '../../grammar/index.js';

/** Each phrase of `text` in `mode` as `text:shape` — a date's shape being `[year]precision m1-m2` (a range `a..b`). */
function phrasesOf(text: string, mode: 'field' | 'prose'): string[] {
  const found: DeadlinePhrase[] = [];
  const scan = new DeadlineScan(text, mode);
  for (let p = scan.next(); p !== null; p = scan.next()) found.push(p);
  return found.map((p) => {
    const words = text.slice(p.from, p.to);
    if (p.expr === null) return `${words}:${p.holiday ? 'holiday' : 'ongoing'}`;
    const year = (y: { kind: string; value?: number; delta?: number }) => (y.kind === 'written' ? String(y.value) : y.kind === 'relative' ? `+${y.delta}` : '');
    const part = (x: NonNullable<typeof p.expr>['last']) => `${year(x.year)}${x.win.precision} ${x.win.m1}-${x.win.m2}`;
    const shape = (p.expr.first ? `${part(p.expr.first)}..` : '') + part(p.expr.last);
    return `${words}:${shape}${p.expr.recurring ? ' recurring' : ''}${p.since ? ' since' : ''}`;
  });
}

describe('deadline phrases', () => {
  const CASES: [string, 'field' | 'prose', string[]][] = [
    ['2026年9月底前', 'field', ['2026年9月底前:2026month 9-9']],
    ['上半年', 'field', ['上半年:half 1-6']],
    ['第三季度', 'field', ['第三季度:quarter 7-9']],
    ['2025—2027年', 'field', ['2025—2027年:2025year 1-12..2027year 1-12']],
    ['3月1日至4月15日', 'field', ['3月1日至4月15日:day 3-3..day 4-4']],
    ['每季度末', 'field', ['每季度末:quarter 1-3 recurring']],
    ['明年6月', 'field', ['明年6月:+1month 6-6']],
    ['长期坚持', 'field', ['长期坚持:ongoing']],
    // Work that goes on through the year, a clause of its own: ongoing; inside other words, none.
    ['由县应急局负责督导检查，贯穿全年。', 'prose', ['贯穿全年:ongoing']],
    ['把安全发展理念贯穿全年工作始终', 'prose', []],
    // Work pushed on through the plan's year, a clause of its own: that year, as `在全年` is; inside a clause, none.
    ['由县农业农村局负责技术指导，全年推进。', 'prose', ['全年推进:+0year 1-12']],
    ['全年开展巡河督查', 'prose', []],
    // A year and `全年` (the whole of it, said twice): that year, in a field; in prose as a clause of its own, with a verb
    // of ongoing work or not. Inside a clause it names the year's figures; a year alone as a clause is no bound.
    ['2027年全年', 'field', ['2027年全年:2027year 1-12']],
    ['组织河湖“清四乱”专项整治，2027年全年。', 'prose', ['2027年全年:2027year 1-12']],
    ['由县市场监管局负责，2027年全年推进。', 'prose', ['2027年全年:2027year 1-12']],
    ['（县文旅局牵头，全年）', 'prose', ['全年:+0year 1-12']],
    ['2027年全年粮食总产量稳定在30万吨以上', 'prose', []],
    ['确保完成全年目标任务。', 'prose', []],
    ['组织河湖“清四乱”专项整治，2027年。', 'prose', []],
    // Mid-year, with a cue in prose (`完成`, `前`); never inside another word, nor without a cue.
    ['完成管网排查，年中完成。', 'prose', ['年中:half 1-6']],
    ['力争年中前建成', 'prose', ['年中前:half 1-6']],
    ['年中', 'field', ['年中:half 1-6']],
    ['组织青少年中小学生视力筛查', 'prose', []],
    ['争取今年中央预算内资金', 'prose', []],
    ['年中开展一次督查', 'prose', []],
    // Work done so many times in each period: a recurring deadline; a quantity per period sets no time.
    ['组织消防演练，每年开展一次。', 'prose', ['每年:year 1-12 recurring']],
    ['每季度至少召开一次联席会议', 'prose', ['每季度:quarter 1-3 recurring']],
    ['每半年组织开展两次评估', 'prose', ['每半年:half 1-6 recurring']],
    ['每年减少化肥使用量3%', 'prose', []],
    ['每年培训新型职业农民500人次', 'prose', []],
    ['每年开展培训800人次', 'prose', []],
    // Work done as it comes: a clause of its own in prose, not words of another clause.
    ['做好选址服务，即时办理。', 'prose', ['即时办理:ongoing']],
    ['窗口受理后立即办理', 'prose', []],
    ['即时办结率达到98%', 'prose', []],
    ['建立即时办理机制', 'prose', []],
    ['国庆节前完成', 'prose', ['国庆节前:holiday']],
    // A month and a day in digits with `前` after them; a fraction or a decimal is no date.
    ['6/30前', 'field', ['6/30前:day 6-6']],
    ['6.30前完成', 'prose', ['6.30前:day 6-6']],
    ['增长3.5%，完成1/2', 'prose', []],
    // A year's holiday or season is that bound, not the whole year.
    ['2025年春节前', 'field', ['2025年春节前:holiday']],
    ['2024年主汛期前完成', 'prose', ['2024年主汛期前:holiday']],
    // A school term's start or the term itself, with its bound: a period with no computed end (terms start on no fixed
    // day), as a holiday is; a term without a bound is no time bound (`秋季学期课程`).
    ['，秋季开学前完成排查', 'prose', ['秋季开学前:holiday']],
    ['2025年秋季开学前完成', 'prose', ['2025年秋季开学前:holiday']],
    ['2026年春季学期开学前', 'field', ['2026年春季学期开学前:holiday']],
    ['春季学期期间', 'field', ['春季学期期间:holiday']],
    ['开设秋季学期课程', 'prose', []],
    // A season or a term written as the bound's whole clause (a field's value, `（…负责，秋季开学）`), with its year or
    // not, is that period: `2025年暑假` is not the whole year 2025. Inside the words of a clause it is none.
    // A month or a quarter in Chinese numerals right after a word that sets a time (`力争` `争取` `确保`).
    ['力争三季度完成', 'prose', ['三季度:quarter 7-9']],
    ['确保十月底前完成', 'prose', ['十月底前:month 10-10']],
    ['落实保一争二目标', 'prose', []],
    ['2025年秋季学期', 'field', ['2025年秋季学期:holiday']],
    ['2025年暑假', 'field', ['2025年暑假:holiday']],
    ['秋季开学', 'field', ['秋季开学:holiday']],
    ['2025年暑假组织夏令营', 'prose', []],
    // The seasons of farm work and of a campaign, with their year or not, one or two run together: a period, as a
    // holiday is; inside other words (`秋收起义`, `小麦收割`, `秋冬季大气污染`) or inside a clause, none.
    ['2026年秋收期间', 'field', ['2026年秋收期间:holiday']],
    ['（县农机中心牵头；2027年麦收前）', 'prose', ['2027年麦收前:holiday']],
    ['（县林业局牵头；2026年秋冬季）', 'prose', ['2026年秋冬季:holiday']],
    ['，春耕前完成农资储备', 'prose', ['春耕前:holiday']],
    ['夏收夏种期间', 'field', ['夏收夏种期间:holiday']],
    ['开展秋冬季大气污染综合治理攻坚', 'prose', []],
    ['组织参观秋收起义纪念馆', 'prose', []],
    ['做好小麦收割前的农机检修', 'prose', []],
    ['加强三夏期间秸秆禁烧巡查', 'prose', []],
    ['抓好春耕备耕物资储备', 'field', []],
    // In prose a date counts only with a cue, never as a starting point or a target.
    ['力争于2026年6月底前建成投用', 'prose', ['2026年6月底前:2026month 6-6']],
    ['2019年以来累计完成', 'prose', []],
    ['到2027年，基本形成体系', 'prose', []],
    ['从5月10日起施行', 'prose', ['5月10日起:day 5-5 since']],
    // A date that tells when the thing the task names was done (`…前建成的小区`) is no bound; the task's own one is.
    ['完成2000年底前建成的老旧小区改造，2026年11月底前完工', 'prose', ['2026年11月底前:2026month 11-11']],
    ['清理2025年底前形成的拖欠账款', 'prose', []],
    ['2026年6月底前完成，的确有难度', 'prose', ['2026年6月底前:2026month 6-6']],
    // The years of another document's title, and numbers that are no dates.
    ['落实《规划（2021—2025年）》要求', 'field', []],
    ['3年内', 'field', []],
  ];
  for (const [text, mode, expected] of CASES) it(`${mode}: ${text}`, () => assert.deepEqual(phrasesOf(text, mode), expected));

  it('tells a cell holding one deadline and filler from one holding other words', () => {
    assert.equal(onlyFillerAround('于2026年底前完成', 1, 8), true);
    assert.equal(onlyFillerAround('2026年底前完成验收', 0, 7), false);
  });

  it('sees where a deadline starts at the end of a unit list', () => {
    assert.equal(deadlineStartsAt('县水利局、2026年底前', 5), true);
    assert.equal(deadlineStartsAt('县水利局、县财政局', 5), false);
  });
});

describe('deadline phrases: where the scan looks', () => {
  // `nextCandidate` tries the candidate pattern only where one of its first characters stands; the reference tries it
  // at every position, as a lookahead.
  const everywhere = new RegExp(`(?=${CANDIDATE.source})`, 'g');
  const reference = (s: string, from: number): number => {
    everywhere.lastIndex = from;
    return everywhere.test(s) ? everywhere.lastIndex : -1;
  };
  // Every character the pattern names, and some it does not.
  const alphabet = [...new Set([...CANDIDATE.source.replace(/[\\[\]()?:|{}^$.*+-]/g, ''), ...'年月季日号底末内半度期续效一二三四，。、 a7Ｑ'])];

  it('finds the place a lookahead tried at every position finds, from any offset', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), fc.nat(40), (chars, from) => {
        const s = chars.join('');
        assert.equal(nextCandidate(s, from), reference(s, from));
      }),
      { numRuns: 3000 },
    );
  });

  it('lists the first character of every alternative', () => {
    for (const ch of alphabet) {
      // Any alternative that can start with `ch` matches `ch` followed by some continuation of the alphabet's.
      for (const next of ['年', '月', '季', '半年', '一季', '1', '期', '续', '旦', '节', '明', '一', '秋', '庆', '汛期', '假', '态化', '效', '日', '度底']) {
        CANDIDATE.lastIndex = 0;
        if (CANDIDATE.test(ch + next)) assert.ok(CANDIDATE_FIRSTS.includes(ch), `${ch}${next} starts a candidate`);
      }
    }
  });
});
