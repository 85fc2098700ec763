// The timeline's arithmetic (client/src/webview/time-axis.ts): its domain, its ticks and labels, the stacking of markers.
import assert from 'node:assert/strict';
import { axisTicks, percent, stackRows, timeDomain, utc } from '../../client/src/webview/time-axis.js';

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const ROOM = { month: 38, quarter: 50 };

describe('timeline: the time axis', () => {
  it('the domain covers every deadline and the plan period, in whole months', () => {
    const spans = [{ from: utc('2021-03-31'), to: utc('2021-03-31') }, { from: utc('2021-01-01'), to: utc('2023-12-31') }];
    const d = timeDomain(spans, { start: 2021, end: 2021 }, utc('2030-01-01'));
    assert.deepEqual([iso(d.lo), iso(d.hi)], ['2021-01-01', '2024-01-01']);
    const plain = timeDomain([{ from: utc('2022-05-31'), to: utc('2022-05-31') }], null, utc('2030-01-01'));
    assert.deepEqual([iso(plain.lo), iso(plain.hi)], ['2022-05-01', '2022-06-01']);
  });

  it('today joins the domain when near, and stays out when years away (the axis then points to it)', () => {
    const spans = [{ from: utc('2022-03-31'), to: utc('2022-12-31') }];
    const near = timeDomain(spans, { start: 2022, end: 2022 }, utc('2023-02-10'));
    assert.equal(iso(near.hi), '2023-03-01');
    const far = timeDomain(spans, { start: 2022, end: 2022 }, utc('2026-12-06'));
    assert.equal(iso(far.hi), '2023-01-01');
    assert.equal(percent(far, far.lo), 0);
    assert.equal(percent(far, far.hi), 100);
  });

  it('months for a year, labelled every month when there is room, every 2nd or 3rd when not', () => {
    const year = { lo: utc('2022-01-01'), hi: utc('2023-01-01') };
    const wide = axisTicks(year, 900, ROOM);
    assert.equal(wide.step, 1);
    assert.deepEqual(wide.ticks.map((t) => t.value), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.deepEqual(wide.years.map((y) => y.value), [2022]);
    assert.deepEqual(axisTicks(year, 300, ROOM).ticks.map((t) => t.value), [0, 2, 4, 6, 8, 10], 'every 2nd month at 25 px a month');
    const narrow = axisTicks(year, 200, ROOM);
    assert.deepEqual(narrow.ticks.map((t) => t.value), [0, 3, 6, 9], 'every 3rd month at 17 px a month');
    for (const t of narrow.ticks) assert.ok(((percent(year, t.to) - percent(year, t.from)) / 100) * 200 >= ROOM.month, 'each label has its room');
    assert.equal(narrow.lines.filter((l) => !l.year).length, 11, 'a grid line at every month but the first');
  });

  it('quarters for three years, starting in January, April, July, October; years beyond five', () => {
    const three = axisTicks({ lo: utc('2021-02-01'), hi: utc('2024-01-01') }, 600, ROOM);
    assert.equal(three.step, 3);
    assert.deepEqual(three.ticks.slice(0, 3).map((t) => iso(t.from)), ['2021-04-01', '2021-07-01', '2021-10-01']);
    assert.deepEqual(three.years.map((y) => y.value), [2021, 2022, 2023]);
    assert.deepEqual(three.lines.filter((l) => l.year).map((l) => iso(l.t)), ['2022-01-01', '2023-01-01']);
    const ten = axisTicks({ lo: utc('2016-01-01'), hi: utc('2026-01-01') }, 200, ROOM);
    assert.equal(ten.step, 12);
    assert.deepEqual(ten.ticks, []);
    assert.deepEqual(ten.years.map((y) => y.value), [2016, 2019, 2022, 2025], 'a year label every 3 years at 20 px a year');
  });

  it('stacks markers that would touch into rows, and reuses a row once it is free', () => {
    assert.deepEqual(stackRows([{ left: 0, right: 12 }, { left: 5, right: 17 }, { left: 20, right: 32 }, { left: 21, right: 33 }]), { rows: [0, 1, 0, 1], count: 2 });
    assert.deepEqual(stackRows([]), { rows: [], count: 0 });
  });
});
