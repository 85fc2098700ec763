// Text folding shared by the model and the rules: full/half width, traditional keywords, unit keys, scraping noise.
import { isSpaceCode } from '../../../grammar/chars.js';
import { PAGE_NUMBER_SOURCE, pageLineEnd } from '../../../grammar/page.js';

export { isSpaceCode, isTrimCode, trimSpan } from '../../../grammar/chars.js';

/** Pinyin's toned letters: a bracket holding one of them among Latin letters is scraping noise. */
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';

/** `TONED`'s letters by code unit (they are all below U+1E40). */
const IS_TONED = (() => {
  const table = new Uint8Array(0x1e40);
  for (let i = 0; i < TONED.length; i++) table[TONED.charCodeAt(i)] = 1;
  return table;
})();

/** The Latin letters of pinyin noise: `a`–`z` and `ü`. */
const isPinyinLetter = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || code === 0xfc;

/**
 * Where the pinyin noise that opens at `at` (a `(` or `（`) ends, -1 when none does: what
 * `/[(（][a-zü]{0,6}[TONED][a-zü]{0,6}[)）]/` matches there, read by hand (it holds one toned letter, so the first
 * bracket after the letters closes it).
 */
function noiseEnd(text: string, at: number): number {
  const n = text.length;
  let i = at + 1;
  while (i < n && isPinyinLetter(text.charCodeAt(i))) i++;
  const toned = i < n ? text.charCodeAt(i) : 0;
  if (i - at - 1 > 6 || toned >= 0x1e40 || IS_TONED[toned] === 0) return -1;
  const after = ++i;
  while (i < n && isPinyinLetter(text.charCodeAt(i))) i++;
  const close = i < n ? text.charCodeAt(i) : 0;
  return i - after <= 6 && (close === 0x29 || close === 0xff09) ? i + 1 : -1;
}

/**
 * Colons of other forms that typesetting and OCR leave in labels (`牵头单位∶`, `完成时限﹕`, `牽頭單位︰`: the ratio sign,
 * the small and the vertical colon), each read as `：`.
 */
const OTHER_COLONS = /[\u2236\ufe55\ufe30]/g;

/**
 * What OCR makes of the characters of a marker or a date, where nothing else can stand (`OCR_MARKERS`, `OCR_DATES`: each
 * read as what it stands for, `readableCharacters`):
 *   - a dash for the numeral `一` in a marker that opens a line before a Chinese character: `—、主要任务`, `（—）开展…`
 *     (`——、` and `—` elsewhere are dashes);
 *   - a letter `l` for the digit `1` in such a marker: `l.开展…`, `（l）` (not `I`: `I.` `II.` are Roman numerals);
 *   - a letter `O` or `o` for the digit `0` in a number of a date, the number opened by a digit: `2O26年`, `3O日`, `1O月`.
 */
const OCR_MARKERS = /(?:^|\n)[ \t\u3000]*(?:[—―][、．.]|[（(][—―][）)]|l[、．.]|[（(]l[）)])(?=[ \t\u3000]*[\u4e00-\u9fff])/g;
const OCR_DATES = /(?<![0-9A-Za-z])(?=[0-9][0-9Oo]{1,3}[年月日号])[0-9]+[Oo][0-9Oo]*/g;
/** A letter O beside a digit: what a date `OCR_DATES` reads holds (0.35 ms a MB against that search's 2.7 ms). */
const O_BY_DIGIT = /[0-9][Oo]|[Oo][0-9]/;

/** A stretch `OCR_MARKERS` or `OCR_DATES` found, its look-alike characters read as the numeral or the digit they stand for. */
function readableCharacters(found: string): string {
  return found.replace(/[—―]/g, '一').replace(/l/g, '1').replace(/[Oo]/g, '0');
}

/**
 * `text` as the reader reads it: its colons of other forms (`OTHER_COLONS`) written as `：` and OCR's look-alikes
 * (`OCR_MARKERS`, `OCR_DATES`) as what they stand for, code unit for code unit, so that every offset into it is one into `text` (a
 * finding's range, a fix's edit). Text without either is returned as is.
 */
export function readableText(text: string): string {
  let out = text;
  OTHER_COLONS.lastIndex = 0;
  if (OTHER_COLONS.test(out)) out = out.replace(OTHER_COLONS, '：');
  OCR_MARKERS.lastIndex = 0;
  if (OCR_MARKERS.test(out)) out = out.replace(OCR_MARKERS, readableCharacters);
  if (O_BY_DIGIT.test(out)) out = out.replace(OCR_DATES, readableCharacters);
  return out;
}

/** Removes pinyin left by scraping (`發(fā)展` → `發展`), each bracket of it from left to right. */
export function stripNoise(text: string): string {
  // The brackets are found by native searches (a regular expression tries every character), then read by hand.
  let out = '';
  let last = 0;
  let round = text.indexOf('(');
  let wide = text.indexOf('（');
  while (round >= 0 || wide >= 0) {
    const at = round < 0 ? wide : wide < 0 ? round : Math.min(round, wide);
    const end = noiseEnd(text, at);
    if (end > 0) {
      out += text.slice(last, at);
      last = end;
    }
    const from = end > 0 ? end : at + 1;
    if (round >= 0 && round < from) round = text.indexOf('(', from);
    if (wide >= 0 && wide < from) wide = text.indexOf('（', from);
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Full-width ASCII forms (`（` `：` `１`) to half-width; the ideographic space to a space. Text with none is returned as is. */
export function foldWidth(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += text.slice(last, i) + String.fromCharCode(code - 0xfee0);
      last = i + 1;
    } else if (code === 0x3000 || code === 0xa0) {
      out += text.slice(last, i) + ' ';
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Traditional characters met in plan vocabulary and unit names, to their simplified forms. */
const TRADITIONAL: Record<string, string> = {
  牽: '牵', 頭: '头', 單: '单', 責: '责', 負: '负', 參: '参', 與: '与', 時: '时', 間: '间', 節: '节', 點: '点',
  協: '协', 辦: '办', 門: '门', 縣: '县', 區: '区', 廳: '厅', 屬: '属', 關: '关', 會: '会', 黨: '党', 員: '员',
  發: '发', 展: '展', 改: '改', 衛: '卫', 財: '财', 審: '审', 計: '计', 監: '监', 務: '务', 導: '导', 組: '组',
  織: '织', 傳: '传', 體: '体', 廣: '广', 電: '电', 視: '视', 園: '园', 農: '农', 業: '业', 環: '环', 境: '境',
  態: '态', 備: '备', 應: '应', 急: '急', 條: '条', 規: '规', 劃: '划', 資: '资', 源: '源', 築: '筑', 設: '设',
  構: '构', 營: '营', 獄: '狱', 勞: '劳', 動: '动', 險: '险', 稅: '税', 幹: '干', 檢: '检',
  察: '察', 廠: '厂', 統: '统', 貿: '贸', 歲: '岁', 醫: '医', 療: '疗', 權: '权', 訊: '讯', 軍: '军',
  學: '学', 校: '校', 書: '书', 長: '长', 鄉: '乡', 鎮: '镇', 氣: '气', 象: '象', 衆: '众', 眾: '众', 國: '国',
  場: '场', 級: '级', 個: '个', 們: '们', 為: '为', 於: '于', 實: '实', 現: '现', 標: '标', 準: '准', 優: '优',
  化: '化', 護: '护', 華: '华', 運: '运', 輸: '输', 檔: '档', 歷: '历', 專: '专', 紀: '纪', 團: '团', 聯: '联',
  鐵: '铁', 網: '网', 絡: '络', 報: '报', 稱: '称', 號: '号', 複: '复', 復: '复', 議: '议', 訴: '诉', 調: '调',
  解: '解', 處: '处', 價: '价', 產: '产', 費: '费', 經: '经', 濟: '济', 東: '东', 車: '车', 歸: '归', 來: '来',
  見: '见', 讀: '读', 記: '记', 總: '总', 結: '结', 細: '细', 預: '预', 開: '开', 題: '题', 進: '进', 達: '达', 戰: '战',
  極: '极', 據: '据', 強: '强', 較: '较', 這: '这', 項: '项', 況: '况', 績: '绩', 貫: '贯', 徹: '彻', 執: '执', 認: '认',
  遞: '递', 觀: '观', 測: '测', 讓: '让', 論: '论', 說: '说', 請: '请', 談: '谈', 譯: '译', 證: '证', 識: '识', 試: '试',
  詳: '详', 誤: '误', 課: '课', 講: '讲', 許: '许', 該: '该', 語: '语', 諮: '咨', 詢: '询', 謀: '谋', 變: '变', 邊: '边',
  遠: '远', 過: '过', 還: '还', 適: '适', 選: '选', 遺: '遗', 連: '连', 週: '周', 違: '违', 災: '灾', 壞: '坏', 圍: '围',
  廢: '废', 慶: '庆', 憲: '宪', 樹: '树', 橋: '桥', 樣: '样', 機: '机', 殘: '残', 無: '无', 煙: '烟', 爭: '争', 狀: '状',
  獎: '奖', 畫: '画', 當: '当', 盡: '尽', 盤: '盘', 確: '确', 礎: '础', 禮: '礼', 種: '种', 穩: '稳', 積: '积', 窮: '穷',
  競: '竞', 範: '范', 簡: '简', 糧: '粮', 紅: '红', 約: '约', 納: '纳', 純: '纯', 紙: '纸', 終: '终', 給: '给', 絕: '绝',
  絲: '丝', 維: '维', 綜: '综', 綠: '绿', 線: '线', 緊: '紧', 編: '编', 繼: '继', 續: '续', 罰: '罚', 職: '职', 聽: '听',
  肅: '肃', 腦: '脑', 興: '兴', 舉: '举', 舊: '旧', 藝: '艺', 藥: '药', 蘇: '苏', 衝: '冲', 補: '补', 製: '制', 親: '亲',
  覽: '览', 覺: '觉', 訂: '订', 討: '讨', 訓: '训', 訪: '访', 評: '评', 診: '诊', 詞: '词', 誠: '诚', 諾: '诺', 謝: '谢',
  貢: '贡', 貧: '贫', 貨: '货', 質: '质', 購: '购', 貸: '贷', 賦: '赋', 賣: '卖', 賴: '赖', 贊: '赞', 趨: '趋', 跡: '迹',
  躍: '跃', 軟: '软', 載: '载', 輔: '辅', 輕: '轻', 轄: '辖', 轉: '转', 釋: '释', 錄: '录', 鋼: '钢', 錢: '钱', 錯: '错',
  閉: '闭', 閱: '阅', 陣: '阵', 陸: '陆', 陽: '阳', 隊: '队', 際: '际', 隨: '随', 隱: '隐', 雜: '杂', 難: '难', 雙: '双',
  離: '离', 靈: '灵', 順: '顺', 須: '须', 領: '领', 頻: '频', 額: '额', 顧: '顾', 風: '风', 飛: '飞', 飲: '饮', 飯: '饭',
  養: '养', 館: '馆', 馬: '马', 驗: '验', 魚: '鱼', 鹽: '盐', 齊: '齐', 齡: '龄', 龍: '龙', 億: '亿', 儀: '仪', 兒: '儿',
  內: '内', 兩: '两', 冊: '册', 則: '则', 剛: '刚', 創: '创', 劇: '剧', 勵: '励', 勢: '势', 勝: '胜', 啟: '启', 問: '问',
  嚴: '严', 圖: '图', 圓: '圆', 壓: '压', 壩: '坝', 壯: '壮', 聲: '声', 夠: '够', 奮: '奋', 婦: '妇', 寧: '宁', 寬: '宽',
  寶: '宝', 對: '对', 尋: '寻', 屆: '届', 層: '层', 嶺: '岭', 島: '岛', 師: '师', 帶: '带', 幫: '帮', 庫: '库', 張: '张',
  彈: '弹', 徑: '径', 從: '从', 徵: '征', 惡: '恶', 慣: '惯', 慮: '虑', 憑: '凭', 懷: '怀', 懲: '惩', 戶: '户', 採: '采',
  揚: '扬', 換: '换', 損: '损', 撥: '拨', 擁: '拥', 擇: '择', 擊: '击', 擔: '担', 擴: '扩', 攜: '携', 攝: '摄', 敗: '败',
  數: '数', 斷: '断', 晉: '晋', 暢: '畅', 曆: '历', 楊: '杨', 樓: '楼', 樂: '乐', 樞: '枢', 橫: '横', 歡: '欢', 毀: '毁',
  漢: '汉', 溝: '沟', 滅: '灭', 滯: '滞', 滿: '满', 漁: '渔', 潔: '洁', 潛: '潜', 澤: '泽', 濕: '湿', 濫: '滥', 灣: '湾',
  熱: '热', 燈: '灯', 獨: '独', 獲: '获', 畝: '亩', 畢: '毕', 異: '异', 礦: '矿', 碼: '码', 禦: '御', 筆: '笔', 簽: '签',
  籌: '筹', 類: '类', 糾: '纠', 紛: '纷', 繫: '系', 羅: '罗', 義: '义', 習: '习', 聖: '圣', 聞: '闻', 脫: '脱', 臨: '临',
  艱: '艰', 莊: '庄', 萬: '万', 葉: '叶', 蓋: '盖', 蘭: '兰', 蟲: '虫', 術: '术', 裝: '装', 豐: '丰', 賓: '宾', 賽: '赛',
  贏: '赢', 趕: '赶', 踐: '践', 輛: '辆', 輪: '轮', 輯: '辑', 辭: '辞', 遷: '迁', 遲: '迟', 邁: '迈', 郵: '邮', 鄰: '邻',
  針: '针', 銀: '银', 銷: '销', 鋪: '铺', 鍵: '键', 鎖: '锁', 鏈: '链', 鑒: '鉴', 闡: '阐', 陳: '陈', 雖: '虽', 雲: '云',
  靜: '静', 頁: '页', 頂: '顶', 頒: '颁', 頓: '顿', 願: '愿', 顯: '显', 餘: '余', 駐: '驻', 黃: '黄', 溫: '温', 壇: '坛',
  傷: '伤', 濱: '滨', 愛: '爱', 賬: '账', 賠: '赔', 債: '债', 僅: '仅', 讚: '赞', 攤: '摊', 蔣: '蒋', 嚮: '向', 滬: '沪',
  釣: '钓', 凍: '冻', 塊: '块', 壘: '垒', 潤: '润', 燒: '烧', 稈: '秆', 勸: '劝', 舖: '铺', 遊: '游', 彙: '汇', 匯: '汇',
  覈: '核', 託: '托', 卹: '恤', 綫: '线', 蘆: '芦', 螢: '萤', 錦: '锦', 嶽: '岳', 鬆: '松', 幣: '币', 揮: '挥', 謹: '谨',
  鏡: '镜', 壽: '寿', 響: '响', 佈: '布', 穫: '获', 歐: '欧', 勻: '匀', 奧: '奥', 騎: '骑', 樁: '桩', 賀: '贺',
};

/**
 * The table as code units: `SIMPLIFIED[c]` is the simplified form of `c`, 0 for characters it leaves alone (those
 * the table maps to themselves included). Read by code unit, not as a regular-expression class of the ~600
 * characters: such a class costs the regex engine a long search per character until it is compiled, and the first
 * analysis of a large plan spent 20 ms in it.
 */
const SIMPLIFIED = (() => {
  const table = new Uint16Array(0x10000);
  for (const [from, to] of Object.entries(TRADITIONAL)) if (from !== to) table[from.charCodeAt(0)] = to.charCodeAt(0);
  return table;
})();

/** Maps traditional characters of the plan vocabulary to simplified ones (unknown characters unchanged). */
export function toSimplified(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const to = SIMPLIFIED[code]!;
    if (to !== 0) {
      out += text.slice(last, i) + String.fromCharCode(to);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Room for the folds below to write their code units, grown as needed (one fold at a time: each runs to its end in one
 * call). The text is written into it as UTF-16 code units by native code, read back as a typed array (reading a string
 * by `charCodeAt` costs a check of its kind on every character) and folded in place: the fold never writes ahead of
 * what it reads. It holds no reference to a text, and stays small: the decision folds at most its 30,000-character head.
 */
let foldRoom = new ArrayBuffer(8192);
let foldUnits = new Uint16Array(foldRoom);
let foldBytes = Buffer.from(foldRoom);

/** What `foldHead` counts in a text as written, pinyin noise included: its Latin letters and its Chinese characters. */
export interface FoldCounts {
  /** `A`–`Z` and `a`–`z`. */
  latin: number;
  /** U+4E00–U+9FFF. */
  han: number;
}

/**
 * `toSimplified(foldWidth(text))` with spaces and tabs dropped, in one pass into one flat string. (The four passes it
 * replaces made a chain of pieces that the decision's searches then joined again.)
 */
export function foldCompact(text: string): string {
  return fold(text, false, { latin: 0, han: 0 });
}

/**
 * `foldCompact(stripNoise(text))`, what the plan-or-not decision reads, with `counts` set for `text` as written: the
 * decision's one pass over the head it reads (the noise is dropped where it stands, as `stripNoise` drops it: each
 * bracket of noise from left to right).
 */
export function foldHead(text: string, counts: FoldCounts): string {
  return fold(text, true, counts);
}

/** The two folds' one loop: `counts` set, pinyin noise dropped when `dropNoise`. */
function fold(text: string, dropNoise: boolean, counts: FoldCounts): string {
  const n = text.length;
  if (foldUnits.length < n) {
    foldRoom = new ArrayBuffer(2 * Math.max(n, foldUnits.length * 2));
    foldUnits = new Uint16Array(foldRoom);
    foldBytes = Buffer.from(foldRoom);
  }
  foldBytes.write(text, 0, 2 * n, 'utf16le');
  const units = foldUnits;
  let latin = 0;
  let han = 0;
  let k = 0;
  // The branches go by block, the most frequent first: Chinese characters, then ASCII, then full-width forms. Every
  // traditional character `SIMPLIFIED` knows is a Chinese character, so no other block is looked up in it.
  for (let i = 0; i < n; i++) {
    let code = units[i]!;
    if (code >= 0x4e00 && code <= 0x9fff) {
      han++;
      const simple = SIMPLIFIED[code]!;
      if (simple !== 0) code = simple;
    } else if (code < 0x80) {
      if (code === 0x20 || code === 0x09) continue;
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) latin++;
      else if (code === 0x28 && dropNoise) {
        const end = noiseEnd(text, i);
        if (end > 0) {
          latin += noiseLetters(units, i, end);
          i = end - 1;
          continue;
        }
      }
    } else if (code >= 0xff01 && code <= 0xff5e) {
      if (code === 0xff08 && dropNoise) {
        const end = noiseEnd(text, i);
        if (end > 0) {
          latin += noiseLetters(units, i, end);
          i = end - 1;
          continue;
        }
      }
      code -= 0xfee0;
    } else if (code === 0x3000 || code === 0xa0) continue;
    units[k++] = code;
  }
  counts.latin = latin;
  counts.han = han;
  // Node's decoder keeps a lone surrogate as it is (a WHATWG TextDecoder would write U+FFFD).
  return foldBytes.toString('utf16le', 0, 2 * k);
}

/** The Latin letters (`a`–`z`) of the pinyin noise between `at` and `end`: counted as written, though dropped. */
function noiseLetters(units: Uint16Array, at: number, end: number): number {
  let latin = 0;
  for (let j = at + 1; j < end; j++) if (units[j]! >= 0x61 && units[j]! <= 0x7a) latin++;
  return latin;
}

const LINE_BREAK = /[\r\n]/;

/**
 * `text` with its line breaks dropped, and the spaces beside them: a title, a unit's name or a phrase that a hard wrap
 * (a PDF copy's fixed-width lines) or a flattened table broke over lines, read as written. Text without one is returned as is.
 */
export function oneLine(text: string): string {
  // Asked of every unit name and title: two searches for a character cost less than a regular expression's.
  return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text : text.replace(LINE_BREAKS, '');
}

/**
 * Line breaks and the spaces beside them, and a page number alone on a line between them (`市生态` / `— 3 —` / `环境局`:
 * a PDF's footer, which the lexer reads as part of the line break).
 */
const LINE_BREAKS = new RegExp(`\\s*[\\r\\n](?:\\s|(?:${PAGE_NUMBER_SOURCE})(?=[ \\t\\u3000]*(?:[\\r\\n]|$)))*`, 'g');

/**
 * `oneLine(text)` (a page number alone on a line between dropped too) and, for each of its code units and its end, the
 * offset in `text` it comes from: what is read in the joined text is placed back in the text as written. Null when `text` holds no line break that `cuts` joins.
 * `cuts` is given `text` and where the characters on either side of a break stand (a word after it may be asked for).
 */
export function unwrapped(
  text: string,
  cuts: (text: string, before: number, after: number) => boolean = () => true,
): { text: string; at: Int32Array } | null {
  if (!LINE_BREAK.test(text)) return null;
  const at = new Int32Array(text.length + 1);
  let out = '';
  let k = 0;
  let last = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c !== 0x0a && c !== 0x0d) {
      i++;
      continue;
    }
    // The run of spaces and line breaks around this break: dropped, when it cuts what `cuts` says (the characters
    // on either side of it).
    let from = i;
    while (from > last && isSpaceCode(text.charCodeAt(from - 1))) from--;
    let to = i;
    for (;;) {
      while (to < text.length && isSpaceCode(text.charCodeAt(to))) to++;
      // A page number alone on its line (`2025年7` / `— 3 —` / `月底前`) is part of the break.
      const page = to < text.length ? pageLineEnd(text, to, text.length) : -1;
      if (page < 0) break;
      to = page;
    }
    if (from === 0 || to >= text.length || !cuts(text, from - 1, to)) {
      i = to;
      continue;
    }
    for (let j = last; j < from; j++) at[k++] = j;
    out += text.slice(last, from);
    last = i = to;
  }
  // No break joined (a line break between two cells, not inside a date): the text as it is.
  if (last === 0) return null;
  for (let j = last; j < text.length; j++) at[k++] = j;
  at[k] = text.length;
  return { text: out + text.slice(last), at: at.subarray(0, k + 1) };
}

/** What a cell or a field writes to say it is empty (`—`, `/`, `-`, `无`). */
const PLACEHOLDER = /^(?:[—–\-－―/／\\、。.·…]+|无|無)$/;

/** Does `text` (trimmed) say it is empty: a placeholder a table or a field writes for no value? */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

const ANY_SPACE = /\s/;

/** The comparison key of a unit name: noise and spaces removed, width and script folded. */
export function unitKey(name: string): string {
  const folded = toSimplified(foldWidth(stripNoise(name)));
  return ANY_SPACE.test(folded) ? folded.replace(/\s+/g, '') : folded;
}

/** True for space of any width (the characters the lexer skips). */
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && ch.length > 0 && isSpaceCode(ch.charCodeAt(0));
}
