/**
 * The two actions over the ledger, in the same four round trips: list the sheets, read the
 * ledger (and threaded comments where they stand in for notes), read the ledger's cells, write.
 * - 撤销本次评分: every cell the add-in still owns back exactly as it was (the ledger says what it
 *   was, the borders, font and alignment a style copy changed included: writeEdits), the ledger
 *   emptied and the 评分汇总 sheet removed.
 * - 清除标记 (issue 21): the add-in's notes and fills back to the person's (form/clean.ts), the
 *   corrections kept and the ledger kept for them, so that 撤销 still takes the scoring back.
 * A cell a person changed since is theirs and left alone.
 */
import type { Grid } from "../../form/grid";
import { planClean } from "../../form/clean";
import { planRestore, type CellEdit, type LedgerEntry, type WritePlan } from "../../form/plan";
import { STATE_SHEET, stateFromGrid } from "../../form/state";
import { localAddress, parseRange as rectOf } from "../../address";
import { readCellGrids, type ExistingNote, type SheetDetails } from "./cellDetails";
import { lookProperties } from "./cellLook";
import { warningsFor } from "./capabilities";
import type { Capabilities } from "./contract";
import { describeExcelError, isProgrammingError } from "./errors";
import { writeState } from "./ledgerSheet";
import { adaptRestoreEdit } from "./notesMode";
import { failedReport, undoReport, type RunAction, type RunReport, type SheetRun } from "./report";
import { Io, Writer, type GatewaySession, type SheetInfo, type WriteTally } from "./session";
import { discover, emptyRead, gridOf, toRead } from "./sheetRead";
import { writeEdits } from "./writeEdits";
import { runExcel } from "./run";

/** What differs between 撤销 and 清除标记. */
interface LedgerAction {
  readonly action: Extract<RunAction, "undo" | "clear-marks">;
  readonly plan: (grid: Grid, entries: readonly LedgerEntry[]) => WritePlan;
  /** Sheet status in the report. */
  readonly status: Extract<SheetRun["status"], "restored" | "cleared">;
  /** The product's sheets (评分汇总, 自评报告) removed and forgotten. */
  readonly removeOwnSheets: boolean;
  /** The failure when nothing is recorded, and the verb of a protected sheet's line. */
  readonly nothing: string;
  readonly verb: string;
}

const UNDO: LedgerAction = {
  action: "undo",
  plan: planRestore,
  status: "restored",
  removeOwnSheets: true,
  nothing: "没有可撤销的评分",
  verb: "撤销评分",
};

const CLEAR: LedgerAction = {
  action: "clear-marks",
  plan: planClean,
  status: "cleared",
  removeOwnSheets: false,
  nothing: "没有可清除的评分标记",
  verb: "清除标记",
};

export function undoNow(session: GatewaySession, caps: Capabilities): Promise<RunReport> {
  return ledgerActionNow(session, caps, UNDO);
}

export function clearMarksNow(session: GatewaySession, caps: Capabilities): Promise<RunReport> {
  return ledgerActionNow(session, caps, CLEAR);
}

function ledgerActionNow(
  session: GatewaySession,
  caps: Capabilities,
  act: LedgerAction
): Promise<RunReport> {
  return runExcel(async (context) => {
    const io = new Io(context);
    const warnings = warningsFor(caps).filter((w) => !w.includes("合并单元格"));
    const listing = await discover(io, false);
    const stateInfo = listing.sheets.find((s) => s.name === STATE_SHEET);
    if (!stateInfo)
      return failedReport(act.action, `${act.nothing}（工作簿中没有评分记录）`, {
        syncs: io.syncs,
        notes: caps.notes,
      });
    const used = io.sheet(stateInfo).getUsedRangeOrNullObject(true);
    used.load("address,values");
    // threaded comments (where they stand in for notes) in the same round trip
    const comments =
      caps.notes === "comments"
        ? new Map(
            listing.sheets
              .filter((s) => s.visibility !== "VeryHidden")
              .map((s) => {
                const col = io.sheet(s).comments;
                col.load("items/id,items/content");
                return [s.name, col] as const;
              })
          )
        : undefined;
    await context.sync();
    const stateRead = used.isNullObject
      ? emptyRead(stateInfo, [], [])
      : toRead(stateInfo, rectOf(localAddress(used.address)), used.values, null, null, [], []);
    const state = stateFromGrid(gridOf(stateRead));
    const byName = new Map(listing.sheets.map((s) => [s.name, s]));
    const bySheet = new Map<string, LedgerEntry[]>();
    for (const e of state.ledger) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), e]);
    const report = state.reportSheet ? byName.get(state.reportSheet) : undefined;
    const ownSheets =
      act.removeOwnSheets && (!!(state.summarySheet && byName.has(state.summarySheet)) || !!report);
    if (bySheet.size === 0 && !ownSheets)
      return failedReport(act.action, act.nothing, { syncs: io.syncs, notes: caps.notes });

    const keep: LedgerEntry[] = [];
    const notWritten: string[] = [];
    const requests: { info: SheetInfo; addresses: string[] }[] = [];
    for (const [sheet, entries] of bySheet) {
      const info = byName.get(sheet);
      if (!info) {
        notWritten.push(`工作表“${sheet}”已不存在，其评分记录已清除`);
        continue;
      }
      if (info.protected) {
        notWritten.push(`工作表“${sheet}”受保护，无法${act.verb}；请撤销保护后再试`);
        keep.push(...entries);
        continue;
      }
      requests.push({ info, addresses: entries.map((e) => e.address) });
    }
    const grids = await readCellGrids(io, caps, requests, comments);
    const plans = requests.map((r) => {
      const read = grids.get(r.info.name) as { grid: Grid; notes: Map<string, ExistingNote> };
      const plan = act.plan(read.grid, bySheet.get(r.info.name) as LedgerEntry[]);
      const edits = plan.edits
        .map((e) => adaptRestoreEdit(e, caps.notes, notWritten))
        .filter((e): e is CellEdit => e !== null);
      // borders and font drawn like the table, on an Excel older than the one that drew them
      const looks = caps.cellProperties ? [] : edits.filter((x) => lookProperties(x.set.look));
      if (looks.length)
        notWritten.push(
          `${r.info.name}!${looks.map((x) => x.address).join("、")} 的边框和字体无法恢复：此版本的 Excel 不支持（需要 ExcelApi 1.9）`
        );
      return { info: r.info, grid: read.grid, notes: read.notes, plan: { ...plan, edits } };
    });

    const writer = new Writer(io, session.payloadBudget);
    const tally: WriteTally = { cells: 0, notes: 0, fills: 0 };
    const sheets: SheetRun[] = [];
    let error: string | null = null;
    try {
      // 清除标记 keeps what is still written in the ledger, and the product's sheets recorded
      const next = act.removeOwnSheets
        ? { ledger: keep, summarySheet: null }
        : { ...state, ledger: [...keep, ...plans.flatMap((p) => p.plan.ledger)] };
      await writeState(io, writer, next, stateInfo, stateRead.rect);
      for (const p of plans) {
        const det: SheetDetails = {
          known: new Set(),
          fills: new Map(),
          notes: p.notes,
          formats: new Map(),
          looks: new Map(),
          commentsLocated: true,
        };
        const n = await writeEdits(session, io, writer, caps, p.info, p.grid, det, p.plan.edits);
        tally.cells += n.cells;
        tally.notes += n.notes;
        tally.fills += n.fills;
        sheets.push({
          sheet: p.info.name,
          status: act.status,
          message: null,
          forms: [],
          edits: p.plan.edits.length,
          notWritten: p.plan.skipped,
        });
      }
      const summary = state.summarySheet ? byName.get(state.summarySheet) : undefined;
      if (summary && act.removeOwnSheets) await writer.add(60, () => io.sheet(summary).delete());
      if (report && act.removeOwnSheets) await writer.add(60, () => io.sheet(report).delete());
      await writer.flush();
    } catch (e) {
      if (isProgrammingError(e)) throw e;
      error = `${act.verb}未完成：${describeExcelError(e)}`;
    }
    if (act.removeOwnSheets) session.ownSheets = new Set([STATE_SHEET]);
    return undoReport({
      action: act.action,
      sheets,
      notWritten,
      written: tally,
      notes: caps.notes,
      warnings,
      error,
      syncs: io.syncs,
    });
  });
}
