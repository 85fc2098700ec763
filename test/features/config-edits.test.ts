// Tests for the config edit a plan-level fix writes: the key set, the rest of the file (comments included) kept.
import assert from 'node:assert/strict';
import { planPeriodConfigText } from '../../server/src/features/config-edits.js';

describe('planPeriodConfigText', () => {
  it('writes a new config when there is none', () => {
    for (const existing of [null, '', '  \n']) assert.equal(planPeriodConfigText(existing), '{\n  "deadline": {\n    "planPeriodSatisfies": true\n  }\n}\n');
  });

  it('adds the key to a config with comments and a trailing comma, keeping them and the other keys', () => {
    const text = planPeriodConfigText('// 本目录的配置\n{\n  "rules": { "PL008": "off" }, /* 暂不查单位 */\n  "deadline": { "inheritFromSection": false },\n}\n')!;
    assert.match(text, /^\/\/ 本目录的配置\n/);
    assert.match(text, /\/\* 暂不查单位 \*\//);
    assert.match(text, /"inheritFromSection": false,\s*"planPeriodSatisfies": true/);
    assert.match(text, /"PL008": "off"/);
  });

  it('keeps CRLF line ends and sets a false value to true', () => {
    assert.equal(planPeriodConfigText('{\r\n  "a": 1\r\n}\r\n'), '{\r\n  "a": 1,\r\n  "deadline": {\r\n    "planPeriodSatisfies": true\r\n  }\r\n}\r\n');
    assert.equal(planPeriodConfigText('{"deadline": {"planPeriodSatisfies": false}}'), '{"deadline": {"planPeriodSatisfies": true}}\n');
  });

  it('does nothing when the file already says so, is not an object, or does not parse', () => {
    for (const existing of ['{"deadline": {"planPeriodSatisfies": true}}', '{"deadline": 1}', '[1]', '{bad', '{"a": 1} x']) assert.equal(planPeriodConfigText(existing), null, existing);
  });
});
