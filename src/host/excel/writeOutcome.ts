/**
 * The last round trip of a scoring action: the ledger first (if Excel stops half-way, what was
 * written is still known as the add-in's), every sheet's edits, then for 批量评分 the 评分汇总 sheet;
 * a write Excel refuses is repaired (repair.ts).
 */
import type { WorkbookOutcome } from "../../form/pipeline";
import { STATE_SHEET, type WorkbookState } from "../../form/state";
import type { SheetDetails } from "./cellDetails";
import type { Capabilities } from "./contract";
import { describeExcelError, isProgrammingError } from "./errors";
import { writeState } from "./ledgerSheet";
import { repairAfterFailedWrite } from "./repair";
import type { SheetWrite, SummaryRun } from "./report";
import {
  Writer,
  type GatewaySession,
  type Io,
  type SheetInfo,
  type SheetRead,
  type WriteTally,
} from "./session";
import { gridOf } from "./sheetRead";
import { writeEdits } from "./writeEdits";
import { writeSummary } from "./summaryWrite";

export interface Written {
  writes: Map<string, SheetWrite>;
  tally: WriteTally;
  summary: SummaryRun | null;
  notWritten: string[];
  error: string | null;
  /** The state sheet, where this write added it. */
  stateSheet?: SheetInfo | null;
}

export async function writeOutcome(
  session: GatewaySession,
  io: Io,
  caps: Capabilities,
  sheets: readonly SheetInfo[],
  reads: ReadonlyMap<string, SheetRead>,
  details: ReadonlyMap<string, SheetDetails>,
  outcome: WorkbookOutcome,
  state: WorkbookState,
  previous: WorkbookState,
  withSummary: boolean
): Promise<Written> {
  const writer = new Writer(io, session.payloadBudget);
  const tally: WriteTally = { cells: 0, notes: 0, fills: 0 };
  const writes = new Map<string, SheetWrite>();
  const infoByName = new Map(sheets.map((s) => [s.name, s]));
  const stateRead = reads.get(STATE_SHEET);
  let summary: SummaryRun | null = null;
  const edited = outcome.sheets.filter((s) => s.plan.edits.length > 0);
  try {
    const added = await writeState(
      io,
      writer,
      state,
      stateRead?.info ?? null,
      stateRead?.rect ?? null,
      stateRead?.values
    );
    for (const s of edited) {
      const read = reads.get(s.sheet) as SheetRead;
      const det = details.get(s.sheet);
      const n = await writeEdits(
        session,
        io,
        writer,
        caps,
        read.info,
        gridOf(read, det),
        det,
        s.plan.edits
      );
      tally.cells += n.cells;
      tally.notes += n.notes;
      tally.fills += n.fills;
      writes.set(s.sheet, { edits: s.plan.edits.length, notWritten: [], failed: false });
    }
    if (withSummary) summary = await writeSummary(io, writer, outcome, infoByName);
    await writer.flush();
    const stateSheet = added
      ? { name: STATE_SHEET, id: added.id, visibility: "VeryHidden", protected: false }
      : null;
    return { writes, tally, summary, notWritten: [], error: null, stateSheet };
  } catch (e) {
    if (isProgrammingError(e)) throw e;
    const reason = describeExcelError(e);
    const repaired = await repairAfterFailedWrite(
      session,
      io,
      caps,
      infoByName,
      edited,
      previous,
      state,
      reason
    );
    return {
      writes: repaired.writes,
      tally,
      summary: null,
      notWritten: repaired.notWritten,
      error: `写入未完成：${reason}。${repaired.summary}`,
    };
  }
}
