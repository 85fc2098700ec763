// Results kept per document (`perDocument`): read once per document and reader, kept on the document where no reader of it sees them.
import assert from 'node:assert/strict';
import { perDocument } from '../../server/src/model/remember.js';
import { parsePlan } from '../../server/src/model/plan.js';

const TEXT = ['白石市2024年工作方案', '一、重点任务', '(一)清理文件。[牵头单位:市司法局;完成时限:2024年6月底前]', '(二)公开目录。[牵头单位:市政府办;完成时限:2024年9月底前]'].join('\n');

describe('perDocument', () => {
  it('reads each document once per reader, and each document and reader apart', () => {
    const calls: string[] = [];
    const titles = perDocument((doc: { title: string }) => (calls.push(`title ${doc.title}`), { title: doc.title }));
    const lengths = perDocument((doc: { title: string }) => (calls.push(`length ${doc.title}`), { length: doc.title.length }));
    const a = { title: 'a' };
    const b = { title: 'bb' };
    assert.equal(titles(a), titles(a));
    assert.deepEqual(titles(b), { title: 'bb' });
    assert.deepEqual(lengths(a), { length: 1 });
    assert.deepEqual(lengths(b), { length: 2 });
    assert.deepEqual(calls, ['title a', 'title bb', 'length a', 'length bb']);
  });

  it('keeps its results where keys, spreads and deep comparison do not see them', () => {
    const read = perDocument((plan: ReturnType<typeof parsePlan>) => ({ tasks: plan.tasks.length }));
    const plan = parsePlan(TEXT);
    const untouched = parsePlan(TEXT);
    const keys = Reflect.ownKeys(plan).filter((k) => Object.prototype.propertyIsEnumerable.call(plan, k));
    assert.deepEqual(read(plan), { tasks: 2 });
    assert.deepEqual(Reflect.ownKeys({ ...plan }), keys);
    assert.deepEqual(Reflect.ownKeys(plan).filter((k) => Object.prototype.propertyIsEnumerable.call(plan, k)), keys);
    assert.deepStrictEqual(plan, untouched);
  });

  it('gives a copy made by spreading its own results, and reads a frozen document afresh without failing', () => {
    let calls = 0;
    const read = perDocument((doc: { n: number }) => (calls++, { n: doc.n }));
    const doc = { n: 1 };
    read(doc);
    const copy = { ...doc, n: 2 };
    assert.deepEqual(read(copy), { n: 2 });
    const frozen = Object.freeze({ n: 3 });
    assert.deepEqual(read(frozen), { n: 3 });
    assert.deepEqual(read(frozen), { n: 3 });
    assert.equal(calls, 4);
  });
});
