// Writes a Word-numbered plan (a .docx built from WordprocessingML by the test helpers in out/) for the end-to-end tests.
// Usage: node make-docx.mjs OUT.docx   (needs `npm test` or `npx tsc -p .` to have built out/)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const { gongwenNumbering, makeDocx, p } = await import(join(ROOT, 'out', 'test', 'helpers', 'docx.js'));
const body = [
  p('白川市2025年度政务公开工作方案'),
  p('主要任务', { num: [1, 0] }),
  p('深化公开', { num: [1, 1] }),
  p('公开权力清单。（牵头单位：市政府办公室；完成时限：2025年底前）', { num: [1, 2] }),
  p('公开办事指南。', { num: [1, 2] }),
].join('');
writeFileSync(process.argv[2], makeDocx({ body, numbering: gongwenNumbering() }));
