/**
 * The WPS gateway over the strict fake of WPS (fake-wps): the fake refuses what WPS would
 * silently ignore or refuse; 批量评分's calls into WPS grow with the sheets, not with the cells;
 * a protected sheet is scored and left unwritten; 自动评分 hears a person's edit inside a form and
 * never the add-in's own writes; the settings are kept per workbook.
 */
import * as path from "path";
import { loadFakeExcel } from "../../fake-excel";
import { DocumentModel } from "../../fake-excel/model";
import { FakeWps, installFakeWps, StrictMemberError, FakeWpsError } from "../../fake-wps";
import { STATE_SHEET } from "../../src/form/state";
import { createWpsGateway } from "../../src/host/wps/gateway";
import type { WpsGlobal } from "../../src/host/wps/api";

const FENGTAI = path.join(__dirname, "../../samples/004-fengtai-2020.xlsx");
let fengtai: DocumentModel;
let uninstall: (() => void) | null = null;

beforeAll(async () => {
  fengtai = (await loadFakeExcel(FENGTAI)).doc;
});

afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function use(doc: DocumentModel): { fake: FakeWps; wps: WpsGlobal } {
  const fake = new FakeWps(doc);
  uninstall = installFakeWps(fake);
  return { fake, wps: fake.global() as WpsGlobal };
}

/** A workbook of `tabs` copies of the Fengtai form, each padded below with `extraRows` rows of data. */
function copies(tabs: number, extraRows = 0): DocumentModel {
  const doc = new DocumentModel();
  for (let i = 0; i < tabs; i++) {
    const s = doc.importSheet(fengtai.sheets[0], `表${i + 1}`);
    const bottom = s.usedRect(false)?.bottom ?? 1;
    for (let r = 1; r <= extraRows; r++) s.ensure(bottom + 5 + r, 12).value = r;
  }
  doc.activeSheetId = doc.sheets[0].id;
  return doc;
}

describe("the fake is stricter than WPS", () => {
  test("a member WPS does not have throws, where WPS would return undefined", () => {
    const { wps } = use(fengtai.clone());
    const ws = wps.EtApplication().ActiveWorkbook?.ActiveSheet as unknown as Record<
      string,
      unknown
    >;
    expect(() => ws.Cels).toThrow(StrictMemberError);
    const range = (ws.Range as (a: string) => Record<string, unknown>)("A1");
    expect(() => range.Vaule2).toThrow(StrictMemberError);
    expect(() => {
      range.NumberFromat = "0.00";
    }).toThrow(StrictMemberError);
  });

  test("a write into a protected sheet or into a hidden cell of a merged area throws", () => {
    const doc = fengtai.clone();
    const { wps } = use(doc);
    const ws = wps.EtApplication().ActiveWorkbook?.ActiveSheet;
    const merge = doc.sheets[0].merges[0];
    const hidden = `${String.fromCharCode(64 + merge.right)}${merge.bottom}`;
    expect(() => {
      (ws as NonNullable<typeof ws>).Range(hidden).Value2 = "x";
    }).toThrow(FakeWpsError);
    doc.sheets[0].protected_ = true;
    expect(() => {
      (ws as NonNullable<typeof ws>).Range("Z99").Value2 = 1;
    }).toThrow(/受保护/);
  });
});

describe("批量评分 in WPS", () => {
  test("its calls into WPS grow with the sheets, not with the cells", async () => {
    const calls = async (doc: DocumentModel): Promise<number> => {
      const { fake } = use(doc);
      const report = await createWpsGateway().scoreAllSheets();
      expect(report.ok).toBe(true);
      const n = fake.calls;
      uninstall?.();
      uninstall = null;
      return n;
    };
    const one = await calls(copies(1));
    const four = await calls(copies(4));
    // each further tab costs what the first did (the summary sheet is written once)
    expect(four).toBeLessThan(one * 4 + 50);
    expect(four).toBeGreaterThan(one * 3);
    // 2,000 and 20,000 more rows of data under each form: ten times the cells cost less than the
    // first 2,000 did (regions are halved: a logarithm of the size, never a call a cell)
    const tall = await calls(copies(4, 2_000));
    const taller = await calls(copies(4, 20_000));
    expect(taller - tall).toBeLessThan(tall - four);
    expect(taller).toBeLessThan(four * 2);
  });

  test("a protected sheet is scored and nothing is written into it", async () => {
    const doc = copies(2);
    doc.sheets[1].protected_ = true;
    const before = JSON.stringify([...doc.sheets[1].cells]);
    use(doc);
    const report = await createWpsGateway().scoreAllSheets();
    expect(report.sheets.map((s) => s.status)).toEqual(["scored", "protected"]);
    expect(JSON.stringify([...doc.sheets[1].cells])).toBe(before);
    expect(doc.byName(STATE_SHEET)?.visibility).toBe("VeryHidden");
  });
});

describe("自动评分 in WPS", () => {
  test("a person's edit inside a form calls the listener once; the add-in's writes and edits outside never", async () => {
    jest.useFakeTimers();
    try {
      const doc = copies(1);
      const { fake } = use(doc);
      const gateway = createWpsGateway();
      await gateway.scoreAllSheets();
      const heard: string[] = [];
      const stop = await gateway.onSheetChanged((s) => heard.push(s), { debounceMs: 100 });
      expect(stop).not.toBeNull();
      expect(fake.listenerCount("SheetChange")).toBe(1);
      // the add-in's own re-score writes: not heard
      await gateway.rescoreSheet("表1");
      jest.advanceTimersByTime(500);
      expect(heard).toEqual([]);
      // an edit far below the form: not heard
      fake.type("表1", "A300", "备注");
      jest.advanceTimersByTime(500);
      expect(heard).toEqual([]);
      // two edits inside the form: heard once, after the pause
      fake.type("表1", "E6", 300);
      fake.type("表1", "E6", 301);
      jest.advanceTimersByTime(50);
      expect(heard).toEqual([]);
      jest.advanceTimersByTime(200);
      expect(heard).toEqual(["表1"]);
      await (stop as () => Promise<void>)();
      expect(fake.listenerCount("SheetChange")).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("规则 in WPS", () => {
  test("settings saved for a workbook come back for it, and the defaults for another", async () => {
    const { fake } = use(copies(1));
    const g = globalThis as unknown as { localStorage?: unknown };
    const saved = g.localStorage;
    const store = new Map<string, string>();
    g.localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    try {
      const gateway = createWpsGateway();
      expect((await gateway.loadSettings()).profile).toBe("auto");
      await gateway.saveSettings({
        profile: "beijing",
        promptTextInReasonCells: true,
        autoScore: false,
      });
      expect(await gateway.loadSettings()).toEqual({
        profile: "beijing",
        promptTextInReasonCells: true,
        autoScore: false,
      });
      uninstall?.();
      uninstall = installFakeWps(new FakeWps(copies(1), "D:\\另一个.xlsx"));
      expect((await createWpsGateway().loadSettings()).profile).toBe("auto");
      expect(fake.calls).toBeGreaterThan(0);
    } finally {
      g.localStorage = saved;
    }
  });
});
