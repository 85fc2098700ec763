// Unit tests of cli/classify.ts: the head of a file decoded whatever the cut, and what a file met in a folder is.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyFile, decodeHead, HEAD_BYTES } from '../../server/src/cli/classify.js';
import { cleanup, tempDir } from './run.js';

const TITLE = '江宁市2025年法治政府建设工作方案\n';

describe('cli classify: decodeHead', () => {
  it('a UTF-8 head cut inside a character is read as UTF-8, not taken for GB18030', () => {
    const bytes = Buffer.from(TITLE + '一'.repeat(100));
    for (let cut = 1; cut <= 3; cut++) {
      const head = bytes.subarray(0, bytes.length - cut);
      const decoded = decodeHead(head, true);
      assert.ok('text' in decoded, `cut ${cut}`);
      assert.equal(decoded.encoding, 'utf8', `cut ${cut}`);
      assert.ok(decoded.text.startsWith(TITLE), `cut ${cut}`);
    }
  });

  it('a UTF-8 head whose cut also reads as GB18030 is still read as UTF-8', () => {
    // `é` is C3 A9, a GB18030 pair too, and the first two bytes of `一` (E4 B8) are one more: the whole cut reads
    // as GB18030 (as garbage), and only a shorter cut reads as UTF-8.
    const bytes = Buffer.concat([Buffer.from('plan ' + 'é'.repeat(50)), Buffer.from('一').subarray(0, 2)]);
    const whole = decodeHead(bytes, false);
    assert.ok('text' in whole && whole.encoding === 'gb18030', 'the whole cut reads as GB18030');
    const decoded = decodeHead(bytes, true);
    assert.ok('text' in decoded);
    assert.equal(decoded.encoding, 'utf8');
    assert.equal(decoded.text, 'plan ' + 'é'.repeat(50));
  });

  it('a GB18030 head cut inside a character is read as GB18030', () => {
    const gb = Buffer.from([0xbd, 0xad, 0xc4, 0xfe, 0xca, 0xd0, 0xb9, 0xa4, 0xd7, 0xf7, 0xb7, 0xbd, 0xb0, 0xb8]); // 江宁市工作方案
    const decoded = decodeHead(gb.subarray(0, gb.length - 1), true);
    assert.ok('text' in decoded);
    assert.equal(decoded.encoding, 'gb18030');
    assert.equal(decoded.text, '江宁市工作方');
  });

  it('a whole file is decoded as is (a broken end is an encoding error, not cut off)', () => {
    const decoded = decodeHead(Buffer.concat([Buffer.from(TITLE), Buffer.from([0xff])]), false);
    assert.ok('error' in decoded);
  });
});

describe('cli classify: classifyFile', () => {
  it('reads a long plan by its head: a title in the first bytes of a file far larger than the head', () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'long.txt');
      // A two-byte character straddles the head's end whatever the title's length.
      fs.writeFileSync(file, TITLE + 'é'.repeat(HEAD_BYTES));
      assert.deepEqual(classifyFile(file), { plan: true, by: 'content' });
      const report = path.join(dir, 'report.txt');
      fs.writeFileSync(report, '江宁市2024年法治政府建设情况的报告\n' + 'é'.repeat(HEAD_BYTES));
      assert.equal((classifyFile(report) as { reason: string }).reason, 'report');
      assert.equal(classifyFile(path.join(dir, 'data.json')), null, 'no candidate');
      assert.deepEqual(classifyFile(path.join(dir, 'missing.plan')), { plan: true, by: 'name' });
      assert.equal((classifyFile(path.join(dir, 'missing.txt')) as { reason: string }).reason, 'unreadable');
      assert.equal((classifyFile(report, { kind: 'plan' }) as { plan: boolean }).plan, true, "the configuration's kind wins");
    } finally {
      cleanup(dir);
    }
  });
});
