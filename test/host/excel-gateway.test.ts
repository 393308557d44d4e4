/**
 * The Office.js gateway over a strict fake of Excel (fake-excel) loaded from the sample
 * workbooks: it writes what the pure plan says, in a number of round trips that does not grow
 * with the tabs, scoring twice is scoring once, 撤销 puts every cell back exactly (also after the
 * workbook is closed and opened again), typed text and protected sheets are left alone, and an
 * older Excel (no merged-area API, no notes) still scores.
 */
import * as fs from "fs";
import * as path from "path";
import { applyPlanToGrid } from "../../src/form/apply";
import type { Grid } from "../../src/form/grid";
import { scoreWorkbookGrids } from "../../src/form/pipeline";
import { cellState, NOTE_MARK, type CellState } from "../../src/form/plan";
import { recognizeSheet } from "../../src/form/recognize";
import { STATE_SHEET } from "../../src/form/state";
import { createExcelGateway, type ScoringGateway } from "../../src/host/excel/gateway";
import type { RunReport } from "../../src/host/excel/report";
import {
  FakeExcel,
  installFakeExcel,
  loadFakeExcel,
  type CellDump,
  type FakeExcelOptions,
} from "../../fake-excel";
import { DocumentModel } from "../../fake-excel/model";
import ExcelJS from "exceljs";
import { NO_CHART_SENTENCE } from "../../src/form/summary";

const SAMPLES = path.join(__dirname, "../../samples");
const FILES = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();
const FENGTAI = "004-fengtai-2020.xlsx";
const CHANGJI = "003-changji-2024.xlsx";
const docs = new Map<string, DocumentModel>();

beforeAll(async () => {
  for (const f of FILES) docs.set(f, (await loadFakeExcel(path.join(SAMPLES, f))).doc);
});

function fakeOf(file: string, options: FakeExcelOptions = {}): FakeExcel {
  return new FakeExcel((docs.get(file) as DocumentModel).clone(), options);
}

let uninstall: (() => void) | null = null;
let current: FakeExcel | null = null;

/** Installs the fake as the globals and gives a fresh gateway over it. */
function use(fake: FakeExcel): ScoringGateway {
  uninstall?.();
  uninstall = installFakeExcel(fake);
  current = fake;
  return createExcelGateway();
}

afterEach(() => {
  // the fake is strict: a host that read a property it had not loaded fails here, even if it caught the error
  if (current) expect(current.notLoadedReads).toEqual([]);
  uninstall?.();
  uninstall = null;
  current = null;
});

/** Every sheet of the workbook as a dump (all cells, notes, fills), and the charts. */
function snapshot(fake: FakeExcel, except: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of fake.sheetNames()) {
    if (except.includes(name)) continue;
    out[name] = {
      cells: fake.dump(name),
      charts: fake.charts(name).map((c) => ({ ...c, id: "" })),
      visibility: fake.visibility(name),
    };
  }
  return out;
}

function formSheets(fake: FakeExcel): string[] {
  return fake.sheetNames().filter((n) => n !== STATE_SHEET && !n.startsWith("评分汇总"));
}

/** The truth grids of every sheet the add-in may read (what a perfect host would hand over). */
function truthGrids(fake: FakeExcel): Grid[] {
  return fake
    .sheetNames()
    .filter((n) => fake.visibility(n) !== "VeryHidden" || n === STATE_SHEET)
    .map((n) => fake.grid(n));
}

const norm = (s: CellState): CellState => ({
  value: s.value === "" ? null : s.value,
  formula: s.formula,
  numberFormat: s.numberFormat ?? "General",
  note: s.note,
  fill: s.fill,
});

/** Every cell of either grid's rectangle, plus every note and fill of either. */
function addressesOf(...grids: Grid[]): Set<string> {
  const out = new Set<string>();
  for (const g of grids) {
    const m = /^([A-Z]+)(\d+)$/.exec(g.origin) as RegExpExecArray;
    let col0 = 0;
    for (const ch of m[1]) col0 = col0 * 26 + ch.charCodeAt(0) - 64;
    const row0 = Number(m[2]);
    g.values.forEach((line, r) =>
      line.forEach((_, c) => {
        let n = col0 + c;
        let letters = "";
        while (n > 0) {
          letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
          n = Math.floor((n - 1) / 26);
        }
        out.add(`${letters}${row0 + r}`);
      })
    );
    for (const a of Object.keys(g.notes ?? {})) out.add(a);
    for (const a of Object.keys(g.fills ?? {})) out.add(a);
  }
  return out;
}

function cellNow(fake: FakeExcel, sheet: string, address: string): CellState {
  const after = fake.grid(sheet);
  const d: CellDump = fake.cell(sheet, address);
  const s = cellState(after, address);
  // a cell outside the used range of values still has its number format
  return norm({ ...s, numberFormat: d.numberFormat, note: d.note ?? d.comment, fill: d.fill });
}

function expectSheetsAsPlanned(fake: FakeExcel, expected: ReadonlyMap<string, Grid>): number {
  let compared = 0;
  for (const [sheet, want] of expected) {
    for (const a of addressesOf(want, fake.grid(sheet))) {
      const got = cellNow(fake, sheet, a);
      const exp = norm(cellState(want, a));
      if (JSON.stringify(got) !== JSON.stringify(exp))
        expect({ sheet, address: a, cell: got }).toEqual({ sheet, address: a, cell: exp });
      compared++;
    }
  }
  return compared;
}

// ---------------------------------------------------------------------------------------------

describe("the fake is strict, as Excel is", () => {
  test("a property read before load and sync throws PropertyNotLoaded; writes wait for sync", async () => {
    const fake = fakeOf(FENGTAI);
    const sheet = fake.sheetNames()[0];
    const before = fake.cell(sheet, "A1");
    const errors: string[] = [];
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange("A1");
      try {
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- reading too early is what this test does
        void range.values;
      } catch (e) {
        errors.push((e as { code: string }).code);
      }
      range.values = [["改写"]];
      try {
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- set, but not loaded
        void range.values;
      } catch (e) {
        errors.push((e as { code: string }).code);
      }
      expect(fake.cell(sheet, "A1")).toEqual(before); // queued, not written
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([["改写"]]);
    });
    expect(errors).toEqual(["PropertyNotLoaded", "PropertyNotLoaded"]);
    expect(fake.cell(sheet, "A1").value).toBe("改写");
    expect(fake.notLoadedReads).toHaveLength(2);
    fake.notLoadedReads.length = 0;
  });

  test("unsynced actions at the end of Excel.run, an API newer than the Excel, and a 5 MB payload fail", async () => {
    const fake = fakeOf(FENGTAI, { excelApi: "1.12" });
    const sheet = fake.sheetNames()[0];
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange("A1").values = [["x"]];
      })
    ).rejects.toThrow(/never synced/);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets
          .getItem(sheet)
          .getRange()
          .getMergedAreasOrNullObject()
          .load("address");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    const big = Array.from({ length: 2000 }, () =>
      Array.from({ length: 10 }, () => "一段很长的中文文字，用来把请求撑大".repeat(10))
    );
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange("A1:J2000").values = big;
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.cell(sheet, "A1").value).not.toBe(big[0][0]);
  });

  test("it loads from .xlsx what a form has: values, formulas, formats, merges, notes, fills, hidden and protected sheets", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表一");
    ws.getCell("A1").value = "项目名称";
    ws.mergeCells("A1:B1");
    ws.getCell("C2").value = 0.9032;
    ws.getCell("C2").numFmt = "0.00%";
    ws.getCell("D2").value = { formula: "C2*10", result: 9.032 };
    ws.getCell("E2").value = new Date(Date.UTC(2024, 2, 31));
    ws.getCell("E2").numFmt = "yyyy-mm-dd";
    ws.getCell("F2").note = "会计的备注";
    ws.getCell("G2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
    const hidden = wb.addWorksheet("隐藏");
    hidden.state = "veryHidden";
    hidden.getCell("A1").value = 1;
    const locked = wb.addWorksheet("锁定");
    await locked.protect("", {});
    const fake = await loadFakeExcel(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(fake.sheetNames()).toEqual(["表一", "隐藏", "锁定"]);
    expect(fake.visibility("隐藏")).toBe("VeryHidden");
    expect(fake.sheet("锁定").protected_).toBe(true);
    expect(fake.cell("表一", "C2")).toEqual({
      value: 0.9032,
      formula: null,
      numberFormat: "0.00%",
      note: null,
      comment: null,
      fill: null,
    });
    expect(fake.cell("表一", "D2")).toMatchObject({ value: 9.032, formula: "=C2*10" });
    expect(fake.cell("表一", "E2").value).toBe(45382);
    expect(fake.cell("表一", "F2").note).toBe("会计的备注");
    expect(fake.cell("表一", "G2").fill).toBe("FFC7CE");
    const grid = fake.grid("表一");
    expect(grid.merges).toEqual(["A1:B1"]);
    expect(grid.values[1][4]).toBe("2024-03-31");
  });

  test("Excel reads written text as typing: a percentage, a number with zeros, a date; an apostrophe keeps text", async () => {
    const fake = fakeOf(FENGTAI);
    const sheet = fake.sheetNames()[0];
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange("K1:N2").values = [
        ["98.75%", "00012345", "2024-03-31", "TRUE"],
        ["'98.75%", "'00012345", "'2024-03-31", "'TRUE"],
      ];
      await context.sync();
    });
    expect(["K1", "L1", "M1", "N1"].map((a) => fake.cell(sheet, a).value)).toEqual([
      0.9875,
      12345,
      45382,
      true,
    ]);
    expect(["K2", "L2", "M2", "N2"].map((a) => fake.cell(sheet, a).value)).toEqual([
      "98.75%",
      "00012345",
      "2024-03-31",
      "TRUE",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("批量评分 writes what the plan says", () => {
  test.each(FILES)("%s", async (file) => {
    const fake = fakeOf(file);
    const oracle = scoreWorkbookGrids(truthGrids(fake));
    const before = new Map(fake.sheetNames().map((n) => [n, fake.grid(n)]));
    const expected = new Map(
      oracle.sheets.map((s) => [s.sheet, applyPlanToGrid(before.get(s.sheet) as Grid, s.plan)])
    );
    const report = await use(fake).scoreAllSheets();
    expect(report.error).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.syncs).toBe(4);
    expect(fake.syncs).toBe(4);
    expect(expectSheetsAsPlanned(fake, expected)).toBeGreaterThan(100);
    // the report carries the outcome the pane shows
    expect(report.sheets.map((s) => s.sheet)).toEqual(oracle.sheets.map((s) => s.sheet));
    const totals = report.sheets.flatMap((s) => s.forms.map((f) => f.total));
    expect(totals).toEqual(
      oracle.sheets.flatMap((s) =>
        s.forms.map((f) => (f.result.total === null ? null : f.result.total.toString()))
      )
    );
    expect(report.prompts.length).toBe(
      oracle.sheets.reduce(
        (n, s) => n + s.forms.reduce((m, f) => m + f.result.prompts.length, 0),
        0
      )
    );
    expect(report.notes).toBe("notes");
    expect(report.mergesRead).toBe(true);
    // the state sheet is very hidden; the summary sheet has its chart of the grade distribution
    expect(fake.visibility(STATE_SHEET)).toBe("VeryHidden");
    const summary = report.summary?.sheet as string;
    expect(summary).toBe("评分汇总");
    const scored = oracle.sheets.some((s) => s.forms.some((f) => f.result.total !== null));
    expect(report.summary?.chart).toBe(scored);
    if (!scored) {
      // nothing scored (the Renhe templates print no weights): no chart, a sentence instead
      expect(fake.charts(summary)).toEqual([]);
      const texts = Object.values(fake.dump(summary)).map((c) => String(c.value ?? ""));
      expect(texts).toContain(NO_CHART_SENTENCE);
      return;
    }
    const [chart] = fake.charts(summary);
    expect(chart).toMatchObject({
      type: "ColumnClustered",
      seriesBy: "Columns",
      title: "自评等级分布",
    });
    const head = /!A(\d+):B(\d+)$/.exec(chart.source) as RegExpExecArray;
    expect(fake.cell(summary, `A${head[1]}`).value).toBe("等级");
    expect([1, 2, 3, 4].map((i) => fake.cell(summary, `A${Number(head[1]) + i}`).value)).toEqual([
      "优",
      "良",
      "中",
      "差",
    ]);
    expect(fake.activeSheet).toBe(summary);
  });

  test("below ExcelApi 1.7 the summary links each form to its sheet with a HYPERLINK formula", async () => {
    const fake = fakeOf(FENGTAI, { excelApi: "1.6" });
    await use(fake).scoreAllSheets();
    const a2 = fake.cell("评分汇总", "A2");
    expect(a2.formula).toBe(`=HYPERLINK("#'《丰台报》相关费用'!A1","《丰台报》相关费用")`);
    expect(a2.value).toBe("《丰台报》相关费用");
    // the same layout as the command's copy: Chinese profile name, 执行率 and 总分 numbers with formats
    expect(fake.cell("评分汇总", "C2").value).toBe("北京");
    expect(fake.cell("评分汇总", "F2")).toMatchObject({ numberFormat: "0.00%" });
    expect(typeof fake.cell("评分汇总", "F2").value).toBe("number");
    expect(fake.cell("评分汇总", "G2")).toMatchObject({ numberFormat: "0.00" });
  });
});

// ---------------------------------------------------------------------------------------------

function bigWorkbook(tabs: number): FakeExcel {
  const doc = new DocumentModel();
  const sources = FILES.flatMap((f) => (docs.get(f) as DocumentModel).sheets);
  for (let i = 0; i < tabs; i++) {
    const src = sources[i % sources.length];
    doc.importSheet(src, `${String(i + 1).padStart(3, "0")}${src.name}`.slice(0, 31));
  }
  doc.activeSheetId = doc.sheets[0].id;
  return new FakeExcel(doc);
}

describe("round trips do not grow with the tabs", () => {
  let one: RunReport;
  let many: RunReport;
  let manyFake: FakeExcel;

  test("批量评分: 1 tab and 200 tabs take the same 4 syncs, each under 5 MB", async () => {
    const single = fakeOf(FENGTAI);
    for (const n of single.sheetNames().slice(1)) single.removeSheet(n);
    one = await use(single).scoreAllSheets();
    expect(one.ok).toBe(true);

    manyFake = bigWorkbook(200);
    const started = Date.now();
    many = await use(manyFake).scoreAllSheets();
    const ms = Date.now() - started;
    const firstLog = manyFake.syncLog
      .map((s) => `${Math.round(s.request / 1024)}/${Math.round(s.response / 1024)}`)
      .join(", ");
    expect(many.ok).toBe(true);
    expect(many.sheets).toHaveLength(200);
    expect(many.summary?.forms).toBeGreaterThan(200);
    expect(one.syncs).toBe(4);
    expect(many.syncs).toBe(one.syncs);
    expect(manyFake.syncs).toBe(4);
    const biggest = Math.max(...manyFake.syncLog.map((s) => Math.max(s.request, s.response)));
    expect(biggest).toBeLessThan(5_000_000);
    // scoring the 200 tabs again also reads the ledger and the summary sheet: still 4 syncs under 5 MB
    manyFake.resetCounters();
    const again = await createExcelGateway().scoreAllSheets();
    expect(again.ok).toBe(true);
    expect(again.syncs).toBe(4);
    const rescoreLog = manyFake.syncLog
      .map((s) => `${Math.round(s.request / 1024)}/${Math.round(s.response / 1024)}`)
      .join(", ");
    expect(Math.max(...manyFake.syncLog.map((s) => Math.max(s.request, s.response)))).toBeLessThan(
      5_000_000
    );
    console.log(`re-scoring 200 tabs, payload per sync (request/response KB): ${rescoreLog}`);
    console.log(
      `syncs: 1 tab ${one.syncs}, 200 tabs ${many.syncs}; 200 tabs: ${many.written.cells} cells, ${many.written.notes} notes, ${many.written.fills} fills in ${ms} ms; ` +
        `payload per sync (request/response KB): ${firstLog}`
    );
  });

  test("评分当前表 and 撤销本次评分 of 200 tabs take at most 4 syncs too", async () => {
    const gateway = use(manyFake);
    manyFake.activate(manyFake.sheetNames()[150]);
    const active = await gateway.scoreActiveSheet();
    expect(active.ok).toBe(true);
    expect(active.sheets.map((s) => s.sheet)).toEqual([manyFake.sheetNames()[150]]);
    expect(active.syncs).toBeLessThanOrEqual(4);
    const undo = await gateway.undo();
    expect(undo.ok).toBe(true);
    expect(undo.syncs).toBeLessThanOrEqual(4);
    expect(undo.sheets.length).toBeGreaterThan(150);
  });
});

// ---------------------------------------------------------------------------------------------

describe("scoring twice = scoring once", () => {
  test.each([FENGTAI, CHANGJI, "000-renhe-2023.xlsx"])(
    "%s: cells, notes, fills, the summary and the ledger",
    async (file) => {
      const fake = fakeOf(file);
      const gateway = use(fake);
      const first = await gateway.scoreAllSheets();
      const once = snapshot(fake);
      const second = await gateway.scoreAllSheets();
      expect(second.ok).toBe(true);
      expect(snapshot(fake)).toEqual(once);
      // the second time every cell already holds what the plan says: nothing is written but the summary
      expect(first.written.cells + first.written.notes).toBeGreaterThan(0);
      expect(second.written).toEqual({ cells: 0, notes: 0, fills: 0 });
      // and a third time after closing and opening the workbook
      const reopened = fake.reopen();
      await use(reopened).scoreAllSheets();
      expect(snapshot(reopened)).toEqual(once);
    }
  );
});

// ---------------------------------------------------------------------------------------------

describe("撤销本次评分 restores every cell exactly", () => {
  test.each(FILES)(
    "%s: values, formulas, formats, notes, fills; the summary sheet goes",
    async (file) => {
      const fake = fakeOf(file);
      const original = snapshot(fake);
      const names = fake.sheetNames();
      const gateway = use(fake);
      await gateway.scoreAllSheets();
      expect(snapshot(fake, [STATE_SHEET])).not.toEqual(original);
      const undo = await gateway.undo();
      expect(undo.error).toBeNull();
      expect(undo.ok).toBe(true);
      expect(undo.notWritten).toEqual([]);
      expect(snapshot(fake, [STATE_SHEET])).toEqual(original);
      expect(fake.sheetNames().filter((n) => n !== STATE_SHEET)).toEqual(names);
    }
  );

  test("after the workbook is closed and opened again, and after 评分当前表 then 批量评分", async () => {
    const fake = fakeOf(CHANGJI);
    const original = snapshot(fake);
    fake.activate(fake.sheetNames()[3]);
    let gateway = use(fake);
    await gateway.scoreActiveSheet();
    await gateway.scoreAllSheets();
    await gateway.scoreAllSheets();
    const reopened = fake.reopen();
    gateway = use(reopened);
    const undo = await gateway.undo();
    expect(undo.ok).toBe(true);
    expect(snapshot(reopened, [STATE_SHEET])).toEqual(original);
    const again = await gateway.undo();
    expect(again.ok).toBe(false);
    expect(again.error).toMatch(/没有可撤销的评分/);
  });

  test("a cell a person changed after scoring is theirs: undo leaves it and says so", async () => {
    const fake = fakeOf(FENGTAI);
    const sheet = fake.sheetNames()[0];
    const gateway = use(fake);
    await gateway.scoreAllSheets();
    const ours = fake.sheetNames().includes(STATE_SHEET)
      ? fake
          .grid(STATE_SHEET)
          .values.slice(1)
          .find((r) => r[0] === sheet && String(r[2]).includes("value"))
      : null;
    const address = String((ours as unknown[])[1]);
    fake.userEdit(sheet, address, [["会计改过"]]);
    const undo = await gateway.undo();
    expect(fake.cell(sheet, address).value).toBe("会计改过");
    expect(undo.notWritten.join("\n")).toContain(`${sheet}!${address} 评分后已被修改`);
  });
});

// ---------------------------------------------------------------------------------------------

describe("what a person typed is never overwritten", () => {
  test("text in a score cell stays, with a message naming the cell; a person's note is kept above the add-in's", async () => {
    const fake = fakeOf(FENGTAI);
    const sheet = fake.sheetNames()[0];
    const oracle = scoreWorkbookGrids(truthGrids(fake));
    const scoreEdit = oracle.sheets[0].plan.edits.find(
      (e) => e.why.includes("得分") && typeof e.set.value === "number"
    );
    const noted = oracle.sheets[0].plan.edits.find(
      (e) => e.set.note && e.address !== scoreEdit?.address
    );
    expect(scoreEdit && noted).toBeTruthy();
    const textCell = (scoreEdit as { address: string }).address;
    const noteCell = (noted as { address: string }).address;
    fake.userEdit(sheet, textCell, [["见附件"]]);
    fake.setNote(sheet, noteCell, "会计：此项已与财政核对");
    const report = await use(fake).scoreAllSheets();
    expect(fake.cell(sheet, textCell).value).toBe("见附件");
    expect(
      report.notWritten.some((m) => m.includes(`${sheet}!${textCell}`) && m.includes("见附件"))
    ).toBe(true);
    const note = fake.cell(sheet, noteCell).note as string;
    expect(note.startsWith(`会计：此项已与财政核对\n${NOTE_MARK}\n`)).toBe(true);
    // and undo gives the person's note back alone
    await createExcelGateway().undo();
    expect(fake.cell(sheet, noteCell).note).toBe("会计：此项已与财政核对");
  });

  test("a person's own 评分汇总 sheet is never touched: the add-in writes 评分汇总(2)", async () => {
    const fake = fakeOf(FENGTAI);
    fake.doc.addSheet("评分汇总");
    fake.userEdit("评分汇总", "A1", [["我的汇总"]]);
    const report = await use(fake).scoreAllSheets();
    expect(report.summary?.sheet).toBe("评分汇总(2)");
    expect(fake.dump("评分汇总")).toEqual({ A1: expect.objectContaining({ value: "我的汇总" }) });
    const again = await createExcelGateway().scoreAllSheets();
    expect(again.summary?.sheet).toBe("评分汇总(2)");
    // the add-in's own summary is not read again; the person's sheet of that name is, once the ledger says whose it is
    expect(again.syncs).toBe(5);
    expect(fake.sheetNames().filter((n) => n.startsWith("评分汇总"))).toEqual([
      "评分汇总",
      "评分汇总(2)",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("a protected sheet", () => {
  test("is scored, not written, and named in a Chinese message; the other sheets are written", async () => {
    const fake = fakeOf(FENGTAI);
    const [locked, open] = fake.sheetNames();
    fake.setProtected(locked);
    const before = fake.dump(locked);
    const report = await use(fake).scoreAllSheets();
    expect(report.ok).toBe(true);
    const run = report.sheets.find((s) => s.sheet === locked);
    expect(run?.status).toBe("protected");
    expect(run?.message).toBe(`工作表“${locked}”受保护，无法写入评分结果；请撤销保护后再评分`);
    expect(run?.forms[0].total).not.toBeNull();
    expect(fake.dump(locked)).toEqual(before);
    expect(report.sheets.find((s) => s.sheet === open)?.edits).toBeGreaterThan(0);
  });

  test("protected while the add-in writes: the failure says what was and was not written, and undo still restores", async () => {
    const fake = fakeOf(FENGTAI);
    const original = snapshot(fake);
    const victim = fake.sheetNames()[5];
    fake.beforeSync = (n) => {
      if (n === 4) fake.setProtected(victim);
    };
    const gateway = use(fake);
    const report = await gateway.scoreAllSheets();
    fake.beforeSync = null;
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/^写入未完成：Excel 拒绝写入：工作表或单元格受保护/);
    expect(report.error).toMatch(/已写入 \d+ 处，未写入 \d+ 处/);
    expect(report.notWritten.some((m) => m.startsWith(`工作表“${victim}”有 `))).toBe(true);
    expect(report.sheets.find((s) => s.sheet === victim)?.status).toBe("failed");
    fake.setProtected(victim, false);
    const undo = await gateway.undo();
    expect(undo.ok).toBe(true);
    expect(snapshot(fake, [STATE_SHEET])).toEqual(original);
  });
});

// ---------------------------------------------------------------------------------------------

describe("an older Excel still scores", () => {
  async function totalsWith(
    file: string,
    options: FakeExcelOptions
  ): Promise<{ fake: FakeExcel; report: RunReport }> {
    const fake = fakeOf(file, options);
    const report = await use(fake).scoreAllSheets();
    return { fake, report };
  }

  test.each([FENGTAI, CHANGJI])(
    "%s without ExcelApi 1.13 and 1.18: no merged areas, prompts as threaded comments, same scores",
    async (file) => {
      const full = await totalsWith(file, {});
      const fullTotals = full.report.sheets.map((s) => s.forms.map((f) => [f.total, f.grade]));
      const { fake, report } = await totalsWith(file, { excelApi: "1.12" });
      expect(report.ok).toBe(true);
      expect(report.syncs).toBe(4);
      expect(report.mergesRead).toBe(false);
      expect(report.notes).toBe("comments");
      expect(report.warnings.join()).toMatch(/ExcelApi 1\.13/);
      expect(report.sheets.map((s) => s.forms.map((f) => [f.total, f.grade]))).toEqual(fullTotals);
      const sheet = fake.sheetNames()[0];
      const withComment = Object.values(fake.dump(sheet)).filter((c) =>
        c.comment?.startsWith(NOTE_MARK)
      );
      expect(withComment.length).toBeGreaterThan(0);
      expect(Object.values(fake.dump(sheet)).every((c) => c.note === null)).toBe(true);
      const again = await createExcelGateway().scoreAllSheets();
      expect(again.ok).toBe(true);
      const twice = snapshot(fake);
      await createExcelGateway().scoreAllSheets();
      expect(snapshot(fake)).toEqual(twice);
    }
  );

  test("without notes and comments (ExcelApi 1.9): prompts only in 评分汇总, fills still mark them; undo exact", async () => {
    const fake = fakeOf(FENGTAI, { excelApi: "1.9" });
    const original = snapshot(fake);
    const gateway = use(fake);
    const report = await gateway.scoreAllSheets();
    expect(report.ok).toBe(true);
    expect(report.notes).toBe("none");
    expect(report.written.notes).toBe(0);
    expect(report.written.fills).toBeGreaterThan(0);
    const cells = formSheets(fake).flatMap((n) => Object.values(fake.dump(n)));
    expect(cells.every((c) => c.note === null && c.comment === null)).toBe(true);
    const summaryTexts = Object.values(fake.dump("评分汇总")).map((c) => String(c.value ?? ""));
    expect(report.prompts.every((p) => summaryTexts.includes(p.message))).toBe(true);
    const twice = snapshot(fake);
    await gateway.scoreAllSheets();
    expect(snapshot(fake)).toEqual(twice);
    const undo = await gateway.undo();
    expect(undo.ok).toBe(true);
    expect(snapshot(fake, [STATE_SHEET])).toEqual(original);
  });

  test("an Excel older than ExcelApi 1.4 gets a Chinese message and no round trip", async () => {
    const fake = fakeOf(FENGTAI, { excelApi: "1.3" });
    const report = await use(fake).scoreAllSheets();
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/^此版本的 Excel 过旧：需要 ExcelApi 1\.4/);
    expect(fake.syncs).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe("payloads over 5 MB are split, only then", () => {
  test("a 10,000-row sheet is read in parts, the forms beside it are scored as usual", async () => {
    const fake = fakeOf(FENGTAI);
    const big = fake.doc.addSheet("流水明细");
    for (let r = 1; r <= 10_000; r++)
      for (let c = 1; c <= 20; c++)
        big.ensure(r, c).value = c === 1 ? r : `第${r}笔支出明细摘要${c}`;
    const report = await use(fake).scoreAllSheets();
    expect(report.ok).toBe(true);
    expect(report.skipped.find((s) => s.sheet === "流水明细")?.reason).toMatch(/^不是自评表/);
    expect(fake.failedSyncs).toEqual(["ResponsePayloadSizeLimitExceeded"]);
    expect(
      Math.max(...fake.syncLog.filter((s) => !s.error).map((s) => Math.max(s.request, s.response)))
    ).toBeLessThan(5_000_000);
    const plain = fakeOf(FENGTAI);
    const reference = await use(plain).scoreAllSheets();
    expect(
      report.sheets.filter((s) => s.sheet !== "流水明细").map((s) => s.forms.map((f) => f.total))
    ).toEqual(reference.sheets.map((s) => s.forms.map((f) => f.total)));
  });

  test("under a small limit, requests are split before they pass it (details and writes), with the same result", async () => {
    const small = fakeOf(FENGTAI, { payloadLimit: 60_000 });
    uninstall?.();
    uninstall = installFakeExcel(small);
    current = small;
    const report = await createExcelGateway({ payloadBudget: 40_000 }).scoreAllSheets();
    expect(report.ok).toBe(true);
    expect(report.syncs).toBeGreaterThan(4);
    // a read's response can only be refused by Excel; a request the add-in sizes itself never is
    expect(small.failedSyncs.filter((c) => c !== "ResponsePayloadSizeLimitExceeded")).toEqual([]);
    const reference = fakeOf(FENGTAI);
    await use(reference).scoreAllSheets();
    expect(snapshot(small)).toEqual(snapshot(reference));
  });
});

// ---------------------------------------------------------------------------------------------

describe("the task pane's other calls", () => {
  test("评分当前表 scores the active sheet only, writes no summary, and keeps the other tabs as they are", async () => {
    const fake = fakeOf(FENGTAI);
    const [first, second] = fake.sheetNames();
    fake.activate(second);
    const untouched = fake.dump(first);
    const report = await use(fake).scoreActiveSheet();
    expect(report.ok).toBe(true);
    expect(report.action).toBe("score-active");
    expect(report.sheets.map((s) => s.sheet)).toEqual([second]);
    expect(report.summary).toBeNull();
    expect(fake.sheetNames()).not.toContain("评分汇总");
    expect(fake.dump(first)).toEqual(untouched);
    expect(report.sheets[0].edits).toBeGreaterThan(0);
    expect(report.sheets[0].forms[0].indicators.every((i) => typeof i.explain === "string")).toBe(
      true
    );
  });

  test("selectCell activates the sheet and selects the cell", async () => {
    const fake = fakeOf(FENGTAI);
    const sheet = fake.sheetNames()[2];
    await use(fake).selectCell(sheet, "H15");
    expect(fake.activeSheet).toBe(sheet);
    expect(fake.selection).toEqual({ sheet, address: "H15" });
  });

  test("the profile and options are kept with the workbook", async () => {
    const fake = fakeOf(FENGTAI);
    const gateway = use(fake);
    expect(await gateway.loadSettings()).toEqual({
      profile: "auto",
      promptTextInReasonCells: false,
      autoScore: false,
    });
    await gateway.saveSettings({
      profile: "beijing",
      promptTextInReasonCells: true,
      autoScore: true,
    });
    const reopened = fake.reopen();
    expect(await use(reopened).loadSettings()).toEqual({
      profile: "beijing",
      promptTextInReasonCells: true,
      autoScore: true,
    });
  });

  /** The budget line of the first form on a sheet: the executed cell and the annual budget. */
  function budgetOf(fake: FakeExcel, sheet: string): { executed: string; annual: number } {
    const form = recognizeSheet(fake.grid(sheet)).forms[0];
    const row = form.budget?.rows[0];
    expect(row?.executed?.address).toBeDefined();
    expect(typeof row?.annual?.value).toBe("number");
    return { executed: row?.executed?.address as string, annual: row?.annual?.value as number };
  }

  const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  test.each(["1.18", "1.9"])(
    "自动评分 (ExcelApi %s): an edit inside a form re-scores after a pause in one read and one write; edits outside, and the add-in's own writes, do not",
    async (excelApi) => {
      const fake = fakeOf(FENGTAI, { excelApi });
      const gateway = use(fake);
      const sheet = fake.sheetNames()[1];
      const { executed, annual } = budgetOf(fake, sheet);
      await gateway.scoreAllSheets();
      const heard: string[] = [];
      const before = fake.syncs;
      const stop = await gateway.onSheetChanged((s) => heard.push(s), { debounceMs: 40 });
      expect(stop).not.toBeNull();
      // turning it on reads the workbook once (the registration goes with the listing)
      expect(fake.syncs - before).toBe(2);
      fake.userEdit(sheet, "A400", [["表外的字"]]);
      await pause(120);
      expect(heard).toEqual([]);
      fake.userEdit(sheet, executed, [[annual - 1]]);
      fake.userEdit(sheet, executed, [[annual]]);
      await pause(120);
      expect(heard).toEqual([sheet]);
      const rescore = await gateway.rescoreSheet(sheet);
      expect(rescore.ok).toBe(true);
      expect(rescore.syncs).toBe(2);
      expect(rescore.sheets[0].forms[0].budget?.score).toBe("10");
      expect(rescore.written.cells).toBeGreaterThan(0);
      await pause(120);
      expect(heard).toEqual([sheet]);
      // the ledger is rewritten from its first change on: this tab's entries, kept last
      fake.userEdit(sheet, executed, [[annual - 1]]);
      const logged = fake.syncLog.length;
      expect((await gateway.rescoreSheet(sheet)).syncs).toBe(2);
      const [read, write] = fake.syncLog.slice(logged);
      const ledgerBytes = JSON.stringify(fake.grid(STATE_SHEET).values).length;
      // (the request counts its object paths as Office.js sends them: 3.7 KB here, the ledger 8.9 KB)
      expect(write.request).toBeLessThan(ledgerBytes / 2);
      expect(read.response).toBeGreaterThan(ledgerBytes);
      fake.userEdit(sheet, executed, [[annual]]);
      expect((await gateway.rescoreSheet(sheet)).syncs).toBe(2);
      // the same edit scored the long way (no memory) writes exactly the same workbook
      const other = fakeOf(FENGTAI, { excelApi });
      const plain = use(other);
      await plain.scoreAllSheets();
      other.userEdit(sheet, executed, [[annual]]);
      other.userEdit(sheet, "A400", [["表外的字"]]);
      const long = await plain.rescoreSheet(sheet);
      expect(long.syncs).toBe(4);
      expect(snapshot(fake)).toEqual(snapshot(other));
      use(fake);
      await pause(120);
      const heardSoFar = heard.length;
      await (stop as () => Promise<void>)();
      fake.userEdit(sheet, executed, [[1]]);
      await pause(120);
      expect(heard).toHaveLength(heardSoFar);
    }
  );

  test("自动评分 on a workbook never scored: the first re-score adds the state sheet in the same two syncs, and 撤销 undoes it", async () => {
    const fake = fakeOf(FENGTAI);
    const pristine = snapshot(fake);
    const gateway = use(fake);
    const sheet = fake.sheetNames()[0];
    const { executed, annual } = budgetOf(fake, sheet);
    const heard: string[] = [];
    const stop = await gateway.onSheetChanged((s) => heard.push(s), { debounceMs: 20 });
    const typed = fake.cell(sheet, executed).value;
    fake.userEdit(sheet, executed, [[annual]]);
    await pause(80);
    expect(heard).toEqual([sheet]);
    const first = await gateway.rescoreSheet(sheet);
    expect(first.syncs).toBe(2);
    expect(fake.sheetNames()).toContain(STATE_SHEET);
    // the second knows the state sheet it added
    fake.userEdit(sheet, executed, [[annual - 1]]);
    const second = await gateway.rescoreSheet(sheet);
    expect(second.syncs).toBe(2);
    expect(second.written.cells).toBeGreaterThan(0);
    await (stop as () => Promise<void>)();
    fake.userEdit(sheet, executed, [[typed as number]]);
    await gateway.undo();
    // every cell as it was; the (very hidden) state sheet stays with an empty ledger
    expect(snapshot(fake, [STATE_SHEET])).toEqual(pristine);
  });

  test("自动评分 falls back to the long way when memory is stale: a renamed sheet, a sheet deleted", async () => {
    const fake = fakeOf(FENGTAI);
    const gateway = use(fake);
    const [first, second] = fake.sheetNames();
    await gateway.scoreAllSheets();
    const stop = await gateway.onSheetChanged(() => undefined, { debounceMs: 20 });
    fake.renameSheet(first, "改名后");
    const renamed = await gateway.rescoreSheet(first);
    expect(renamed.ok).toBe(true);
    expect(renamed.sheets.map((s) => s.sheet)).toEqual(["改名后"]);
    fake.removeSheet(second);
    const gone = await gateway.rescoreSheet(second);
    expect(gone.ok).toBe(false);
    expect(gone.error).toBe(`找不到工作表“${second}”`);
    await (stop as () => Promise<void>)();
  });

  test("without change events (ExcelApi 1.8) there is no 自动评分, and no error", async () => {
    const fake = fakeOf(FENGTAI, { excelApi: "1.8" });
    expect(await use(fake).onSheetChanged(() => undefined)).toBeNull();
  });
});
