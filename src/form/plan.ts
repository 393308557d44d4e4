/**
 * The write-back plan (domain §8): from the scored forms of a sheet to the cell edits a host
 * applies and the new ledger. The contract is in ./writePlan, the ledger in ./ledger, one form's
 * plan in ./planForm; this file merges them for a sheet and is the door the hosts import.
 */
import type { Form, FormResult } from "../engine/types";
import type { Grid } from "./grid";
import { cellState, hashFields, ownedFields, restoreSet } from "./ledger";
import type { Planned, Planner } from "./planner";
import { planForm } from "./planForm";
import type {
  CellEdit,
  CellField,
  CellState,
  LedgerEntry,
  PlanOptions,
  WritePlan,
} from "./writePlan";

export type * from "./writePlan";
export { NOTE_MARK, SEVERITY_FILL } from "./writePlan";
export { cellState, hashFields, personView, planRestore, stillOurs } from "./ledger";

/** The whole plan for one sheet: every form on it, merged, against the ledger of its last scoring. */
export function planSheet(
  grid: Grid,
  scored: readonly { form: Form; result: FormResult }[],
  previous: readonly LedgerEntry[],
  options: PlanOptions = {}
): WritePlan {
  if (grid.protected) {
    return {
      edits: [],
      ledger: previous,
      skipped: [`工作表“${grid.sheet}”受保护，无法写入评分结果；请撤销保护后再评分`],
    };
  }
  return finishPlan(
    grid,
    scored.map(({ form, result }) => planForm(grid, form, result, options)),
    previous
  );
}

/**
 * Turn planners of one sheet into edits and the new ledger. Cells the add-in owned before but
 * no longer writes are given back to the person as they were.
 */
function finishPlan(
  grid: Grid,
  planners: readonly Planner[],
  previous: readonly LedgerEntry[]
): WritePlan {
  const combined = new Map<string, Planned>();
  for (const pl of planners) {
    for (const [address, e] of pl.edits) {
      const had = combined.get(address);
      const style = had?.style ?? e.style;
      combined.set(address, {
        set: had ? { ...had.set, ...e.set } : { ...e.set },
        why: had ? [...had.why, ...e.why] : [...e.why],
        ...(style ? { style } : {}),
      });
    }
  }
  const edits: CellEdit[] = [];
  const ledger: LedgerEntry[] = [];
  const previousByAddress = new Map(previous.map((e) => [e.address, e]));
  for (const [address, e] of combined) {
    const before = previousByAddress.get(address)?.before ?? cellState(grid, address);
    // a style copy: the cell's own look is kept (where the host has it), for 撤销
    const look = e.style && before.look !== undefined ? (["look"] as const) : [];
    const fields = [...(Object.keys(e.set) as CellField[]), ...look];
    const written: CellState = { ...before, ...e.set };
    edits.push({
      sheet: grid.sheet,
      address,
      set: e.set,
      why: [...new Set(e.why)].join("、"),
      ...(e.style ? { style: e.style } : {}),
    });
    if (fields.length > 0)
      ledger.push({
        sheet: grid.sheet,
        address,
        fields,
        hash: hashFields(written, ownedFields(fields)),
        before,
      });
  }
  // cells written last time and not now: restore them
  for (const old of previous) {
    if (combined.has(old.address)) continue;
    edits.push({ sheet: grid.sheet, address: old.address, set: restoreSet(old), why: "恢复" });
  }
  return { edits, ledger, skipped: planners.flatMap((pl) => pl.skipped) };
}
