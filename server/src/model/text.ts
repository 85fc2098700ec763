// Text folding shared by the model and the rules: full/half width, traditional keywords, unit keys, scraping noise.

const PINYIN_NOISE = /[(（][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,6}[)）]/g;

/** Removes pinyin left by scraping (`發(fā)展` → `發展`). */
export function stripNoise(text: string): string {
  return text.includes('(') || text.includes('（') ? text.replace(PINYIN_NOISE, '') : text;
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
};

/** Every traditional character the table knows (all in the BMP), as one class: text without them is returned as is. */
const TRADITIONAL_CHARS = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`);

/** The table as code units: `SIMPLIFIED[c]` is the simplified form of `c`, 0 for characters it leaves alone. */
const SIMPLIFIED = (() => {
  const table = new Uint16Array(0x10000);
  for (const [from, to] of Object.entries(TRADITIONAL)) table[from.charCodeAt(0)] = to.charCodeAt(0);
  return table;
})();

/** Maps traditional characters of the plan vocabulary to simplified ones (unknown characters unchanged). */
export function toSimplified(text: string): string {
  if (!TRADITIONAL_CHARS.test(text)) return text;
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const to = SIMPLIFIED[code]!;
    if (to !== 0 && to !== code) {
      out += text.slice(last, i) + String.fromCharCode(to);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
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

/**
 * True for the code unit of a space of any width: what `\s` matches (which is also what `String.prototype.trim`
 * removes), and the zero-width space.
 */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f
  );
}

/** True for what `String.prototype.trim` removes (every `isSpaceCode` but the zero-width space). */
export function isTrimCode(code: number): boolean {
  return code !== 0x200b && isSpaceCode(code);
}

/** Narrows [start, end) of `text` to exclude surrounding spaces. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}
