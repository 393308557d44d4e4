/**
 * The host-free rules of a scoring action that both interactive hosts follow (Office.js in
 * src/host/excel, WPS in src/host/wps): which sheet names are the add-in's 评分汇总, why a sheet
 * cannot be the one scored, which cells a plan may touch (their fills and notes matter), and the
 * state to store after a write (评分当前表 keeps the last 评分汇总 recorded, 批量评分 records its own).
 */
import type { WorkbookOutcome } from "../form/pipeline";
import type { LedgerEntry } from "../form/plan";
import { STATE_SHEET, type WorkbookState } from "../form/state";
import { SUMMARY_SHEET } from "../form/summary";

/** 评分汇总, 评分汇总(2)…: the names the add-in gives its summary sheet (form/state.ts summarySheetName). */
export const SUMMARY_NAME = new RegExp(
  `^${SUMMARY_SHEET.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\(\\d+\\))?$`
);

/** Why `target` cannot be scored on its own (in Chinese), or null when it can. */
export function targetRefusal(
  target: string,
  exists: boolean,
  previous: WorkbookState
): string | null {
  if (!exists) return `找不到工作表“${target}”`;
  if (target === STATE_SHEET) return "这是加载项保存评分记录的工作表，不是自评表";
  if (previous.summarySheet === target)
    return `“${target}”是评分汇总表，不是自评表；请切换到要评分的工作表`;
  return null;
}

/** The cells each scored sheet's plan may touch: its edits and new ledger, and the earlier ledger's. */
export function touchedCells(
  outcome: WorkbookOutcome,
  ledger: readonly LedgerEntry[]
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (sheet: string, a: string): void => {
    let s = out.get(sheet);
    if (!s) out.set(sheet, (s = new Set()));
    s.add(a);
  };
  const scored = new Set(outcome.sheets.map((s) => s.sheet));
  for (const s of outcome.sheets) {
    for (const e of s.plan.edits) add(s.sheet, e.address);
    for (const e of s.plan.ledger) add(s.sheet, e.address);
  }
  for (const e of ledger) if (scored.has(e.sheet)) add(e.sheet, e.address);
  return out;
}

/**
 * The state to store: 批量评分's own (with its 评分汇总); for one sheet, the new ledger with the
 * last 评分汇总 kept recorded while it exists, and the 自评报告 sheet as recorded.
 */
export function stateToWrite(
  outcome: WorkbookOutcome,
  previous: WorkbookState,
  existing: ReadonlySet<string>,
  writeAll: boolean
): WorkbookState {
  if (writeAll) return outcome.state;
  return {
    ledger: outcome.state.ledger,
    summarySheet:
      previous.summarySheet && existing.has(previous.summarySheet) ? previous.summarySheet : null,
    reportSheet: outcome.state.reportSheet,
  };
}
