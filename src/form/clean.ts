/**
 * 提交版 / 清除标记 (issue 21): the scored form without the review marks. The add-in's notes and
 * fills go back to what the person had (their own notes and fills stay); corrected values, totals,
 * grades and the look of the cells the add-in added stay. The ledger keeps what is still written,
 * so 撤销 still takes the scoring back after the marks are cleared. Pure.
 */
import type { Grid } from "./grid";
import { applyPlanToGrid } from "./apply";
import { cellState, hashFields, ownedFields, stillOurs } from "./ledger";
import type { CellEdit, CellField, CellState, LedgerEntry, WritePlan } from "./writePlan";

/** The fields of a cell that are review marks, not the corrected form. */
type Mark = "note" | "fill";
const isMark = (f: CellField): f is Mark => f === "note" || f === "fill";

/**
 * 清除标记 on a scored sheet: every cell the add-in still owns gets the person's note and fill
 * back; its ledger entry then covers only what stays written (an entry of marks only goes). A cell
 * a person edited since is theirs and left, and said.
 */
export function planClean(grid: Grid, ledger: readonly LedgerEntry[]): WritePlan {
  const edits: CellEdit[] = [];
  const kept: LedgerEntry[] = [];
  const skipped: string[] = [];
  for (const e of ledger) {
    if (e.sheet !== grid.sheet) continue;
    const marks = e.fields.filter(isMark);
    if (marks.length === 0) {
      kept.push(e);
      continue;
    }
    const now = cellState(grid, e.address);
    if (!stillOurs(e, now)) {
      kept.push(e);
      skipped.push(`${grid.sheet}!${e.address} 评分后已被修改，其标记保留`);
      continue;
    }
    const set: Partial<Record<Mark, string | null>> = {};
    for (const f of marks) if (now[f] !== e.before[f]) set[f] = e.before[f] ?? null;
    if (Object.keys(set).length > 0)
      edits.push({
        sheet: grid.sheet,
        address: e.address,
        set: set as Partial<CellState>,
        why: "清除标记",
      });
    const fields = e.fields.filter((f) => !isMark(f));
    if (fields.length === 0) continue;
    const after: CellState = { ...now, ...(set as Partial<CellState>) };
    kept.push({ ...e, fields, hash: hashFields(after, ownedFields(fields)) });
  }
  return { edits, ledger: kept, skipped };
}

/**
 * The 提交版 of a sheet straight from its source: the scoring plan and 清除标记 folded into one
 * list of edits against the source grid, with every field that would leave the source's value
 * as it is left out (an edit of nothing but marks goes), so that what is not corrected keeps its
 * bytes. The ledger is the one that would describe the clean sheet.
 */
export function planCleanCopy(source: Grid, plan: WritePlan): WritePlan {
  const scored = applyPlanToGrid(source, plan);
  const clean = planClean(scored, plan.ledger);
  const merged = new Map<string, CellEdit>();
  for (const e of [...plan.edits, ...clean.edits]) {
    const had = merged.get(e.address);
    merged.set(
      e.address,
      had
        ? { ...had, set: { ...had.set, ...e.set }, ...(had.style ? { style: had.style } : {}) }
        : e
    );
  }
  const edits: CellEdit[] = [];
  for (const e of merged.values()) {
    const was = cellState(source, e.address);
    const set: Record<string, unknown> = {};
    for (const [f, v] of Object.entries(e.set) as [CellField, unknown][]) {
      // a value edit also clears the formula: a written value over a formula is a change
      const same = (v ?? null) === (was[f] ?? null) && !(f === "value" && was.formula);
      if (!same) set[f] = v;
    }
    if (Object.keys(set).length === 0 && !e.style) continue;
    edits.push({ ...e, set: set as Partial<CellState> });
  }
  return { edits, ledger: clean.ledger, skipped: [...plan.skipped, ...clean.skipped] };
}

/**
 * The 提交版 of a scored workbook: every sheet's plan folded with 清除标记 against its source
 * grid. The product's own sheets (评分汇总, the ledger) are not part of it: the caller leaves them
 * out and removes an earlier scoring's.
 */
export function cleanCopyEdits(
  grids: readonly Grid[],
  sheets: readonly { readonly sheet: string; readonly plan: WritePlan }[]
): { edits: CellEdit[]; skipped: string[] } {
  const bySheet = new Map(grids.map((g) => [g.sheet, g]));
  const edits: CellEdit[] = [];
  const skipped: string[] = [];
  for (const s of sheets) {
    const source = bySheet.get(s.sheet);
    if (!source || s.plan.edits.length === 0) continue;
    const clean = planCleanCopy(source, s.plan);
    edits.push(...clean.edits);
    skipped.push(...clean.skipped);
  }
  return { edits, skipped };
}
