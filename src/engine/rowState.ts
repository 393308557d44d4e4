/** A row of the indicator table as scoring sees it, and the cell helpers the scoring files share. */
import Decimal from "decimal.js";
import { parseAddress } from "../address";
import { readPrinted } from "./agree";
import type { Evaluation } from "./evaluation";
import { type Level1 } from "./groups";
import { cellText, stripSpace } from "./text";
import type { Cell, IndicatorRow } from "./types";

export function text(cell: Cell | undefined): string {
  return cellText(cell?.value).trim();
}

export function isBlank(cell: Cell | undefined): boolean {
  const t = stripSpace(cellText(cell?.value));
  return t === "";
}

/** The row's first cell (where layout-shift is reported). */
export function firstCell(row: IndicatorRow): string {
  const cells = [
    row.level1Inherited ? undefined : row.level1,
    row.level2Inherited ? undefined : row.level2,
    row.name,
    row.target,
    row.actual,
  ].filter((c): c is Cell => !!c);
  const column = (c: Cell): number => parseAddress(c.address).col;
  return cells.reduce((a, b) => (column(b) < column(a) ? b : a)).address;
}

export interface RowState {
  readonly row: IndicatorRow;
  /** The group it counts in (the level-1 cell, or what its level-2 name says). */
  readonly group: Level1 | null;
  /** The level-1 cell as printed, canonical, and its （40分）. */
  readonly level1: Level1 | null;
  readonly level1Weight: Decimal | null;
  readonly level2: string;
  readonly level2Key: string;
  readonly level2Weight: Decimal | null;
  readonly correction: string | null;
  readonly ev: Evaluation;
  readonly printed: ReturnType<typeof readPrinted>;
  readonly satisfactionLeftOut: boolean;
}
