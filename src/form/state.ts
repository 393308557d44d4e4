import { cellText } from "../engine/text";
import type { CellScalar } from "../engine/types";
import type { Grid } from "./grid";
import type { CellField, CellState, LedgerEntry } from "./plan";

/**
 * What the product keeps in the workbook between scorings: the ledger of the cells it wrote
 * (cell, fields, hash, the cell as it was before) and the name of the summary sheet it created.
 * Hosts store it as rows of a very hidden sheet; this module turns it into rows and back. Pure.
 */
export const STATE_SHEET = "_绩效自评记录";
const MARK = "selfeval-ledger";
const VERSION = 1;

export interface WorkbookState {
  readonly ledger: readonly LedgerEntry[];
  /** The 评分汇总 sheet the product created last time (a person's sheet of that name is never touched). */
  readonly summarySheet: string | null;
  /** The 自评报告 sheet the product created last (issue 13): replaced by the next report, removed by 撤销. */
  readonly reportSheet?: string | null;
}

export const EMPTY_STATE: WorkbookState = { ledger: [], summarySheet: null };

export function stateToRows(state: WorkbookState): CellScalar[][] {
  return [
    [MARK, VERSION, state.summarySheet ?? "", state.reportSheet ?? ""],
    ...state.ledger.map((e) => [
      e.sheet,
      e.address,
      e.fields.join(","),
      e.hash,
      JSON.stringify(e.before),
    ]),
  ];
}

const FIELDS: readonly CellField[] = ["value", "formula", "numberFormat", "note", "fill", "look"];

function parseBefore(text: string): CellState | null {
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    const scalar = (x: unknown): CellScalar =>
      typeof x === "string" || typeof x === "number" || typeof x === "boolean" ? x : null;
    const str = (x: unknown): string | null => (typeof x === "string" ? x : null);
    return {
      value: scalar(o.value),
      formula: str(o.formula),
      numberFormat: str(o.numberFormat),
      note: str(o.note),
      fill: str(o.fill),
      // the look before a style copy (issue 14); absent from entries without one
      ...("look" in o ? { look: str(o.look) } : {}),
    };
  } catch {
    return null;
  }
}

/** Read the state back; anything malformed is dropped (the cells are then simply the person's). */
export function stateFromGrid(grid: Grid | undefined): WorkbookState {
  if (!grid || grid.values.length === 0 || cellText(grid.values[0]?.[0]) !== MARK)
    return EMPTY_STATE;
  const summary = cellText(grid.values[0][2]).trim();
  const report = cellText(grid.values[0][3]).trim();
  const ledger: LedgerEntry[] = [];
  for (const row of grid.values.slice(1)) {
    const [sheet, address, fields, hash, before] = row.map((x) => cellText(x));
    const parsed = parseBefore(before ?? "");
    const list = (fields ?? "")
      .split(",")
      .filter((f): f is CellField => (FIELDS as readonly string[]).includes(f));
    if (!sheet || !address || !hash || !parsed || list.length === 0) continue;
    ledger.push({ sheet, address, fields: list, hash, before: parsed });
  }
  return { ledger, summarySheet: summary || null, ...(report ? { reportSheet: report } : {}) };
}

/** The summary sheet's name: 评分汇总, or 评分汇总(2)… when a person's sheet has the name. */
export function summarySheetName(
  existing: readonly string[],
  ours: string | null,
  base: string
): string {
  if (ours && existing.includes(ours)) return ours;
  if (!existing.includes(base)) return base;
  for (let i = 2; ; i++) if (!existing.includes(`${base}(${i})`)) return `${base}(${i})`;
}
