import Decimal from "decimal.js";
import { plain } from "../engine/decimal";
import { groupThousands } from "../engine/format";
import { cellText, stripSpace } from "../engine/text";
import { rateAgrees, readRate } from "../engine/agree";
import type { Cell, CellScalar } from "../engine/types";
import { CODE_PREFIX, PROSE_FIXES, RATE_COMPUTED_BY } from "./words";

/**
 * How the report prints numbers: as the forms print them. Money in 万元 with two decimals and
 * thousands separators (2,803.88), rates with two decimals and %, scores as the profile rounded
 * them (8.8, 9.03). Every number comes in as a Decimal or as the cell's own text; no float.
 */
export function money(amount: Decimal): string {
  return groupThousands(amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
}

/** A fraction as a percentage with two decimals: 0.903186 → 90.32%. */
export function rate(fraction: Decimal): string {
  return `${fraction.times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`;
}

/** A score or weight as the profile rounded it: no trailing zeros. */
export function score(value: Decimal): string {
  return plain(value);
}

/** A cell's text for a sentence: line breaks inside Chinese text dropped, spaces collapsed. */
export function cellWords(value: CellScalar | undefined): string {
  return cellText(value)
    .replace(/[ \t\u3000]*\n[ \t\u3000]*/g, "")
    .replace(/[ \t\u3000\u00a0]+/g, " ")
    .trim();
}

/** A label (一级/二级指标) without any whitespace: "经济效益\n指标" → 经济效益指标. */
export function labelWords(value: CellScalar | undefined): string {
  return stripSpace(cellText(value));
}

/** A printed amount cell: a number with two decimals, or the text as printed. */
export function printedAmount(value: CellScalar | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return money(new Decimal(cellText(value)));
  const t = cellWords(value);
  return t === "" || /^[—-]+$/.test(t) ? null : t;
}

/** A unit's or department's name without the code printed before it; a bare code is no name. */
export function withoutCode(name: string | null): string | null {
  if (name === null) return null;
  const t = name.replace(CODE_PREFIX, "").trim();
  return t === "" ? null : t;
}

/** A sentence as a Chinese government report writes it: ≤ ≥ ＜ ＞, no "。，" (PROSE_FIXES). */
export function prose(sentence: string): string {
  return PROSE_FIXES.reduce((t, [re, to]) => t.replace(re, to), sentence);
}

/**
 * A rate the form printed with fewer than two decimals (103%) is quoted as printed, the computed
 * rate beside it (103%（按金额计算为103.50%）), never reprinted as 103.00%; a printed rate that
 * disagrees with the computed one, or none printed, gives the computed rate (issue 21).
 */
export function quotedRate(
  cell: Cell | undefined,
  computed: Decimal,
  how: string = RATE_COMPUTED_BY.amounts
): string {
  const exact = rate(computed);
  const printed = cell ? readRate(cell.value, cell.numberFormat, computed) : null;
  if (!printed || printed.decimals >= 2) return exact;
  const shown = (f: Decimal): string =>
    f.times(100).toDecimalPlaces(printed.decimals, Decimal.ROUND_HALF_UP).toFixed(printed.decimals);
  // the engine's agreement (rounded or cut at the printed decimals); a wrong rate gives the computed
  if (!rateAgrees(printed.fraction, printed.decimals, computed)) return exact;
  const quoted = `${shown(printed.fraction)}%`;
  return new Decimal(shown(printed.fraction)).equals(computed.times(100).toDecimalPlaces(2))
    ? quoted
    : `${quoted}（${how}${exact}）`;
}
