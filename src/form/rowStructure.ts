/**
 * The structure of an indicator table's rows (domain §9), read once the rows are: weights printed as
 * percentages (20%, 10%, 5% adding up to 100%) are points; a parent row (一、 over 1、2、3、, ★ over
 * its rows) whose printed weight equals the sum of the rows directly under it is a heading, not an
 * indicator; rows with no weight and no score under a weighted row (其中：…) are its detail, not
 * indicators. Pure: the rows kept are the rows as read, a percent weight's cell keeps its address.
 */
import Decimal from "decimal.js";
import { cellText, stripSpace } from "../engine/text";
import { saysNothing } from "../engine/placeholder";
import type { Cell, IndicatorRow } from "../engine/types";
import { DETAIL_NAME, ROW_RANKS } from "./vocabulary";

const PERCENT = /^(\d+(?:\.\d+)?)%$/;

/** A weight cell as a percentage: "20%", or 0.2 shown with a % format; null otherwise. */
function percentOf(cell: Cell | undefined): Decimal | null {
  if (!cell) return null;
  if (typeof cell.value === "number" && (cell.numberFormat ?? "").includes("%"))
    return new Decimal(cell.value).times(100).toDecimalPlaces(10);
  const m = PERCENT.exec(stripSpace(cellText(cell.value)).replace("％", "%"));
  return m ? new Decimal(m[1]) : null;
}

/**
 * Weights printed as percentages are points where every printed weight is one and they add up to
 * at most 100% (the form's points, the budget's share left out): 20% is 20 points, never 0.2.
 */
export function percentWeights(
  rows: readonly IndicatorRow[],
  totalWeight?: Cell
): { rows: IndicatorRow[]; totalWeight?: Cell } {
  const printed = rows.filter((r) => r.weight && !saysNothing(r.weight.value));
  const shares = printed.map((r) => percentOf(r.weight));
  if (printed.length === 0 || shares.some((p) => p === null))
    return { rows: rows.slice(), totalWeight };
  const sum = (shares as Decimal[]).reduce((a, b) => a.plus(b), new Decimal(0));
  if (sum.greaterThan(100)) return { rows: rows.slice(), totalWeight };
  const points = (c: Cell): Cell => {
    const p = percentOf(c);
    return p ? { address: c.address, value: p.toNumber() } : c;
  };
  return {
    rows: rows.map((r) =>
      r.weight && percentOf(r.weight) ? { ...r, weight: points(r.weight) } : r
    ),
    totalWeight: totalWeight ? points(totalWeight) : undefined,
  };
}

/** The rank of a row's numbering (index into ROW_RANKS), -1 for none. */
function rankOf(r: IndicatorRow): number {
  for (const c of [r.name, r.level2, r.level1]) {
    if ((c === r.level1 && r.level1Inherited) || (c === r.level2 && r.level2Inherited)) continue;
    const t = stripSpace(cellText(c.value));
    const k = ROW_RANKS.findIndex((re) => re.test(t));
    if (k >= 0) return k;
  }
  return -1;
}

const weightOf = (r: IndicatorRow): Decimal | null => {
  const t = stripSpace(cellText(r.weight?.value));
  return /^\d+(\.\d+)?$/.test(t) ? new Decimal(t) : null;
};

/**
 * Parent rows: a numbered row (一、, ★) whose weight equals the sum of the weights of the rows directly
 * under it of a lower rank (1、2、3、, or unmarked under ★), up to the next row of its rank. The
 * parent is a heading: its children are the indicators.
 */
export function withoutParents(rows: readonly IndicatorRow[]): IndicatorRow[] {
  const ranks = rows.map(rankOf);
  const parent = new Set<number>();
  rows.forEach((r, i) => {
    const w = weightOf(r);
    if (ranks[i] < 0 || w === null) return;
    let sum = new Decimal(0);
    let children = 0;
    for (let j = i + 1; j < rows.length && ranks[j] !== ranks[i]; j++) {
      if (ranks[i] > 0 && ranks[j] >= 0 && ranks[j] < ranks[i]) break;
      const cw = weightOf(rows[j]);
      if (cw === null) continue;
      sum = sum.plus(cw);
      children++;
    }
    if (children > 0 && sum.equals(w)) parent.add(i);
  });
  return rows.filter((_, i) => !parent.has(i));
}

/**
 * Detail rows: under a weighted row, the rows named 其中：… with no weight and no score of their own
 * are its detail (domain §9), not indicators: no weight, no score, no prompt.
 */
export function withoutDetail(rows: readonly IndicatorRow[]): IndicatorRow[] {
  const kept: IndicatorRow[] = [];
  let owner: IndicatorRow | null = null;
  for (const r of rows) {
    const bare = saysNothing(r.weight?.value) && saysNothing(r.score?.value);
    const named = DETAIL_NAME.test(stripSpace(cellText(r.name.value)));
    if (owner && bare && named) continue;
    owner = weightOf(r) !== null ? r : null;
    kept.push(r);
  }
  return kept;
}

/** The rows of a table as indicators: percent weights as points, no parent rows, no detail rows. */
export function structureRows(
  rows: readonly IndicatorRow[],
  totalWeight?: Cell
): { rows: IndicatorRow[]; totalWeight?: Cell } {
  const points = percentWeights(rows, totalWeight);
  return { rows: withoutDetail(withoutParents(points.rows)), totalWeight: points.totalWeight };
}
