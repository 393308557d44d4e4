/**
 * Template placeholder rows (domain §1): a row whose name is empty or only the template's label
 * (指标1：, 指标2:/, 三级指标3) and whose every other cell says nothing. One definition, used by
 * recognition (src/form/indicatorTable.ts, which drops such rows) and by scoring (which drops them
 * from forms built any other way); the words are data in ./vocabulary.
 */
import { cellText, isNotApplicable, normalizeHeader, stripSpace } from "./text";
import type { CellScalar, IndicatorRow } from "./types";
import { PLACEHOLDER_CHARS, PLACEHOLDER_NAME } from "./vocabulary";

/** The first character of a text that may say nothing (a space, a dot, a dash, a slash). */
const MAY_SAY_NOTHING = /^[\s\u3000\u00a0\u200b\-—–－/／\\.…。·]/;

/** A cell that says nothing: empty, only dots (……), or not applicable (-, —, /). */
export function saysNothing(value: CellScalar | undefined): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (typeof value !== "string" || !MAY_SAY_NOTHING.test(value)) return false;
  const t = stripSpace(value);
  return t === "" || PLACEHOLDER_CHARS.test(t) || isNotApplicable(t);
}

/** A name that is only the template's label, read as a header is (no spaces, half-width). */
export function isPlaceholderName(name: CellScalar | undefined): boolean {
  return PLACEHOLDER_NAME.test(normalizeHeader(cellText(name)));
}

/** A placeholder line: its name empty or only a label, every other cell saying nothing. */
export function isPlaceholder(
  name: CellScalar | undefined,
  others: readonly (CellScalar | undefined)[]
): boolean {
  return others.every(saysNothing) && (saysNothing(name) || isPlaceholderName(name));
}

/** A recognised indicator row that is a placeholder: no weight, no score, no prompt. */
export function isPlaceholderRow(row: IndicatorRow): boolean {
  const others = [row.target, row.actual, row.weight, row.score, row.rate, row.reason];
  return isPlaceholder(
    row.name?.value,
    others.map((c) => c?.value)
  );
}
