// The unit that leads every task naming none of its own: a letter of responsibility's party (目标责任书, 责任状: its 乙方,
// the unit that signs for the work, not written task by task), or the unit a plan names so in a statement of its own
// (`以下任务未标明牵头单位的，均由县发改局牵头`).
import { UNIT_END } from '../../../grammar/index.js';
import { unitsIn, type AttributionContext } from './attribution.js';
import type { UnitMention } from './types.js';

/** A letter of responsibility, by its title (`2025年度安全生产目标管理责任书`, `…目标责任状`). */
const LETTER_TITLE = /(?:责任书|責任書|责任状|責任狀)$/;
/** `乙方：X`, `乙方（盖章）：X`, `乙方单位：X`: the party's name after its label. */
const PARTY_LABEL = /乙方(?:单位|單位)?(?:[(（][^()（）\r\n]{0,8}[)）])?[ \t\u3000]*[:：][ \t\u3000]*([^\s，,。；;:：(（)）]{2,30})/g;
/** `X（乙方）`: the party named with its role after it (`县人民政府（甲方）与县住建局（乙方）签订…`). */
const PARTY_MARK = /([^\s，,。；;:：(（)）]{2,30})[(（]乙方[)）]/g;
/** A word joining the party to the one named before it (`…（甲方）与县住建局（乙方）`): no part of its name. */
const JOINED = /^(?:与|與|和|同|及)/;

/**
 * The unit a letter of responsibility names as its 乙方, when the plan's title calls it such a letter: the lead of each
 * task that names none (inherited, as a heading's is). None when the title is another, or no 乙方 names one unit.
 */
export function responsibleParty(text: string, title: string, ctx: AttributionContext): UnitMention[] {
  if (!LETTER_TITLE.test(title)) return [];
  for (const re of [PARTY_LABEL, PARTY_MARK]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      let name = m[1]!;
      let start = m.index + m[0].indexOf(name);
      const joined = JOINED.exec(name);
      if (joined !== null) {
        name = name.slice(joined[0].length);
        start += joined[0].length;
      }
      if (!UNIT_END.test(name)) continue;
      const units = unitsIn({ start, end: start + name.length }, 'lead', ctx);
      if (units.length === 1) return units;
    }
  }
  return [];
}

/** `未标明牵头单位的，均由X牵头` and its wordings; the unit's name is the first group. */
const DEFAULT_LEAD = /(?:未|没有|沒有)(?:标明|標明|注明|註明|明确|明確|列明|写明|寫明)(?:牵头|牽頭)(?:单位|單位|部门|部門)的?[，,]?(?:其)?(?:均|统一|統一|一律|全部)?由([^，,。；;：:\r\n]{2,40}?)(?:牵|牽|负|負)(?:\r?\n)?(?:头|頭|责|責)(?=[。；;，,\r\n]|$)/g;

/**
 * A plan's statement of the unit that leads every task naming none (`以下任务未标明牵头单位的，均由县发改局牵头`,
 * `凡未注明牵头单位的，由县政府办牵头`; a PDF copy's hard wrap may cut its last word, `牵` / `头`): its units and where the
 * statement stands; null when the plan states none.
 */
export function defaultLead(text: string, ctx: AttributionContext): { units: UnitMention[]; span: { start: number; end: number } } | null {
  DEFAULT_LEAD.lastIndex = 0;
  for (let m = DEFAULT_LEAD.exec(text); m !== null; m = DEFAULT_LEAD.exec(text)) {
    const name = m[1]!;
    // One unit leads (`由县发改局会同县财政局牵头` names two: no default).
    if (!UNIT_END.test(name) || /会同|會同|联合|聯合|和|及|与|與|、/.test(name)) continue;
    const start = m.index + m[0].lastIndexOf(name);
    const units = unitsIn({ start, end: start + name.length }, 'lead', ctx);
    if (units.length > 0) return { units, span: { start: m.index, end: m.index + m[0].length } };
  }
  return null;
}
