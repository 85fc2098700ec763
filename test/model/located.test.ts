// Lazy ranges (`Placed`): computed from spans on first read, equal to positions counted afresh, kept in JSON and in
// the copies sent to workers; and the code-unit text helpers equal the regular expressions they replaced.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { indexPlan } from '../../server/src/features/workspace-index.js';
import { parsePlan } from '../../server/src/model/plan.js';
import { foldCompact, foldHead, foldWidth, isSpace, isSpaceCode, isTrimCode, stripNoise, toSimplified, trimSpan, unitKey } from '../../server/src/model/text.js';
import type { PlanDocument, Position, Range, Span } from '../../server/src/model/types.js';
import { SAMPLES } from '../helpers/paths.js';

const SAMPLE_TEXTS = readdirSync(SAMPLES)
  .filter((f) => f !== 'README.md')
  .sort()
  .map((f) => [f, readFileSync(join(SAMPLES, f), 'utf8')] as const);

/** The position of `offset`, counted from the start of `text` without any line table (`\r\n`, `\r`, `\n` end a line). */
function countedPosition(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Every located thing of a plan with its span and its (lazy) range read now. */
function everyRange(plan: PlanDocument): [string, Span, Range][] {
  const out: [string, Span, Range][] = [];
  const add = (what: string, x: { span: Span; range: Range }) => out.push([what, x.span, x.range]);
  for (const s of plan.allSections) {
    add('section', s);
    add('marker', s.marker);
    out.push(['section title', s.titleSpan, s.titleRange]);
    for (const a of s.attributions) {
      add('attribution', a);
      for (const u of [...a.lead, ...a.responsible]) add('unit', u);
      for (const d of a.deadlines) add('deadline', d);
      for (const p of a.problems) add('problem', p);
    }
  }
  for (const t of plan.tasks) {
    add('task', t);
    if (t.section) out.push(['task title', t.section.titleSpan, t.titleRange]);
    for (const d of t.deadlines) add('task deadline', d);
  }
  for (const u of plan.units) add('unit', u);
  for (const table of plan.tables) {
    add('table', table);
    for (const row of table.rows) add('row', row);
  }
  for (const u of plan.unnumbered) add('unnumbered', u);
  for (const d of plan.directives) add('directive', d);
  for (const p of plan.problems) add('problem', p);
  return out;
}

function assertRangesCounted(text: string): number {
  const plan = parsePlan(text);
  const all = everyRange(plan);
  for (const [what, span, range] of all) {
    assert.deepEqual(range, { start: countedPosition(text, span.start), end: countedPosition(text, span.end) }, `${what} ${span.start}-${span.end}`);
  }
  return all.length;
}

describe('lazy ranges', () => {
  it('equal positions counted afresh, for everything located in every sample', () => {
    let n = 0;
    for (const [, text] of SAMPLE_TEXTS) n += assertRangesCounted(text);
    assert.ok(n > 500, `only ${n} located things in the samples`);
  });

  it('equal positions counted afresh in texts of plan pieces and mixed line breaks', () => {
    const pieces = ['一、', '(一)', '1.', '①', '一是', '[牵头单位:市司法局;完成时限:2021年6月底前]', '(市财政局牵头)', '由市审计局负责,市直各部门参加。',
      '\n', '\r\n', '\r', '\u3000', '| 序号 | 重点工作任务 | 牵头单位 |', '\t', '任务', '。', '<!-- planlint-disable PL001 -->'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), (parts) => void assertRangesCounted(parts.join(''))), { numRuns: 200 });
  });

  it('are read once and kept; a set range is kept too', () => {
    const plan = parsePlan('某市2021年工作方案\n一、重点任务\n1.清理文件。[牵头单位:市司法局]\n');
    const unit = plan.units[0]!;
    assert.equal(unit.range, unit.range);
    const task = plan.tasks[0]!;
    assert.equal(task.titleRange, task.section!.titleRange, "a body task's title range is its section's");
    const moved: Range = { start: { line: 9, character: 1 }, end: { line: 9, character: 2 } };
    unit.range = moved;
    assert.equal(unit.range, moved);
  });

  it('come from their own document', () => {
    const a = parsePlan('1.清理文件。[牵头单位:市司法局]');
    const b = parsePlan('\n\n\n1.清理文件。[牵头单位:市司法局]');
    assert.equal(a.units[0]!.range.start.line, 0);
    assert.equal(b.units[0]!.range.start.line, 3);
  });

  describe('in serialised outputs', () => {
    const text = [
      '某市2024年工作方案',
      '一、重点任务',
      '(一)清理文件。[牵头单位:市司法局;责任单位:市直各部门;完成时限:2024年6月底前]',
      '附件:任务分解表',
      '| 序号 | 重点工作任务 | 牵头单位 | 完成时限 |',
      '| --- | --- | --- | --- |',
      '| 1 | 清理文件 | 市司法局 | 2024年6月底前 |',
    ].join('\n');
    const plan = parsePlan(text);

    it('JSON carries every range as the getter gives it, title ranges included', () => {
      const task = plan.tasks[0]!;
      const json = JSON.parse(JSON.stringify(task, (key, value: unknown) => (['section', 'row', 'table'].includes(key) ? undefined : value))) as Record<string, unknown>;
      assert.deepEqual(json['range'], task.range);
      assert.deepEqual(json['titleRange'], task.titleRange);
      assert.deepEqual((json['lead'] as { range: Range }[])[0]!.range, task.lead[0]!.range);
      assert.deepEqual((json['deadline'] as { range: Range }).range, task.deadline!.range);
      const section = plan.allSections[1]!;
      const sectionJson = JSON.parse(JSON.stringify(section, (key, value: unknown) => (key === 'parent' ? undefined : value))) as Record<string, unknown>;
      assert.deepEqual([sectionJson['range'], sectionJson['titleRange']], [section.range, section.titleRange]);
      assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(plan.units[0]))).sort(), ['key', 'name', 'range', 'role', 'span']);
    });

    it('a worker message (structured clone of the workspace index) carries the ranges', () => {
      const indexed = structuredClone(indexPlan('file:///plan.plan', plan));
      assert.deepEqual(indexed.mentions.map((m) => m.range), plan.units.map((u) => u.range));
      assert.deepEqual(indexed.tasks.map((t) => t.range), plan.tasks.map((t) => t.range));
    });
  });
});

describe('code-unit text helpers equal the regular expressions they replace', () => {
  const codes = Array.from({ length: 0x10000 }, (_, c) => c);

  it('isSpaceCode is [\\s\\u00a0\\u3000\\u200b\\ufeff]; isTrimCode is \\s; isSpace agrees', () => {
    const space = /[\s\u00a0\u3000\u200b\ufeff]/;
    const trim = /\s/;
    const wrongSpace = codes.filter((c) => isSpaceCode(c) !== space.test(String.fromCharCode(c)));
    const wrongTrim = codes.filter((c) => isTrimCode(c) !== trim.test(String.fromCharCode(c)));
    const wrongIsSpace = codes.filter((c) => isSpace(String.fromCharCode(c)) !== space.test(String.fromCharCode(c)));
    assert.deepEqual([wrongSpace, wrongTrim, wrongIsSpace], [[], [], []]);
    assert.equal(isSpace(undefined), false);
    assert.equal(isSpace(''), false);
  });

  it('trimSpan drops spaces of any width at both ends only', () => {
    const text = '\u3000 \u00a0市 司法局\u200b\ufeff\t';
    assert.deepEqual(trimSpan(text, 0, text.length), { start: 3, end: 8 });
    assert.deepEqual(trimSpan(text, 0, 3), { start: 3, end: 3 });
  });

  /** The implementations these replaced, kept here as the reference. */
  const TRADITIONAL_REFERENCE =
    '牽頭單責負參與時間節點協辦門縣區廳屬關會黨員發衛財審計監務導組織傳體廣電視園農業環態備應條規劃資築設構營獄勞動險稅幹檢廠統貿歲醫療權訊軍學書長鄉鎮氣衆眾國場級個們為於實現標準優護華運輸檔歷專紀團聯鐵網絡報稱號複復議訴調處價產費經濟東車歸來' +
    // Script folding for document kinds and unit names (kind.ts reads titles and narrative in either script).
    '見讀記總結細預開題進達戰極據強較這項況績貫徹執認遞觀測讓論說請談譯證識試詳誤課講許該語諮詢謀變邊遠過還適選遺連週違災壞圍廢慶憲樹橋樣機殘無煙爭狀獎畫當盡盤確礎禮種穩積窮競範簡糧紅約納純紙終給絕絲維綜綠線緊編繼續罰職聽肅腦興舉舊藝藥蘇衝補製親覽覺訂討訓訪評診詞誠諾謝貢貧貨質購貸賦賣賴贊趨跡躍軟載輔輕轄轉釋錄鋼錢錯閉閱陣陸陽隊際隨隱雜難雙離靈順須領頻額顧風飛飲飯養館馬驗魚鹽齊齡龍億儀兒內兩冊則剛創劇勵勢勝啟問嚴圖圓壓壩壯聲夠奮婦寧寬寶對尋屆層嶺島師帶幫庫張彈徑從徵惡慣慮憑懷懲戶採揚換損撥擁擇擊擔擴攜攝敗數斷晉暢曆楊樓樂樞橫歡毀漢溝滅滯滿漁潔潛澤濕濫灣熱燈獨獲畝畢異礦碼禦筆簽籌類糾紛繫羅義習聖聞脫臨艱莊萬葉蓋蘭蟲術裝豐賓賽贏趕踐輛輪輯辭遷遲邁郵鄰針銀銷鋪鍵鎖鏈鑒闡陳雖雲靜頁頂頒頓願顯餘駐黃溫壇傷濱愛賬賠債僅讚攤蔣嚮滬釣凍塊壘潤燒稈勸舖遊彙匯覈託卹綫蘆螢錦嶽鬆幣揮謹鏡壽響佈穫歐勻奧騎樁賀';
  const foldWidthReference = (text: string): string => {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
      else if (code === 0x3000 || code === 0xa0) out += ' ';
      else out += text[i];
    }
    return out;
  };
  const pieces = fc.oneof(
    fc.constantFrom(...TRADITIONAL_REFERENCE, '（', '）', '：', '１', '\u3000', '\u00a0', ' ', '\t', '市', '司法局', '(fā)', '𠀾', '\ud800'),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  );
  const texts = fc.array(pieces, { maxLength: 40 }).map((p) => p.join(''));

  it('foldWidth folds exactly what the character loop did, and returns text with nothing to fold as is', () => {
    fc.assert(fc.property(texts, (t) => foldWidth(t) === foldWidthReference(t)), { numRuns: 1000 });
    for (const [, text] of SAMPLE_TEXTS) assert.equal(foldWidth(text), foldWidthReference(text));
    const plain = '市司法局' + 'x'.repeat(20);
    assert.equal(foldWidth(plain), plain);
  });

  it('foldCompact is foldWidth then toSimplified with spaces and tabs dropped, whatever the length (lone surrogates kept)', () => {
    const reference = (t: string) => toSimplified(foldWidth(t)).replace(/[ \t\u00a0\u3000]+/g, '');
    fc.assert(fc.property(texts, (t) => foldCompact(t) === reference(t)), { numRuns: 1000 });
    // Longer than any text before it (the buffer grows), then short again (nothing of the long one is left).
    const long = '牽頭單位：\u3000市發展改革委\ud800 '.repeat(2000);
    assert.equal(foldCompact(long), reference(long));
    assert.equal(foldCompact('責任 單位'), '责任单位');
    for (const [, text] of SAMPLE_TEXTS) assert.equal(foldCompact(text), reference(text));
  });

  it('stripNoise removes what the pinyin pattern matches, left to right, and returns text with none as is', () => {
    const reference = (t: string) => t.replace(/[(（][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,6}[)）]/g, '');
    const noisy = fc.array(fc.oneof(pieces, fc.constantFrom('(', '（', ')', '）', 'zh', 'ü', 'ǎ', 'ḿ', 'abcdefg', 'A')), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(fc.property(noisy, (t) => stripNoise(t) === reference(t)), { numRuns: 2000 });
    for (const t of ['發(fā)展', '（zhǎn）(ā)(abcdefgā)(āabcdefg)(ā', 'x(a(ā))', '((ā)(ǚü)', '市司法局（牵头）']) assert.equal(stripNoise(t), reference(t));
    const plain = '市司法局（牵头）(1)';
    assert.equal(stripNoise(plain), plain);
  });

  it('foldHead is foldCompact after stripNoise, and counts the Latin letters and Chinese characters as written', () => {
    const noisy = fc.array(fc.oneof(pieces, fc.constantFrom('(', '（', ')', '）', 'zh', 'ü', 'ǎ', 'ḿ', 'abcdefg', 'A')), { maxLength: 40 }).map((p) => p.join(''));
    const counted = (t: string) => ({ latin: (t.match(/[A-Za-z]/g) ?? []).length, han: (t.match(/[\u4e00-\u9fff]/g) ?? []).length });
    const agrees = (t: string) => {
      const counts = { latin: -1, han: -1 };
      return foldHead(t, counts) === foldCompact(stripNoise(t)) && JSON.stringify(counts) === JSON.stringify(counted(t));
    };
    fc.assert(fc.property(noisy, agrees), { numRuns: 2000 });
    for (const t of ['發(fā)展', '（zhǎn）(ā)(abcdefgā)(āabcdefg)(ā', 'x(a(ā))', '牽頭 單位'.repeat(3000) + '(fā)']) assert.ok(agrees(t), t.slice(0, 20));
    for (const [, text] of SAMPLE_TEXTS) assert.ok(agrees(text));
  });

  it('toSimplified maps each traditional character of the table and nothing else', () => {
    // Exactly the reference list's characters change, over every code unit.
    const changed = codes.filter((c) => toSimplified(String.fromCharCode(c)) !== String.fromCharCode(c));
    assert.deepEqual(String.fromCharCode(...changed), [...TRADITIONAL_REFERENCE].sort().join(''));
    assert.equal(toSimplified('牽頭單位:市發展改革委,責任單位:各縣(市)區'), '牵头单位:市发展改革委,责任单位:各县(市)区');
    // Characters outside the table, and text with none of the table's, are untouched.
    assert.equal(toSimplified('市司法局𠀾\ud800'), '市司法局𠀾\ud800');
    fc.assert(
      fc.property(texts, (t) => {
        const out = toSimplified(t);
        if (out.length !== t.length) return false;
        for (let i = 0; i < t.length; i++) {
          const changed = out[i] !== t[i];
          if (changed && !TRADITIONAL_REFERENCE.includes(t[i]!)) return false;
          if (changed && toSimplified(t[i]!) !== out[i]) return false;
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  it('unitKey removes noise and every space, folds width and script', () => {
    assert.equal(unitKey('市 發(fā)展 改革委\u3000（牽頭）'), '市发展改革委(牵头)');
    assert.equal(unitKey('市司法局'), '市司法局');
  });
});
