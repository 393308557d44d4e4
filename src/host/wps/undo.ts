/**
 * 撤销本次评分 in WPS: the ledger read from the state sheet, each sheet it names read whole and
 * its cells the add-in still owns put back (src/form/ledger.ts planRestore), the ledger emptied,
 * the 评分汇总 and 自评报告 sheets the add-in made removed; a cell a person changed since is theirs.
 */
import type { LedgerEntry } from "../../form/plan";
import { planRestore } from "../../form/plan";
import { STATE_SHEET, stateFromGrid } from "../../form/state";
import { failedReport, undoReport, type RunReport, type SheetRun } from "../runReport";
import type { WpsApplication, WpsWorkbook } from "./api";
import { describeWpsError } from "./errors";
import { writeState } from "./ownSheets";
import { listSheets, readSheet } from "./read";
import { quietly } from "./scoring";
import { writeEdits, type Tally } from "./write";

export function undoNow(
  app: WpsApplication,
  book: WpsWorkbook,
  wrote: (sheet: string, address: string) => void
): RunReport {
  const listing = listSheets(book);
  const stateInfo = listing.sheets.find((s) => s.name === STATE_SHEET);
  if (!stateInfo)
    return failedReport("undo", "没有可撤销的评分（工作簿中没有评分记录）", { notes: "notes" });
  const stateRead = readSheet(book.Worksheets.Item(STATE_SHEET), stateInfo, true);
  const state = stateFromGrid(stateRead.grid);
  const byName = new Map(listing.sheets.map((s) => [s.name, s]));
  const bySheet = new Map<string, LedgerEntry[]>();
  for (const e of state.ledger) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), e]);
  const summary = state.summarySheet && byName.has(state.summarySheet) ? state.summarySheet : null;
  const report = state.reportSheet && byName.has(state.reportSheet) ? state.reportSheet : null;
  if (bySheet.size === 0 && !summary && !report)
    return failedReport("undo", "没有可撤销的评分", { notes: "notes" });

  const keep: LedgerEntry[] = [];
  const notWritten: string[] = [];
  const plans: {
    sheet: string;
    grid: ReturnType<typeof readSheet>["grid"];
    plan: ReturnType<typeof planRestore>;
  }[] = [];
  for (const [sheet, entries] of bySheet) {
    const info = byName.get(sheet);
    if (!info) {
      notWritten.push(`工作表“${sheet}”已不存在，其评分记录已清除`);
      continue;
    }
    if (info.protected) {
      notWritten.push(`工作表“${sheet}”受保护，无法撤销评分；请撤销保护后再试`);
      keep.push(...entries);
      continue;
    }
    const grid = readSheet(book.Worksheets.Item(sheet), info).grid;
    plans.push({ sheet, grid, plan: planRestore(grid, entries) });
  }
  const tally: Tally = { cells: 0, notes: 0, fills: 0 };
  const sheets: SheetRun[] = [];
  let error: string | null = null;
  try {
    quietly(app, () => {
      writeState(book, book.Worksheets.Item(STATE_SHEET), stateRead.rect, {
        ledger: keep,
        summarySheet: null,
      });
      for (const p of plans) {
        const n = writeEdits(book.Worksheets.Item(p.sheet), p.grid, p.plan.edits, (a) =>
          wrote(p.sheet, a)
        );
        tally.cells += n.cells;
        tally.notes += n.notes;
        tally.fills += n.fills;
        sheets.push({
          sheet: p.sheet,
          status: "restored",
          message: null,
          forms: [],
          edits: p.plan.edits.length,
          notWritten: p.plan.skipped,
        });
      }
      if (summary) book.Worksheets.Item(summary).Delete();
      if (report) book.Worksheets.Item(report).Delete();
    });
  } catch (e) {
    error = `撤销未完成：${describeWpsError(e)}`;
  }
  return undoReport({
    sheets,
    notWritten,
    written: tally,
    notes: "notes",
    warnings: [],
    error,
    syncs: 0,
  });
}
