/** A target or actual cell read into quantities, a date, or words (domain §2). */
import type Decimal from "decimal.js";
import { Dec, digitsDecimal, ONE } from "./decimal";
import { compareDays, findDates, type Day } from "./dates";
import { judgeWords } from "./qualitative";
import { directionAround, latinUnitAt, readUnit } from "./quantityParts";
import { isExcelError, isNotApplicable, stripSpace } from "./text";
import { normalizeValueText } from "./valueText";
import { once } from "./memo";

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

const NUMBER = /(\d+(?:\.\d+)?)/g;
// what around a number makes it something else (hoisted: a literal in the loop is a new RegExp each time)
/** List numbering after a number: 1、 2． */
const LIST_MARK_AFTER = /^[、．]/;
/** A point not followed by a digit: 2. as a list number where it opens a clause. */
const LIST_POINT_AFTER = /^\.(?!\d)/;
const CLAUSE_START_BEFORE = /[;；。\ue000]/;
const LETTER = /[A-Za-z]/;
const LETTER_AFTER = /^[A-Za-z]/;
const MINUS = /^[-−]/;
/** What stands before the minus sign of a negative number (not a range 1-12月). */
const BEFORE_NEGATIVE = /[=≥≤<>:;,(~为是达]/;
const EXPLICIT_EQUAL_BEFORE = /(^|[^<>≤≥!])=$/;
const RECURRING_DAY = /(?:每月|次月)(\d{1,2})[日号](?:前|之前|以前)?/;
const RECURRING_LATE = /^\ue000*(后|之后|以后)/;
const BLANKS = /\ue000+/g;

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
  const recurring = RECURRING_DAY.exec(s);
  const dates = findDates(s);
  let date: Day | null = null;
  for (const h of dates) if (!date || compareDays(h.day, date) > 0) date = h.day;
  // blank out dates (with a private-use character) so their digits are not read as quantities
  for (const h of dates)
    s = s.slice(0, h.start) + "\ue000".repeat(h.end - h.start) + s.slice(h.end);
  if (recurring) s = s.replace(recurring[0], "\ue000".repeat(recurring[0].length));
  const recurringLate = !!recurring && RECURRING_LATE.test(s.slice(s.indexOf("\ue000")));

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
      LIST_MARK_AFTER.test(after) ||
      (LIST_POINT_AFTER.test(after) && (start === 0 || CLAUSE_START_BEFORE.test(prevChar)))
    )
      continue;
    if (prevChar === "(" && after.startsWith(")")) continue;
    // a digit glued to letters (App2, 5G, H5) is a name, not a quantity
    if (LETTER.test(prevChar) || (LETTER_AFTER.test(after) && !latinUnitAt(after, 0))) continue;
    // a minus sign makes a negative number, not a range (1-12月) or a date range (…日-2023年…)
    if (MINUS.test(prevChar) && (start === 1 || BEFORE_NEGATIVE.test(s[start - 2]))) {
      return noValue(text, "error");
    }
    const u = readUnit(after);
    const before = s.slice(Math.max(0, start - 5), start);
    const tail = after.slice(u.length);
    const direction = directionAround(before, tail);
    const explicitEqual = EXPLICIT_EQUAL_BEFORE.test(before);
    const digits = m[1];
    const scale = u.scale === null ? ONE : new Dec(u.scale);
    let value = u.scale === null ? digitsDecimal(digits) : digitsDecimal(digits).times(scale);
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
      source: s.slice(start, cursor).replace(BLANKS, ""),
    });
  }
  words += s.slice(cursor);
  words = words.replace(BLANKS, " ").trim();
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

/** A reader that remembers what it read, for one scoring pass (readings are immutable). */
export function memoReader(): ValueReader {
  return once(readValue);
}
