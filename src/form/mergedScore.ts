/**
 * A 得分 cell merged over several indicator rows (domain §9, §8): ONE indicator over several lines.
 * Its weight is the merged 分值 (or the lines' 分值 added), its target and actual the lines' joined
 * (the engine pairs them by measure word), its score read and written at the merged area's top-left
 * cell only: the lines below are not indicators, so nothing is ever written into the merge's hidden
 * cells, and a second run reads the same one indicator.
 */
import Decimal from "decimal.js";
import { cellText, stripSpace } from "../engine/text";
import { saysNothing } from "../engine/placeholder";
import type { Cell, IndicatorRow } from "../engine/types";
import type { IndicatorHeader } from "./indicatorHeader";
import type { SheetView } from "./sheetView";

const text = (c: Cell | undefined): string => stripSpace(cellText(c?.value));

/** The lines' cells joined into one text on the first line's cell (；between them). */
function joined(cells: readonly (Cell | undefined)[]): Cell | undefined {
  const first = cells[0];
  if (!first) return undefined;
  const parts = cells.map(text).filter((t) => t !== "" && !saysNothing(t));
  return parts.length > 1 ? { address: first.address, value: parts.join("；") } : first;
}

/** The lines' weights added, or the merged 分值 where the weight cell is merged over them too. */
function weightOf(
  v: SheetView,
  h: IndicatorHeader,
  lines: readonly IndicatorRow[]
): Cell | undefined {
  const top = lines[0];
  const col = h.cols.weight;
  if (col === undefined || !top.weight) return top.weight;
  const m = v.merge(top.row, col);
  if (m && m.top === top.row && m.bottom >= lines[lines.length - 1].row) return top.weight;
  let sum = new Decimal(0);
  for (const l of lines) {
    const t = text(l.weight);
    if (t === "" || saysNothing(t)) continue;
    if (!/^\d+(\.\d+)?$/.test(t)) return top.weight;
    sum = sum.plus(t);
  }
  return { address: top.weight.address, value: sum.toNumber() };
}

export function mergedScores(
  v: SheetView,
  h: IndicatorHeader,
  rows: readonly IndicatorRow[]
): IndicatorRow[] {
  const col = h.cols.score;
  if (col === undefined) return rows.slice();
  const out: IndicatorRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const m = v.merge(r.row, col + (r.shift ?? 0));
    if (!m || m.top !== r.row || m.bottom === r.row) {
      out.push(r);
      continue;
    }
    let j = i + 1;
    while (j < rows.length && rows[j].row <= m.bottom) j++;
    const lines = rows.slice(i, j);
    if (lines.length === 1) {
      out.push(r);
      continue;
    }
    out.push({
      ...r,
      target: joined(lines.map((l) => l.target)),
      actual: joined(lines.map((l) => l.actual)),
      weight: weightOf(v, h, lines),
    });
    i = j - 1;
  }
  return out;
}
