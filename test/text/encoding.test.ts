// Tests for decoding plan files (UTF-8, BOMs, UTF-16, GB18030, binary, --encoding) and encoding them back.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText, encodeText, type DecodeResult, type EncodingName } from '../../server/src/text/encoding.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Compiled tests run from out/test/text; the fixtures stay in the source tree.
const fixtures = path.resolve(here, '../../../test/fixtures/encoding');

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Asserts that decoding gave text, and returns it. */
function decoded(r: DecodeResult): { text: string; encoding: EncodingName; bom: boolean } {
  assert.ok('text' in r, `expected text, got ${JSON.stringify(r)}`);
  return r;
}

// 中文 in GBK / GB18030: D6 D0 CE C4. 牵头单位 (lead unit): C7 A3 CD B7 B5 A5 CE BB.
const ZHONGWEN_GBK = [0xd6, 0xd0, 0xce, 0xc4];
const QIANTOU_DANWEI_GBK = [0xc7, 0xa3, 0xcd, 0xb7, 0xb5, 0xa5, 0xce, 0xbb];

describe('decodeText', () => {
  it('reads plain UTF-8 without a BOM', () => {
    const r = decoded(decodeText(utf8('一、总体要求\n牵头单位:市司法局')));
    assert.deepEqual(r, { text: '一、总体要求\n牵头单位:市司法局', encoding: 'utf8', bom: false });
  });

  it('reads an empty file as empty UTF-8', () => {
    assert.deepEqual(decodeText(new Uint8Array(0)), { text: '', encoding: 'utf8', bom: false });
  });

  it('takes the UTF-8 BOM off and remembers it', () => {
    const r = decoded(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8('中文'))));
    assert.deepEqual(r, { text: '中文', encoding: 'utf8', bom: true });
  });

  it('refuses bad UTF-8 after a UTF-8 BOM instead of guessing', () => {
    const r = decodeText(bytes(0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42));
    assert.ok('error' in r);
    assert.match(r.errorEn, /UTF-8.*byte 4/);
  });

  it('reads UTF-16LE with a BOM', () => {
    // FF FE, then 中 = 2D 4E, 文 = 87 65, \n = 0A 00
    const r = decoded(decodeText(bytes(0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65, 0x0a, 0x00)));
    assert.deepEqual(r, { text: '中文\n', encoding: 'utf16le', bom: true });
  });

  it('reads UTF-16BE with a BOM', () => {
    const r = decoded(decodeText(bytes(0xfe, 0xff, 0x4e, 0x2d, 0x65, 0x87, 0x00, 0x0a)));
    assert.deepEqual(r, { text: '中文\n', encoding: 'utf16be', bom: true });
  });

  it('reports UTF-16 with an odd number of bytes', () => {
    const r = decodeText(bytes(0xff, 0xfe, 0x2d, 0x4e, 0x87));
    assert.ok('error' in r);
    assert.match(r.errorEn, /UTF-16LE.*odd/);
  });

  it('reads GBK bytes (中文 = D6 D0 CE C4) as GB18030', () => {
    const r = decoded(decodeText(bytes(...ZHONGWEN_GBK)));
    assert.deepEqual(r, { text: '中文', encoding: 'gb18030', bom: false });
  });

  it('reads GB18030 with ASCII, two-byte and four-byte codes', () => {
    // 1.  牵头单位 : € (A2 E3)  U+0080 (81 30 81 30)  😀 U+1F600 (94 39 FC 36)
    const r = decoded(decodeText(bytes(0x31, 0x2e, ...QIANTOU_DANWEI_GBK, 0x3a, 0xa2, 0xe3, 0x81, 0x30, 0x81, 0x30, 0x94, 0x39, 0xfc, 0x36)));
    assert.equal(r.encoding, 'gb18030');
    assert.equal(r.text, '1.牵头单位:€\u0080😀');
  });

  it('prefers UTF-8 when the bytes are valid UTF-8', () => {
    // E4 B8 AD is 中 in UTF-8; as GB18030 it would read as other characters.
    assert.equal(decoded(decodeText(bytes(0xe4, 0xb8, 0xad))).encoding, 'utf8');
  });

  it('reads the GB18030 fixture plan with its 牵头单位', () => {
    const raw = fs.readFileSync(path.join(fixtures, 'gb18030.plan.txt'));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(raw), 'the fixture must not be valid UTF-8');
    const r = decoded(decodeText(raw));
    assert.equal(r.encoding, 'gb18030');
    assert.equal(r.bom, false);
    const lines = r.text.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 5);
    assert.match(r.text, /牵头单位[:：]/);
    assert.match(lines[0], /工作方案/);
  });

  it('calls bytes with a NUL binary', () => {
    const r = decodeText(bytes(0x25, 0x50, 0x44, 0x46, 0x00, 0x01));
    assert.ok('binary' in r);
    assert.match(r.reasonEn, /NUL byte at offset 4/);
  });

  it('calls UTF-16 without a BOM binary (its NULs), but reads it when forced', () => {
    const le = bytes(0x41, 0x00, 0x2d, 0x4e);
    assert.ok('binary' in decodeText(le));
    assert.deepEqual(decodeText(le, 'utf16le'), { text: 'A中', encoding: 'utf16le', bom: false });
  });

  it('calls bytes that are mostly control characters binary', () => {
    const r = decodeText(bytes(0x01, 0x02, 0x03, 0x41, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0e));
    assert.ok('binary' in r);
    assert.match(r.reasonEn, /control bytes/);
  });

  it('does not call text with tabs, CRLF and form feeds binary', () => {
    assert.equal(decoded(decodeText(utf8('a\tb\r\nc\f\n'))).text, 'a\tb\r\nc\f\n');
  });

  it('only looks at the first 8 KB for binary content', () => {
    const b = new Uint8Array(9000).fill(0x41);
    b[8500] = 0;
    assert.ok('text' in decodeText(b));
    b[8000] = 0;
    assert.ok('binary' in decodeText(b));
  });

  describe('forced encodings', () => {
    it('reads GBK bytes when forced as gbk, gb2312, GB18030', () => {
      for (const name of ['gbk', 'gb2312', 'GB18030', ' gb18030 ']) {
        assert.deepEqual(decodeText(bytes(...ZHONGWEN_GBK), name), { text: '中文', encoding: 'gb18030', bom: false }, name);
      }
    });

    it('reads UTF-8 bytes as GB18030 when told to, even though they are valid UTF-8', () => {
      // E4 B8 AD (中 in UTF-8) as GB18030: E4B8 = 涓, then AD is a lead byte with no trail → error.
      const r = decodeText(bytes(0xe4, 0xb8, 0xad), 'gb18030');
      assert.ok('error' in r);
      assert.deepEqual(decodeText(bytes(0xe4, 0xb8), 'gb18030'), { text: '涓', encoding: 'gb18030', bom: false });
    });

    it('accepts utf8 and utf-8, taking off a BOM', () => {
      assert.deepEqual(decodeText(utf8('中'), 'utf-8'), { text: '中', encoding: 'utf8', bom: false });
      assert.deepEqual(decodeText(bytes(0xef, 0xbb, 0xbf, 0x41), 'UTF8'), { text: 'A', encoding: 'utf8', bom: true });
    });

    it('reports GBK bytes forced as UTF-8', () => {
      const r = decodeText(bytes(0x41, ...ZHONGWEN_GBK), 'utf8');
      assert.ok('error' in r);
      assert.match(r.errorEn, /not valid UTF-8 text \(at byte 1\)/);
      assert.match(r.error, /UTF-8/);
    });

    it('rejects an unknown encoding name', () => {
      const r = decodeText(utf8('a'), 'latin1');
      assert.ok('error' in r);
      assert.match(r.errorEn, /unknown encoding "latin1"/);
      assert.match(r.error, /未知编码/);
    });

    it('still refuses binary content forced as UTF-8 or GBK', () => {
      assert.ok('binary' in decodeText(bytes(0x41, 0x00), 'utf8'));
      assert.ok('binary' in decodeText(bytes(0x41, 0x00), 'gbk'));
    });
  });
});

describe('encodeText', () => {
  const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

  it('writes UTF-8 with and without a BOM', () => {
    assert.equal(hex(encodeText('中', 'utf8', false)), 'e4b8ad');
    assert.equal(hex(encodeText('中', 'utf8', true)), 'efbbbfe4b8ad');
  });

  it('writes UTF-16LE and UTF-16BE with their BOMs', () => {
    assert.equal(hex(encodeText('中A', 'utf16le', true)), 'fffe2d4e4100');
    assert.equal(hex(encodeText('中A', 'utf16be', true)), 'feff4e2d0041');
    assert.equal(hex(encodeText('😀', 'utf16le', false)), '3dd800de');
  });

  it('writes GB18030: ASCII, GBK two-byte, four-byte BMP and supplementary', () => {
    assert.equal(hex(encodeText('中文', 'gb18030', false)), 'd6d0cec4');
    assert.equal(hex(encodeText('牵头单位', 'gb18030', false)), Buffer.from(QIANTOU_DANWEI_GBK).toString('hex'));
    assert.equal(hex(encodeText('a€', 'gb18030', false)), '61a2e3');
    assert.equal(hex(encodeText('\u0080', 'gb18030', false)), '81308130');
    assert.equal(hex(encodeText('😀', 'gb18030', false)), '9439fc36');
    assert.equal(hex(encodeText('\uFFFD', 'gb18030', false)), '8431a437');
    assert.equal(hex(encodeText('', 'gb18030', true)), '84319533'); // the GB18030 BOM, U+FEFF
  });

  it('round-trips every BMP character the GB18030 decoder can produce', () => {
    let all = '';
    for (let c = 0x80; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      all += String.fromCharCode(c);
    }
    const back = decoded(decodeText(encodeText(all, 'gb18030', false), 'gb18030')).text;
    // The only characters that do not come back are private-use ones that GB18030-2022 moved
    // elsewhere: no GB18030 bytes decode to them, so no text read from a file contains them.
    const lost: number[] = [];
    for (let i = 0; i < all.length; i++) if (all[i] !== back[i]) lost.push(all.charCodeAt(i));
    assert.equal(all.length, back.length);
    assert.ok(lost.length <= 24, `lost ${lost.length}`);
    assert.ok(lost.every((c) => c >= 0xe000 && c <= 0xf8ff), lost.map((c) => c.toString(16)).join(' '));
  });

  it('round-trips the GB18030 fixture byte for byte', () => {
    const raw = fs.readFileSync(path.join(fixtures, 'gb18030.plan.txt'));
    const r = decoded(decodeText(raw));
    assert.equal(hex(encodeText(r.text, r.encoding, r.bom)), hex(raw));
  });

  it('round-trips through every encoding, with and without a BOM', () => {
    const text = '（一）完善制度。[牵头单位:市司法局;完成时限:2021年12月底前] 𠀀\r\n';
    for (const enc of ['utf8', 'utf16le', 'utf16be', 'gb18030'] as const) {
      for (const bom of [false, true]) {
        const b = encodeText(text, enc, bom);
        // UTF-16 without a BOM is only readable when forced.
        const r = decoded(decodeText(b, enc.startsWith('utf16') && !bom ? enc : undefined));
        assert.deepEqual(r, { text, encoding: enc, bom }, `${enc} bom=${bom}`);
      }
    }
  });

  it('writes a lone surrogate as U+FFFD in GB18030 rather than failing', () => {
    assert.equal(hex(encodeText('a\ud800b', 'gb18030', false)), '618431a43762');
  });
});
