/**
 * The workbook as an action needs it: the sheets listed, the state sheet read first (its ledger
 * says which 评分汇总 is the add-in's), then every sheet a person can see or unhide (the add-in's
 * last 评分汇总 only by name) — the same choice as the Office.js host (src/host/excel/scoring.ts).
 */
import type { Grid } from "../../form/grid";
import { STATE_SHEET, stateFromGrid, type WorkbookState } from "../../form/state";
import { SUMMARY_NAME } from "../actionRules";
import type { WpsWorkbook } from "./api";
import { listSheets, readSheet, type WpsRead, type WpsSheetInfo } from "./read";

export interface Book {
  readonly sheets: readonly WpsSheetInfo[];
  readonly active: string;
  /** Every sheet read, in workbook order (the add-in's last summary as an empty grid). */
  readonly reads: readonly WpsRead[];
  readonly previous: WorkbookState;
  readonly stateRead: WpsRead | null;
}

function emptyRead(info: WpsSheetInfo): WpsRead {
  const grid: Grid = { sheet: info.name, origin: "A1", values: [], merges: [] };
  return { info, rect: null, grid };
}

export function readBook(book: WpsWorkbook): Book {
  const listing = listSheets(book);
  const stateInfo = listing.sheets.find((s) => s.name === STATE_SHEET);
  const stateRead = stateInfo
    ? readSheet(book.Worksheets.Item(STATE_SHEET), stateInfo, true)
    : null;
  const previous = stateFromGrid(stateRead?.grid);
  const reads: WpsRead[] = [];
  for (const info of listing.sheets) {
    if (info.name === STATE_SHEET) {
      if (stateRead) reads.push(stateRead);
      continue;
    }
    if (info.visibility === "VeryHidden") continue; // some program's, not the person's
    // the add-in's last 评分汇总 is not read (only its name matters)
    if (stateRead && SUMMARY_NAME.test(info.name) && info.name === previous.summarySheet)
      reads.push(emptyRead(info));
    else reads.push(readSheet(book.Worksheets.Item(info.name), info));
  }
  return { sheets: listing.sheets, active: listing.active, reads, previous, stateRead };
}
