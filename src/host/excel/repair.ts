/**
 * Repair after a failed write: Excel stopped a write half-way. Read the cells back, tell what was
 * and was not written, and keep in the ledger exactly what the add-in now owns (what it wrote, or
 * still owned before), so that 撤销 and the next scoring stay right.
 */
import type { SheetOutcome } from "../../form/pipeline";
import { cellState, stillOurs, type LedgerEntry } from "../../form/plan";
import { STATE_SHEET, type WorkbookState } from "../../form/state";
import { localAddress, parseRange as rectOf, type Rect } from "../../address";
import { readCellGrids } from "./cellDetails";
import type { Capabilities } from "./contract";
import { describeExcelError, isProgrammingError } from "./errors";
import { writeState } from "./ledgerSheet";
import type { SheetWrite } from "./report";
import { Writer, type GatewaySession, type Io, type SheetInfo } from "./session";
import { discover } from "./sheetRead";
import { matches } from "./cells";

export interface Repaired {
  writes: Map<string, SheetWrite>;
  notWritten: string[];
  summary: string;
}

export async function repairAfterFailedWrite(
  session: GatewaySession,
  io: Io,
  caps: Capabilities,
  sheets: ReadonlyMap<string, SheetInfo>,
  edited: readonly SheetOutcome[],
  previous: WorkbookState,
  planned: WorkbookState,
  reason: string
): Promise<Repaired> {
  const writes = new Map<string, SheetWrite>();
  const notWritten: string[] = [];
  const requests = edited
    .map((s) => ({ info: sheets.get(s.sheet), addresses: s.plan.edits.map((e) => e.address) }))
    .filter((r): r is { info: SheetInfo; addresses: string[] } => !!r.info);
  let now: Awaited<ReturnType<typeof readCellGrids>>;
  try {
    now = await readCellGrids(io, caps, requests);
  } catch (e) {
    if (isProgrammingError(e)) throw e;
    for (const s of edited)
      writes.set(s.sheet, {
        edits: 0,
        notWritten: [`工作表“${s.sheet}”的写入结果无法核对`],
        failed: true,
      });
    return { writes, notWritten, summary: "无法核对哪些单元格已写入，请撤销本次评分后重试" };
  }
  const previousByCell = new Map(previous.ledger.map((e) => [`${e.sheet}!${e.address}`, e]));
  const plannedByCell = new Map(planned.ledger.map((e) => [`${e.sheet}!${e.address}`, e]));
  const editedNames = new Set(edited.map((s) => s.sheet));
  const ledger: LedgerEntry[] = planned.ledger.filter((e) => !editedNames.has(e.sheet));
  let done = 0;
  let missed = 0;
  for (const s of edited) {
    const grid = now.get(s.sheet);
    const missing: string[] = [];
    for (const e of s.plan.edits) {
      const key = `${s.sheet}!${e.address}`;
      const state = grid ? cellState(grid.grid, e.address) : null;
      const entry = plannedByCell.get(key);
      const written = state !== null && (entry ? stillOurs(entry, state) : matches(state, e.set));
      if (written) done++;
      else {
        missed++;
        missing.push(e.address);
      }
      if (entry && written) ledger.push(entry);
      else {
        const old = previousByCell.get(key);
        if (old && state && stillOurs(old, state)) ledger.push(old);
      }
    }
    if (missing.length)
      notWritten.push(
        `工作表“${s.sheet}”有 ${missing.length} 处未能写入（${reason}）：${missing.slice(0, 20).join("、")}${missing.length > 20 ? "…" : ""}`
      );
    writes.set(s.sheet, {
      edits: s.plan.edits.length - missing.length,
      notWritten: [],
      failed: missing.length > 0,
    });
  }
  // keep the ledger right (one more sync); the summary sheet is left for the next 批量评分
  try {
    const listing = await discover(io, false);
    const stateInfo = listing.sheets.find((x) => x.name === STATE_SHEET) ?? null;
    let rect: Rect | null = null;
    const context = io.context;
    if (stateInfo) {
      const used = io.sheet(stateInfo).getUsedRangeOrNullObject(true);
      used.load("address");
      await context.sync();
      rect = used.isNullObject ? null : rectOf(localAddress(used.address));
    }
    const writer = new Writer(io, session.payloadBudget);
    await writeState(
      io,
      writer,
      { ledger, summarySheet: previous.summarySheet, reportSheet: previous.reportSheet },
      stateInfo,
      rect
    );
    await writer.flush();
  } catch (e) {
    if (isProgrammingError(e)) throw e;
    notWritten.push(`评分记录未能保存（${describeExcelError(e)}），撤销可能不完整`);
  }
  return {
    writes,
    notWritten,
    summary: `已写入 ${done} 处，未写入 ${missed} 处；已写入的可以用“撤销本次评分”恢复`,
  };
}
