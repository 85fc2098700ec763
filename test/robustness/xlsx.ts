// Reads back the cells of an XLSX workbook the task-table exporter wrote (shared or inline strings), for the security tests.
import assert from 'node:assert/strict';
import { unzip } from '../cli/run.js';

/** The text of every cell of the first sheet of an XLSX workbook, row by row; asserts there is no formula. */
export function readXlsx(bytes: Uint8Array): string[][] {
  const files = unzip(Buffer.from(bytes));
  const sheet = files.get('xl/worksheets/sheet1.xml')?.toString('utf8');
  assert.ok(sheet, 'no sheet1.xml');
  assert.doesNotMatch(sheet, /<f[\s>]/, 'the sheet holds a formula');
  const unescape = (s: string) =>
    s.replace(/&(lt|gt|amp|quot|apos|#x([0-9a-fA-F]+)|#(\d+));/g, (_, name: string, hex?: string, dec?: string) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name]!,
    );
  const shared = [...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1]!.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\/>/g)].map((t) => unescape(t[1] ?? '')).join(''),
  );
  return [...sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((r) =>
    [...r[1]!.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
      const attrs = c[1]!;
      const body = c[2] ?? '';
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      if (type === undefined && !/<v>|<is>/.test(body)) return ''; // an empty cell
      assert.ok(type === 's' || type === 'inlineStr', `a cell that is not text: <c ${attrs}>`);
      if (type === 's') return shared[Number(/<v>(\d+)<\/v>/.exec(body)?.[1])] ?? assert.fail('bad shared string index');
      return unescape(/<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1] ?? '');
    }),
  );
}

