/**
 * The globals the fake Excel stands in for: the `Excel` namespace (run and the enums the add-in
 * names), `OfficeExtension` (the error type and codes), `Office` (onReady, requirement sets, the
 * document settings kept in memory until saveAsync), and `installFakeExcel`, which sets them.
 * FakeExcel (fake.ts) builds its `Excel`, `Office` and `OfficeExtension` getters from here.
 */
import type { DocumentModel } from "./model";
import { EXCEL_ERROR_CODES, FakeOfficeError, OFFICE_ERROR_CODES } from "./errors";
import type { FakeExcel } from "./fake";

function versionParts(v: string): number[] {
  return v.split(".").map((x) => Number(x) || 0);
}

export function compareVersions(a: string, b: string): number {
  const p = versionParts(a);
  const q = versionParts(b);
  for (let i = 0; i < Math.max(p.length, q.length); i++) {
    const d = (p[i] ?? 0) - (q[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The `Excel` global: `run`, the error codes and the enums. */
export function excelNamespace(run: unknown): Record<string, unknown> {
  return {
    run,
    ErrorCodes: EXCEL_ERROR_CODES,
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ChartType: { columnClustered: "ColumnClustered" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ContentType: { plain: "Plain", mention: "Mention" },
    EventSource: { local: "Local", remote: "Remote" },
    EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    PaperType: { a4: "A4", letter: "Letter" },
    RangeCopyType: { all: "All", formats: "Formats", values: "Values", formulas: "Formulas" },
    BorderLineStyle: { continuous: "Continuous", none: "None" },
  };
}

/** The `OfficeExtension` global. */
export function officeExtensionNamespace(): Record<string, unknown> {
  return { Error: FakeOfficeError, ErrorCodes: OFFICE_ERROR_CODES };
}

/** The add-in's document settings: as set (in memory) and, through the document, as saved. */
export interface SettingsStore {
  readonly doc: DocumentModel;
  inMemory: Record<string, unknown>;
}

/** Settings as the document was opened with them (a copy of what was saved). */
export function openSettings(doc: DocumentModel): SettingsStore {
  return {
    doc,
    inMemory: JSON.parse(JSON.stringify(doc.savedSettings)) as Record<string, unknown>,
  };
}

/** The `Office` global: onReady, requirement sets, the document settings. */
export function officeNamespace(
  host: { supports(version: string): boolean },
  store: SettingsStore
): Record<string, unknown> {
  const settings = {
    get(name: string): unknown {
      return name in store.inMemory ? JSON.parse(JSON.stringify(store.inMemory[name])) : null;
    },
    set(name: string, value: unknown): void {
      store.inMemory[name] = JSON.parse(JSON.stringify(value ?? null));
    },
    remove(name: string): void {
      delete store.inMemory[name];
    },
    saveAsync(a?: unknown, b?: unknown): void {
      const callback = (typeof a === "function" ? a : b) as
        ((r: { status: string }) => void) | undefined;
      store.doc.savedSettings = JSON.parse(JSON.stringify(store.inMemory)) as Record<
        string,
        unknown
      >;
      setTimeout(() => callback?.({ status: "succeeded" }), 0);
    },
    refreshAsync(callback?: (r: { status: string; value: unknown }) => void): void {
      store.inMemory = JSON.parse(JSON.stringify(store.doc.savedSettings)) as Record<
        string,
        unknown
      >;
      setTimeout(() => callback?.({ status: "succeeded", value: settings }), 0);
    },
  };
  return {
    onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string): boolean =>
          name === "ExcelApi"
            ? host.supports(version ?? "1.1")
            : name === "Settings" || name === "DialogApi",
      },
      document: { settings },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Installing them
// ---------------------------------------------------------------------------------------------

const GLOBALS = ["Excel", "Office", "OfficeExtension"] as const;

/** Sets the globals Excel, Office and OfficeExtension to the fake's; returns the function that puts back what was there. */
export function installFakeExcel(fake: FakeExcel): () => void {
  const g = globalThis as Record<string, unknown>;
  const before = GLOBALS.map((k) => [k, Object.prototype.hasOwnProperty.call(g, k), g[k]] as const);
  g.Excel = fake.Excel;
  g.Office = fake.Office;
  g.OfficeExtension = fake.OfficeExtension;
  return () => {
    for (const [k, had, v] of before) {
      if (had) g[k] = v;
      else delete g[k];
    }
  };
}
