/**
 * Runs the same action through the Office.js gateway over fake-excel and the WPS gateway over
 * fake-wps, each on its own copy of one workbook, and compares what each left in the workbook:
 * every cell's value, formula, number format, note and fill, and the ledger (entries without the
 * cell looks only Office.js reads). Used by the WPS parity tests.
 */
import { FakeExcel, installFakeExcel } from "../../fake-excel";
import { sheetDump } from "../../fake-excel/dumps";
import type { DocumentModel, SheetModel } from "../../fake-excel/model";
import { FakeWps, installFakeWps } from "../../fake-wps";
import type { ScoringGateway } from "../../src/host/contract";
import { createExcelGateway } from "../../src/host/excel/gateway";
import { createWpsGateway } from "../../src/host/wps/gateway";
import { sheetGrid } from "../../fake-excel/dumps";
import { STATE_SHEET, stateFromGrid } from "../../src/form/state";

export interface Hosts {
  readonly excel: FakeExcel;
  readonly wps: FakeWps;
  /** Runs `act` on the Office.js gateway, then on the WPS gateway; resolves to both results. */
  both<T>(act: (g: ScoringGateway) => Promise<T>): Promise<{ excel: T; wps: T }>;
}

export function hostsOf(doc: DocumentModel): Hosts {
  const excel = new FakeExcel(doc.clone());
  const wps = new FakeWps(doc.clone());
  let excelGateway: ScoringGateway | null = null;
  let wpsGateway: ScoringGateway | null = null;
  return {
    excel,
    wps,
    async both(act) {
      const un1 = installFakeExcel(excel);
      let e;
      try {
        excelGateway ??= createExcelGateway();
        e = await act(excelGateway);
      } finally {
        un1();
      }
      const un2 = installFakeWps(wps);
      try {
        wpsGateway ??= createWpsGateway();
        return { excel: e, wps: await act(wpsGateway) };
      } finally {
        un2();
      }
    },
  };
}

export interface CellView {
  value: unknown;
  formula: string | null;
  numberFormat: string;
  note: string | null;
  fill: string | null;
}

/** A sheet's cells as the parity compares them (formulas left out where `formulas` is false). */
export function cellsOf(s: SheetModel, formulas = true): Record<string, CellView> {
  const out: Record<string, CellView> = {};
  for (const [a, d] of Object.entries(sheetDump(s))) {
    const view: CellView = {
      value: d.value,
      formula: formulas ? d.formula : null,
      numberFormat: d.numberFormat,
      note: d.note,
      fill: d.fill,
    };
    if (
      view.value === null &&
      !view.formula &&
      view.numberFormat === "General" &&
      !view.note &&
      !view.fill
    )
      continue;
    out[a] = view;
  }
  return out;
}

/** The ledger of a workbook, without the looks (only the Office.js host reads them). */
export function ledgerOf(doc: DocumentModel): unknown {
  const s = doc.byName(STATE_SHEET);
  if (!s) return null;
  const state = stateFromGrid(sheetGrid(s));
  return {
    summarySheet: state.summarySheet,
    ledger: state.ledger
      .filter((e) => e.fields.some((f) => f !== "look"))
      .map((e) => {
        const before = Object.fromEntries(Object.entries(e.before).filter(([k]) => k !== "look"));
        return { ...e, fields: e.fields.filter((f) => f !== "look"), before };
      }),
  };
}

/** Every sheet's cells, by name; the add-in's summary sheet without formulas (links differ by host). */
export function workbookCells(doc: DocumentModel, summary: string | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of doc.sheets) {
    if (s.name === STATE_SHEET) continue;
    out[s.name] = { visibility: s.visibility, cells: cellsOf(s, s.name !== summary) };
  }
  return out;
}
