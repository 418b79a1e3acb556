/**
 * The Vietnamese around the figures, as the parser reads it: filler words, words that cut the
 * link between a label and a number, words that make a number context (a date, a period, a
 * document number), yes/no words and the marks that glue or open things. All words are folded
 * (lowercase, no diacritics, `đ` → `d`) as the tokens they are compared with. Pure data.
 */

// biome-ignore format: a word list reads better packed
/** Words that may stand between a label and its number without breaking the link. */
export const FILLERS: ReadonlySet<string> = new Set([
  'dat', 'la', 'duoc', 'dc', 'khoang', 'a', 'ah', 'nhe', 'nha', 'da', 'thi', 'co', 've', 'vao', 'chung',
  'tam', 'gan', 'hon', 'tren', 'muc', 'o', 'ket', 'qua', 'lieu', 'em', 'anh', 'chi', 'bao', 'cao', 'gui',
  'xin', 'kinh', 'thua', 'hien', 'nay', 'tong', 'cong', 'hoan', 'thanh', 'dang', 'uoc', 'tinh', 'toi',
  'xap', 'xi', 'ty', 'le', 'tyle', 'tl', 'bang', 'ok', 'oke', 'vang', 'ne', 'day', 'nhu', 'sau', 'gom',
  'cu', 'the', 'va', 'voi', 'cua', 'trong', 'tai', 'xong', 'roi', 'ca', 'chinh', 'xac', 'hi', 'ha',
]);

/** Words that cut the link between a label and a number (`việc giảm 2%` is not a value of `việc`). */
export const BREAKERS: ReadonlySet<string> = new Set(['tang', 'giam', 'vuot']);

// biome-ignore format: a word list reads better packed
/** A number right after one of these words is context, not a value (`năm 2026`, `chỉ tiêu 82,5%`). */
export const CONTEXT_BEFORE: ReadonlySet<string> = new Set([
  'nam', 'thang', 'ngay', 'quy', 'tuan', 'dot', 'lan', 'ky', 'khoan', 'dieu', 'chuong', 'trang', 'thu',
  'top', 'doan', 'qd', 'nd', 'cv', 'truoc', 'tieu', 'hoach', 'luc', 'h', 'gio', 'kh', 'phong', 'so',
  'vuot',
]);

/** …except after this word: `đăng ký 25` is a figure (not `kỳ 25`), `cơ sở 3` is not `số 3`. */
export const CONTEXT_EXCEPT: ReadonlyMap<string, string> = new Map([
  ['ky', 'dang'],
  ['so', 'co'],
]);

/** Longest number token read as a figure (digits and separators). */
export const MAX_NUMBER_LENGTH = 24;

// biome-ignore format: a word list reads better packed
/**
 * A plain integer right before one of these words is a time, an age or a count of something
 * else (`6 tháng`, `5 tuổi`, `2 chỉ tiêu`, `12 chi cục`).
 */
export const CONTEXT_AFTER: ReadonlySet<string> = new Set([
  'thang', 'nam', 'quy', 'ngay', 'tuan', 'gio', 'h', 'g', 'phut', 'tuoi', 't', 'lan', 'dot', 'chi',
]);

/** After `so` (so với, so cùng kỳ…) one of these marks a comparison, not a value. */
export const COMPARISON_NEXT: ReadonlySet<string> = new Set(['voi', 'cung', 'ky', 'nam', 'thang', 'cungky']);

/** Words that answer a yes/no indicator with yes (1): `có`, `rồi`, `đã`, `xong`, `đạt`, `ok`… */
export const YES: ReadonlySet<string> = new Set(['co', 'roi', 'da', 'xong', 'dat', 'yes', 'ok', 'x']);
/** Words that answer a yes/no indicator with no (0): `không`, `chưa`, `ko`, `no`, `k`. */
export const NO: ReadonlySet<string> = new Set(['khong', 'chua', 'ko', 'no', 'k']);

/** Punctuation that may sit inside a multi-word label (`Tiền, hàng ủng hộ`, `văn bản/đề án`). */
export const PHRASE_GLUE: ReadonlySet<string> = new Set([',', '/', '-', '.', '(', ')']);

/** More unknown words than this between a label and a number break the link. */
export const MAX_UNKNOWN_WORDS = 2;

/** Marks after which an attached `-` is a minus sign (`khai tử: -2%`), not a separator. */
export const SIGN_OPENERS: ReadonlySet<string> = new Set([':', '=', '(', '\n', ';', ',']);

/** First word of `phần trăm` (per cent) after a number: with {@link PERCENT_WORD_2}, a `%`. */
export const PERCENT_WORD: ReadonlySet<string> = new Set(['phan']);
/** Second word of `phần trăm` (per cent). */
export const PERCENT_WORD_2: ReadonlySet<string> = new Set(['tram']);
/** `so` (so với, so cùng kỳ) after a number starts a comparison. */
export const COMPARISON_WORD: ReadonlySet<string> = new Set(['so']);

/** `giảm` (down): before or after a number, a decrease — a negative value where one is allowed. */
export const DOWN_WORD = 'giam';
/** `tăng` (up): before or after a number, an increase. */
export const UP_WORD = 'tang';

// biome-ignore format: a word list reads better packed
/**
 * Words a label may carry or leave out without changing what it names (`về việc` = `việc`,
 * `số tiền` = `tiền`, `xã nghèo được hỗ trợ` = `xã nghèo hỗ trợ`); ignored when weighing the
 * words around a number (`số` is also half of `so với`, folded).
 */
export const OPTIONAL_WORDS: ReadonlySet<string> = new Set(['ve', 'cua', 'duoc', 'dc', 'o', 'co', 'va', 'so']);

/** After `đồng`/`đ`, these make it not money: `đồng chí`, `đ/c` (comrade). */
export const NOT_CURRENCY_NEXT: ReadonlySet<string> = new Set(['chi', '/']);

/**
 * Word pairs that, before a number and its label or over them as a heading, make it a target or
 * a past figure, not this period's value: `chỉ tiêu`, `mục tiêu`, `năm trước`, `kỳ trước`, `cùng kỳ`.
 */
export const TARGET_WORDS: readonly (readonly [string, string])[] = [
  ['chi', 'tieu'],
  ['muc', 'tieu'],
  ['nam', 'truoc'],
  ['ky', 'truoc'],
  ['cung', 'ky'],
];

/** Words before `chỉ tiêu` that make it "the indicators", not "the target": `các`, `những`, `mấy`. */
export const PLURAL_WORDS: ReadonlySet<string> = new Set(['cac', 'nhung', 'may']);
