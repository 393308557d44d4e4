import type Decimal from "decimal.js";
import { Dec } from "./decimal";
import { judgeWords } from "./qualitative";
import { LATIN_UNITS } from "./vocabulary";
import { isExcelError, isNotApplicable, stripSpace, toHalfWidth } from "./text";

/** Direction of a target: at least (正向), at most (反向), or none (= or a bare number). */
export type Direction = "atLeast" | "atMost" | "none";

/** One number read from a cell, in its unit. */
export interface Quantity {
  /** Magnitude with any scale applied: 6352.3万 → 63523000; 110.40万元 → 1104000 (元); 95% → 0.95. */
  readonly value: Decimal;
  /** '元' for money, '%' for a percentage (value is the fraction), a measure word ('篇', '小时'), or '' for bare. */
  readonly unit: string;
  /** Denominator of a per-unit amount: 5.4万/部 → '部'. */
  readonly per: string | null;
  /** The scale prefix written with the number (万 → 10000), 1 when none. */
  readonly scale: Decimal;
  /** The number as printed, before scale: '6352.3'. */
  readonly digits: string;
  /** 2500余篇, 100多次. */
  readonly approximate: boolean;
  readonly direction: Direction;
  /** True where '=' was written explicitly. */
  readonly explicitEqual: boolean;
  readonly source: string;
}

/** A calendar day; year null for 当年12月底 / 12月底. */
export interface Day {
  readonly y: number | null;
  readonly m: number;
  readonly d: number;
}

export interface Reading {
  readonly text: string;
  /**
   * error: an Excel error (#REF!, #DIV/0!, #N/A) or a negative number (-5, ＝-3个): no amount,
   * count, rate or weight of these forms is negative, so nothing is read from it (§2: nothing is guessed).
   */
  readonly status: "ok" | "empty" | "na" | "error";
  readonly quantities: readonly Quantity[];
  /** The deadline or date the text names (the end of a range, the last day of a month). */
  readonly date: Day | null;
  /** 每月25日前, 次月10日前 → 25, 10. */
  readonly recurringDay: number | null;
  /** The recurring day is written as missed: 次月10日后. */
  readonly recurringLate: boolean;
  /** 无, 零, 没有, 未发生: zero of the other side's unit. */
  readonly zero: boolean;
  /** The text with its quantities and dates taken out: what is left to judge as words. */
  readonly words: string;
}

const SCALE: Record<string, string> = { 万: "10000", 亿: "100000000", 千: "1000", 百: "100" };

/** Measure words read after a number; longer first. 元 and % are handled apart. */
const MULTI_MEASURES = [
  "个百分点",
  "个工作日",
  "工作日",
  "个月",
  "小时",
  "分钟",
  "人次",
  "户次",
  "课时",
  "学时",
  "平方米",
  "公里",
  "千米",
];
const MEASURE_CHARS =
  "期篇条稿次场个项人件套部集台份名户处册家所天年月日周秒本幅组批起首章张辆座栋间块只双对盏根米亩吨度周轮节门栏档类款集帧屏分秒";

const CN_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const CN_NUMERAL = /[一二两三四五六七八九十]/;

/** Small Chinese numerals before a measure word: 两次 → 2次, 十二期 → 12期. */
function chineseCounts(text: string): string {
  if (!CN_NUMERAL.test(text)) return text;
  return text.replace(
    /(^|[^第统进一之万])([一二两三四五六七八九十]{1,3})(?=(个|次|项|篇|期|场|人|件|套|条|家|名|批|轮|天|本|部|集|所|台|处))/g,
    (whole, pre: string, num: string) => {
      let n = 0;
      if (num.includes("十")) {
        const [tens, ones] = num.split("十");
        n =
          (tens === "" ? 1 : (CN_DIGITS[tens] ?? NaN)) * 10 +
          (ones === "" ? 0 : (CN_DIGITS[ones] ?? NaN));
      } else if (num.length === 1) {
        n = CN_DIGITS[num];
      } else {
        return whole;
      }
      return Number.isNaN(n) ? whole : `${pre}${n}`;
    }
  );
}

/** Half-width, no whitespace, no thousands separators, %% → %. */
export function normalizeValueText(text: string): string {
  let s = stripSpace(toHalfWidth(text));
  if (/[≧≦％]|%%/.test(s))
    s = s.replace(/≧/g, "≥").replace(/≦/g, "≤").replace(/%%+/g, "%").replace(/％/g, "%");
  // thousands separators: 1,000 and 1，000 (already half-width) — only groups of exactly three digits
  if (s.includes(",")) s = s.replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
  return chineseCounts(s);
}

const LAST_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function lastDay(y: number | null, m: number): number {
  if (m === 2 && y !== null) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return LAST_DAY[m - 1] ?? 31;
}

interface DateHit {
  readonly day: Day;
  readonly start: number;
  readonly end: number;
}

const DATE_PATTERNS: readonly { re: RegExp; day: (m: RegExpExecArray) => Day | null }[] = [
  // 2023年1月1日-2023年12月31日 is two hits of the next pattern; ranges end on the later one.
  // (2023年1-12月 is a month range below, not the 12th of January)
  {
    re: /(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})(?![\d月])[日号]?/g,
    day: (m) => ({ y: +m[1], m: +m[2], d: +m[3] }),
  },
  // 2023年1-12月, 2022年9月至12月 → the end month's last day
  {
    re: /(\d{4})年(\d{1,2})月?(?:-|—|~|至|到)(\d{1,2})月/g,
    day: (m) => ({ y: +m[1], m: +m[3], d: lastDay(+m[1], +m[3]) }),
  },
  {
    re: /(\d{4})年(\d{1,2})月(?:底|末|份)?/g,
    day: (m) => ({ y: +m[1], m: +m[2], d: lastDay(+m[1], +m[2]) }),
  },
  { re: /(\d{4})年(?:底|末|内|年底)/g, day: (m) => ({ y: +m[1], m: 12, d: 31 }) },
  {
    re: /(?:当年|本年|年内)?(\d{1,2})月(\d{1,2})[日号]/g,
    day: (m) => ({ y: null, m: +m[1], d: +m[2] }),
  },
  {
    re: /(?:当年|本年)?(\d{1,2})月(?:底|末|份)/g,
    day: (m) => ({ y: null, m: +m[1], d: lastDay(null, +m[1]) }),
  },
];

const MAY_HOLD_DATE = /\d[年月.\-/]/;

function findDates(s: string): DateHit[] {
  const hits: DateHit[] = [];
  if (!MAY_HOLD_DATE.test(s)) return hits;
  const taken: boolean[] = new Array<boolean>(s.length).fill(false);
  for (const { re, day } of DATE_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      let overlaps = false;
      for (let i = start; i < end && !overlaps; i++) overlaps = taken[i];
      if (overlaps) continue;
      const d = day(m);
      if (!d || d.m < 1 || d.m > 12 || d.d < 1 || d.d > 31) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      hits.push({ day: d, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

export function compareDays(a: Day, b: Day): number {
  const ya = a.y ?? b.y ?? 0;
  const yb = b.y ?? a.y ?? 0;
  return ya !== yb ? ya - yb : a.m !== b.m ? a.m - b.m : a.d - b.d;
}

// A negated word is the opposite direction of the word it negates (不超过 is at most although it ends
// in 超过), so the negated forms are matched first.
const AT_LEAST_NEGATED = /(不少于|不低于|不小于)$/;
const AT_MOST_NEGATED = /(不超过|不高于|不大于|不多于)$/;
const AT_LEAST_BEFORE = /(≥|>=|>|至少|超过|大于|高于|多于)$/;
const AT_MOST_BEFORE = /(≤|<=|<|低于|小于|少于|控制在)$/;
const AT_LEAST_AFTER = /^(及以上|以上)/;
// 30天内 is at most; 10条内容, 3个内部… are not
const AT_MOST_AFTER = /^(以内|以下|之内|内(?![容部涵外]))/;

function directionAround(before: string, tail: string): Direction {
  if (AT_LEAST_NEGATED.test(before)) return "atLeast";
  if (AT_MOST_NEGATED.test(before)) return "atMost";
  if (AT_LEAST_BEFORE.test(before) || AT_LEAST_AFTER.test(tail)) return "atLeast";
  if (AT_MOST_BEFORE.test(before) || AT_MOST_AFTER.test(tail)) return "atMost";
  return "none";
}

const NUMBER = /(\d+(?:\.\d+)?)/g;

/** A unit in Latin letters at `i` (40TB, 12km), not followed by another letter or digit (5G, 4K stay names). */
function latinUnitAt(rest: string, i: number): string | null {
  const c = rest.charCodeAt(i);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || rest[i] === "㎡")) return null;
  const unit = LATIN_UNITS.find((u) => rest.startsWith(u, i));
  if (!unit) return null;
  return /^[A-Za-z0-9]/.test(rest.slice(i + unit.length)) ? null : unit;
}

function readUnit(rest: string): {
  scale: string | null;
  approx: boolean;
  unit: string;
  per: string | null;
  length: number;
} {
  let i = 0;
  let approx = false;
  let scale: string | null = null;
  if (rest[i] === "余" || rest[i] === "多") {
    approx = true;
    i++;
  }
  if (rest[i] && SCALE[rest[i]] && !rest.startsWith("千米", i) && !rest.startsWith("百分", i)) {
    scale = SCALE[rest[i]];
    i++;
  }
  if (!approx && (rest[i] === "余" || rest[i] === "多")) {
    approx = true;
    i++;
  }
  let unit = "";
  if (rest[i] === "%") {
    unit = "%";
    i++;
  } else if (rest[i] === "元") {
    unit = "元";
    i++;
  } else if (latinUnitAt(rest, i)) {
    unit = latinUnitAt(rest, i) as string;
    i += unit.length;
  } else {
    const multi = MULTI_MEASURES.find((w) => rest.startsWith(w, i));
    if (multi) {
      unit = multi === "个工作日" ? "工作日" : multi;
      i += multi.length;
    } else if (rest[i] && MEASURE_CHARS.includes(rest[i])) {
      unit = rest[i];
      i++;
    }
  }
  let per: string | null = null;
  const perMatch = /^\/(个工作日|工作日|[\u4e00-\u9fff])/.exec(rest.slice(i));
  if (perMatch && unit !== "%") {
    per = perMatch[1];
    i += perMatch[0].length;
  }
  return { scale, approx, unit, per, length: i };
}

function noValue(text: string, status: Reading["status"]): Reading {
  return {
    text,
    status,
    quantities: [],
    date: null,
    recurringDay: null,
    recurringLate: false,
    zero: false,
    words: "",
  };
}

/** Read a target or actual cell into quantities, a date, or words (domain §2). */
export function readValue(raw: string): Reading {
  const text = raw;
  const trimmed = stripSpace(text);
  if (trimmed === "") return noValue(text, "empty");
  if (isExcelError(trimmed)) return noValue(text, "error");
  if (isNotApplicable(trimmed)) return noValue(text, "na");

  let s = normalizeValueText(text);
  const recurring = /(?:每月|次月)(\d{1,2})[日号](?:前|之前|以前)?/.exec(s);
  const dates = findDates(s);
  let date: Day | null = null;
  for (const h of dates) if (!date || compareDays(h.day, date) > 0) date = h.day;
  // blank out dates (with a private-use character) so their digits are not read as quantities
  for (const h of dates)
    s = s.slice(0, h.start) + "\ue000".repeat(h.end - h.start) + s.slice(h.end);
  if (recurring) s = s.replace(recurring[0], "\ue000".repeat(recurring[0].length));
  const recurringLate = !!recurring && /^\ue000*(后|之后|以后)/.test(s.slice(s.indexOf("\ue000")));

  const quantities: Quantity[] = [];
  let words = "";
  let cursor = 0;
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(s)) !== null) {
    const start = m.index;
    const after = s.slice(start + m[0].length);
    // list numbering: 1、 2. (not a decimal), （1）
    const prevChar = s[start - 1] ?? "";
    if (
      /^[、．]/.test(after) ||
      (/^\.(?!\d)/.test(after) && (start === 0 || /[;；。\ue000]/.test(prevChar)))
    )
      continue;
    if (prevChar === "(" && after.startsWith(")")) continue;
    // a digit glued to letters (App2, 5G, H5) is a name, not a quantity
    if (/[A-Za-z]/.test(prevChar) || (/^[A-Za-z]/.test(after) && !latinUnitAt(after, 0))) continue;
    // a minus sign makes a negative number, not a range (1-12月) or a date range (…日-2023年…)
    if (
      /^[-−]/.test(s.slice(start - 1, start)) &&
      (start === 1 || /[=≥≤<>:;,(~为是达]/.test(s[start - 2]))
    ) {
      return noValue(text, "error");
    }
    const u = readUnit(after);
    const before = s.slice(Math.max(0, start - 5), start);
    const tail = after.slice(u.length);
    const direction = directionAround(before, tail);
    const explicitEqual = /(^|[^<>≤≥!])=$/.test(before);
    const digits = m[1];
    let value = new Dec(digits);
    const scale = new Dec(u.scale ?? 1);
    value = value.times(scale);
    if (u.unit === "%") value = value.dividedBy(100);
    words += s.slice(cursor, start);
    cursor = start + m[0].length + u.length;
    quantities.push({
      value,
      unit: u.unit,
      per: u.per,
      scale,
      digits,
      approximate: u.approx,
      direction,
      explicitEqual,
      source: s.slice(start, cursor).replace(/\ue000/g, ""),
    });
  }
  words += s.slice(cursor);
  words = words.replace(/\ue000+/g, " ").trim();
  // 无 / 零 / 没有 / 未发生 are zero of the other side's unit; 没有完成 is a failure phrase to judge, not a count
  const zero =
    quantities.length === 0 &&
    /^(无|零|没有|未发生|无发生|0)/.test(words.replace(/^[=＝]/, "")) &&
    judgeWords(words)?.level !== "failed";
  return {
    text,
    status: "ok",
    quantities,
    date,
    recurringDay: recurring ? +recurring[1] : null,
    recurringLate,
    zero,
    words,
  };
}

/** The direction written anywhere in a target (the first quantity's, or words like 以上 alone). */
export function targetDirection(r: Reading): Direction {
  return r.quantities[0]?.direction ?? "none";
}

const DURATION_UNITS = new Set(["分钟", "小时", "天", "工作日", "个月", "日", "周"]);
export function isDuration(q: Quantity): boolean {
  return DURATION_UNITS.has(q.unit);
}

export type ValueReader = (text: string) => Reading;

/**
 * A reader that remembers what it read, for one scoring pass: a workbook repeats its texts
 * (≥90%, 有效提升, 100%) from tab to tab. Readings are immutable, so sharing them is safe.
 */
export function memoReader(): ValueReader {
  const seen = new Map<string, Reading>();
  return (text: string): Reading => {
    let r = seen.get(text);
    if (r === undefined) {
      r = readValue(text);
      if (seen.size < 50000) seen.set(text, r);
    }
    return r;
  };
}
