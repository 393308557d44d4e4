import Decimal from "decimal.js";
import { bracketWeight, cellText, stripSpace } from "../engine/text";
import { isPlaceholder, saysNothing } from "../engine/placeholder";
import type { Cell, IndicatorRow } from "../engine/types";
import { toAddress } from "../address";
import type { IndicatorHeader, SplitColumns } from "./indicatorHeader";
import type { SheetView } from "./sheetView";
import { mergedScores } from "./mergedScore";
import {
  END_OF_TABLE,
  GRADE_LABEL,
  LEVEL_WORD,
  PROJECT_LABEL,
  TITLE,
  TOTAL_LABEL,
  matcher,
  signOf,
  type IndicatorField,
} from "./vocabulary";

export const isTotalLabel = matcher(TOTAL_LABEL);
export const isTitle = matcher(TITLE);
export const isProjectLabel = matcher(PROJECT_LABEL);
const isEnd = matcher(END_OF_TABLE);
const isLevelWord = matcher(LEVEL_WORD);
const isGrade = matcher(GRADE_LABEL);

/** A grade row (等级 | 优) inside the table: never an indicator (domain §9). */
function isGradeRow(v: SheetView, row: number): boolean {
  for (let col = v.left; col <= Math.min(v.right, v.left + 4); col++)
    if (isGrade(v.norm(row, col))) return true;
  return false;
}

export interface TableRead {
  readonly rows: IndicatorRow[];
  readonly end: number;
  readonly totalRow: number | null;
}

/**
 * The column offset of a row whose level keyword stands left or right of its header column
 * (Renhe prints its 满意度 rows one column left, into the 绩效指标 label column, and a 时效 row one
 * column right). A cell covered by a merge from above is not the row's own text.
 */
function rowShift(
  v: SheetView,
  row: number,
  cols: Partial<Record<IndicatorField, number>>
): number {
  const own = (c: number): boolean => {
    if (c < v.left || c > v.right) return false;
    const m = v.merge(row, c);
    return (!m || m.top === row) && isLevelWord(v.norm(row, c));
  };
  const first = cols.level1 ?? cols.level2;
  if (first === undefined) return 0;
  const leftmost = Math.min(...(Object.values(cols) as number[]));
  for (const d of [-1, -2]) if (leftmost + d >= v.left && own(first + d)) return d;
  const level2 = cols.level2 ?? first;
  const emptyLevels = [cols.level1, cols.level2].every((c) => c === undefined || v.isEmpty(row, c));
  if (emptyLevels) for (const d of [1, 2]) if (own(level2 + d)) return d;
  return 0;
}

export function firstTotal(v: SheetView, row: number): number | null {
  for (let col = v.left; col <= Math.min(v.right, v.left + 4); col++)
    if (isTotalLabel(v.norm(row, col))) return col;
  return null;
}

function isEndOfTable(v: SheetView, row: number, headerRows: ReadonlySet<number>): boolean {
  if (headerRows.has(row)) return true;
  for (let col = v.left; col <= Math.min(v.right, v.left + 4); col++) {
    const t = v.norm(row, col);
    if (t === "") continue;
    if (isTotalLabel(t) || isEnd(t) || isTitle(t) || isProjectLabel(t)) return true;
  }
  return false;
}

/** Something written: not empty, not dots, not "not applicable" (-, —, /). */
function filled(c: Cell | undefined): c is Cell {
  return !!c && !saysNothing(c.value);
}

/**
 * A quantity split over columns, composed into one text the engine reads as one quantity and tied
 * to the value cell: ≥ | 95 | % → "≥95%". Without a sign or unit the value cell is kept as it is.
 */
function compose(
  v: SheetView,
  row: number,
  valueCol: number,
  parts: SplitColumns | undefined
): Cell {
  const cell = v.cell(row, valueCol);
  if (!parts || !filled(cell)) return cell;
  const signText = parts.sign !== undefined ? v.norm(row, parts.sign) : "";
  const sign = signOf(signText) ?? signText;
  const unitCell = parts.unit !== undefined ? v.cell(row, parts.unit) : undefined;
  const unit = filled(unitCell) ? stripSpace(cellText(unitCell.value)) : "";
  if (sign === "" && unit === "") return cell;
  let value = stripSpace(cellText(cell.value));
  if (typeof cell.value === "number" && (cell.numberFormat ?? "").includes("%") && unit !== "%")
    value = `${new Decimal(value).times(100).toString()}%`;
  if (unit !== "" && value.endsWith(unit)) value = value.slice(0, -unit.length);
  return { address: cell.address, value: `${sign}${value}${unit}` };
}

/** The block cell left of the level-1 column whose merge covers the row and prints a weight. */
function blockCell(v: SheetView, row: number, firstCol: number): Cell | undefined {
  for (let col = firstCol - 1; col >= v.left; col--) {
    const m = v.merge(row, col);
    const at = m ? { row: m.top, col: m.left } : { row, col };
    if (bracketWeight(v.text(at.row, at.col)) !== null) return v.cell(at.row, at.col);
  }
  return undefined;
}

/** A field's cell on a row read with a column offset; a split target or actual composed. */
function cellAt(
  v: SheetView,
  h: IndicatorHeader,
  row: number,
  shift: number,
  f: IndicatorField
): Cell | undefined {
  const col = h.cols[f];
  if (col === undefined) return undefined;
  if ((f === "target" || f === "actual") && shift === 0) return compose(v, row, col, h.split[f]);
  return v.cell(row, col + shift);
}

/** Where a field stands on a row that leaves it empty (an inherited level, a missing name). */
function addressOf(
  v: SheetView,
  h: IndicatorHeader,
  row: number,
  shift: number,
  f: IndicatorField
): string {
  return toAddress(row, (h.cols[f] ?? h.cols.name ?? v.left) + shift);
}

/**
 * A row covered by a merge the table itself draws down its left: the 绩效指标 label cell (A12:A27) or
 * a level-1 / level-2 cell merged from an indicator row (B13:B24): the table goes on below it.
 */
function insideTableMerge(v: SheetView, h: IndicatorHeader, row: number): boolean {
  const cols = [h.labelCell?.col, h.cols.level1, h.cols.level2];
  return cols.some((col) => {
    if (col === undefined) return false;
    const m = v.merge(row, col);
    return !!m && m.top < row && m.top >= h.row && m.bottom >= row;
  });
}

export function readIndicators(
  v: SheetView,
  h: IndicatorHeader,
  limit: number,
  headerRows: ReadonlySet<number>
): TableRead {
  const rows: IndicatorRow[] = [];
  let level1: Cell | null = null;
  let level2: Cell | null = null;
  let blank = 0;
  let row = h.dataRow;
  let totalRow: number | null = null;
  const firstCol = Math.min(...(Object.values(h.cols) as number[]));
  for (; row <= limit; row++) {
    if (isEndOfTable(v, row, headerRows)) {
      if (firstTotal(v, row) !== null) totalRow = row;
      break;
    }
    if (v.rowIsEmpty(row)) {
      // empty template rows inside the table's merged label or level cells do not end it (§1)
      if (!insideTableMerge(v, h, row) && ++blank >= 2) break;
      continue;
    }
    blank = 0;
    if (isGradeRow(v, row)) continue;
    const shift = rowShift(v, row, h.cols);
    const own1 = cellAt(v, h, row, shift, "level1");
    const own2 = cellAt(v, h, row, shift, "level2");
    const name = cellAt(v, h, row, shift, "name");
    const target = cellAt(v, h, row, shift, "target");
    const actual = cellAt(v, h, row, shift, "actual");
    // a new level 1 resets the level 2 it would otherwise inherit
    const l1Own = filled(own1);
    const l2Own = filled(own2);
    if (l1Own) {
      level1 = own1;
      if (!l2Own) level2 = null;
    }
    if (l2Own) level2 = own2;
    const named = filled(name);
    if (!named && !filled(target) && !filled(actual)) continue;
    const weight = cellAt(v, h, row, shift, "weight");
    const score = cellAt(v, h, row, shift, "score");
    const rate = cellAt(v, h, row, shift, "rate");
    const reason = cellAt(v, h, row, shift, "reason");
    // a template's placeholder row (指标1： and nothing else filled) is not an indicator
    const others = [target, actual, weight, score, rate, reason].map((c) => c?.value);
    if (named && isPlaceholder(name.value, others)) continue;
    const block = blockCell(v, row, firstCol + Math.min(0, shift));
    rows.push({
      row,
      level1: l1Own
        ? own1
        : { address: addressOf(v, h, row, shift, "level1"), value: level1?.value ?? null },
      level1Inherited: !l1Own,
      level2: l2Own
        ? own2
        : { address: addressOf(v, h, row, shift, "level2"), value: level2?.value ?? null },
      level2Inherited: !l2Own,
      name: name ?? { address: addressOf(v, h, row, shift, "name"), value: null },
      target,
      actual,
      weight,
      score,
      rate,
      rule: cellAt(v, h, row, shift, "rule"),
      reason,
      ...(shift !== 0 ? { shift } : {}),
      ...(block ? { block } : {}),
    });
  }
  return { rows: mergedScores(v, h, rows), end: row - 1, totalRow };
}
