/**
 * Cell values as Excel types, calculates and shows them: what a value written through
 * range.values / range.formulas becomes, the one function the fake calculates, the text a value
 * shows in a format, and serial dates (Excel's days since 1899-12-30) to and from dates.
 */
import type { Scalar } from "./sheetModel";

// ---------------------------------------------------------------------------------------------
// What Excel does with a value written through range.values / range.formulas (typing semantics):
// a leading ' keeps text, "=…" is a formula, text that reads as a number, percentage, date or
// boolean becomes one. The fake does the same so that a host that writes "98.75%" or "00012345"
// as plain strings sees them change, as it would in Excel.
// ---------------------------------------------------------------------------------------------

export interface Coerced {
  value: Scalar;
  formula: string | null;
  quotePrefix: boolean;
  /** A number format Excel applies along with the value (a typed percentage or date). */
  numberFormat?: string;
}

const FULL_WIDTH = /[\uff10-\uff19\uff0b\uff0d\uff0e\uff05]/g;

function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Days since 1899-12-30, Excel's serial date. */
export function serialDate(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function coerceInput(input: Scalar, evaluate: (formula: string) => Scalar): Coerced {
  if (typeof input !== "string") return { value: input, formula: null, quotePrefix: false };
  if (input === "") return { value: "", formula: null, quotePrefix: false };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null, quotePrefix: true };
  const t = halfWidth(input.trim());
  if (input.startsWith("=")) return { value: evaluate(input), formula: input, quotePrefix: false };
  if (/^(true|false)$/i.test(t))
    return { value: t.toLowerCase() === "true", formula: null, quotePrefix: false };
  const num = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(?:[eE]([+-]?\d+))?(%?)$/.exec(t);
  if (num && (num[2] !== undefined || num[3] !== undefined)) {
    const n = Number(
      `${num[1]}${(num[2] ?? "0").replace(/,/g, "")}${num[3] ?? ""}${num[4] !== undefined ? `e${num[4]}` : ""}`
    );
    if (Number.isFinite(n)) {
      if (num[5]) {
        const decimals = num[3] ? num[3].length - 1 : 0;
        return {
          value: n / 100,
          formula: null,
          quotePrefix: false,
          numberFormat: decimals ? `0.${"0".repeat(decimals)}%` : "0%",
        };
      }
      return { value: n, formula: null, quotePrefix: false };
    }
  }
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31)
      return {
        value: serialDate(y, m, d),
        formula: null,
        quotePrefix: false,
        numberFormat: "yyyy/m/d",
      };
  }
  if (input.startsWith("+") || input.startsWith("-")) {
    // Excel reads a leading + or - as the start of a formula (Range.values documentation)
    return { value: "#NAME?", formula: `=${input}`, quotePrefix: false };
  }
  return { value: input, formula: null, quotePrefix: false };
}

/** The fake calculates one function, the one a summary sheet uses for its links. */
export function evaluateFormula(formula: string): Scalar {
  const link = /^=HYPERLINK\(\s*"((?:[^"]|"")*)"\s*,\s*"((?:[^"]|"")*)"\s*\)$/i.exec(
    formula.trim()
  );
  if (link) return link[2].replace(/""/g, '"');
  const text = /^="((?:[^"]|"")*)"$/.exec(formula.trim());
  if (text) return text[1].replace(/""/g, '"');
  const num = /^=([+-]?\d+(?:\.\d+)?)$/.exec(formula.trim());
  if (num) return Number(num[1]);
  // anything else keeps no cached value: the fake does not calculate
  return "";
}

/** The text Excel would display for a value in a format (the common formats only). */
export function displayText(value: Scalar, format: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const pct = /^0(?:\.(0+))?%$/.exec(format);
  if (pct) return `${(value * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const fixed = /^0(?:\.(0+))?$/.exec(format);
  if (fixed) return value.toFixed(fixed[1]?.length ?? 0);
  if (/y/.test(format) && /d/.test(format)) {
    const d = new Date(Date.UTC(1899, 11, 30) + value * 86_400_000);
    return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  }
  return String(value);
}

/** A number format that shows a date (quoted text, [colour] and \-escapes aside). */
export function isDateFormat(format: string): boolean {
  const f = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[yd]/i.test(f) && !/^General$/i.test(f);
}

/** A serial date as its ISO date, or date and time where it has a time of day. */
export function isoFromSerial(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}
