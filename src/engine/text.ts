import type { CellScalar } from "./types";

/** The text of a cell value as an accountant sees it; numbers through their shortest decimal string. */
export function cellText(value: CellScalar | undefined): string {
  if (value === null || value === undefined) return "";
  // a host number as Excel shows it: 15 significant digits (0.1 + 0.2 is 0.3)
  if (typeof value === "number")
    return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (１２３，．％：（）) to half-width; U+3000 to a space. */
export function toHalfWidth(text: string): string {
  // one pass over the code units; a text without full-width characters is returned as it is
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x3000 && (c < 0xff01 || c > 0xff5e)) continue;
    out += text.slice(from, i) + (c === 0x3000 ? " " : String.fromCharCode(c - FULL_WIDTH_OFFSET));
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Remove every whitespace character (spaces, U+3000, line breaks). */
const SPACE = /[\s\u3000\u00a0\u200b]+/g;
const HAS_SPACE = /[\s\u3000\u00a0\u200b]/;

export function stripSpace(text: string): string {
  return HAS_SPACE.test(text) ? text.replace(SPACE, "") : text;
}

/**
 * Normalise a header or label for whole-cell comparison: no whitespace, half-width brackets
 * and colons, no trailing colon.
 */
export function normalizeHeader(text: string): string {
  return stripSpace(toHalfWidth(text)).replace(/[:：]+$/, "");
}

/** Cells holding -, —, /, ／ mean "not applicable": no value, no prompt. */
export function isNotApplicable(text: string): boolean {
  return /^[-—–－/／\\]+$/.test(stripSpace(text));
}

const EXCEL_ERROR = /^#(REF!|DIV\/0!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

export function isExcelError(text: string): boolean {
  return EXCEL_ERROR.test(stripSpace(text));
}

/** The last （N分） with a numeric N in a text: （XX分）效益指标（20分） → 20. */
export function bracketWeight(text: string): string | null {
  if (!text.includes("分")) return null;
  const re = /\((\d+(?:\.\d+)?)分\)/g;
  let last: string | null = null;
  for (const m of toHalfWidth(stripSpace(text)).matchAll(re)) last = m[1];
  return last;
}

/** A text without its （N分） / （XX分） weight marks and whitespace. */
export function withoutWeightMarks(text: string): string {
  return stripSpace(toHalfWidth(text)).replace(/\([^()]*分\)/g, "");
}

/**
 * A dot kept only between two digits (a decimal point), else dropped with the digit before it
 * kept: what `/\.(?!\d)|(?<!\d)\./` removes, without a lookbehind (ES2018: the old Edge engine
 * of Excel 2016/2019 cannot parse a script holding one, issue 19).
 */
function keepDecimalPoint(match: string, before: string, after: string): string {
  return before && after ? match : before;
}

/**
 * Text compared for "same text, achieved": whitespace and punctuation normalised (full-width
 * ＞＜＝ are half-width after toHalfWidth), a leading 完成/已/已完成 dropped.
 */
export function comparableText(text: string): string {
  return stripSpace(toHalfWidth(text))
    .replace(/(\d?)\.(?=(\d?))/g, keepDecimalPoint)
    .replace(/[，,。;；、:：!！?？“”"'‘’()（）【】[\]]/g, "")
    .replace(/^(已完成|已|完成)/, "");
}
