// Inputs the robustness suites found that broke something, each kept as a plain regression test beside the fix.
import assert from 'node:assert/strict';
import { toXlsx, type ExportRow } from '../../server/src/features/export.js';
import { createPlanService } from '../../server/src/service.js';
import { readXlsx } from './xlsx.js';

function rowWithTitle(title: string): ExportRow {
  return { number: '1', title, line: 1, lead: [], responsible: [], deadline: null, inherited: { lead: false, deadline: false }, fullNumber: '1', section: '一、测试' };
}

describe('regressions found by the robustness suites', () => {
  // The XLSX writer drops what XML cannot hold (NUL, other C0 controls, lone surrogates); the formula
  // check ran before that, so `\ud800\r\n` and `\u0000=1+1` reached the sheet as `\r\n` and `=1+1`.
  for (const title of ['\ud800\r\n', '\u0000=1+1', '\u0001@SUM(A1)', '\udfff+cmd', '\uffff-2']) {
    it(`XLSX: a cell ${JSON.stringify(title)} is defused after the characters XML cannot hold are gone`, async () => {
      const sheet = readXlsx(await toXlsx([rowWithTitle(title)]));
      const cell = sheet[1]![2]!; // 序号, 所属部分, 任务…
      assert.equal(cell[0], "'", `cell ${JSON.stringify(cell)}`);
      assert.equal(cell.slice(1), title.replace(/^[\u0000-\u0008\ud800-\udfff\uffff]/, ''));
    });
  }

  // The model reads colons of other forms as `：`; the plan it gave back held that reading, not the text as written.
  for (const text of ['∶', '﹕', '︰', '牵头单位∶县发改局']) {
    it(`the plan keeps ${JSON.stringify(text)} as written`, () => {
      assert.equal(createPlanService().analyze(text).plan.text, text);
    });
  }
});
