/**
 * The add-in draws 评分汇总 from the one layout both hosts share (src/form/layout/summaryLayout.ts):
 * borders, wrap, row heights, frozen header row, auto-filter, page setup, links as hyperlinks and
 * the chart's whole-number axis, each on the requirement set that has it and quietly left out
 * below; and the 003#0 总分/等级 rows drawn like the table (Range.copyFrom, formats).
 */
import * as path from "path";
import { summaryLayout } from "../../src/form/layout/summaryLayout";
import type { SheetLayout } from "../../src/form/layout/sheetLayout";
import { scoreWorkbookGrids, type WorkbookOutcome } from "../../src/form/pipeline";
import { STATE_SHEET } from "../../src/form/state";
import { createExcelGateway } from "../../src/host/excel/gateway";
import { centreSection, styleRects } from "../../src/host/excel/summaryLook";
import {
  installFakeExcel,
  loadFakeExcel,
  FakeExcel,
  type FakeExcelOptions,
} from "../../fake-excel";
import { readRange as parseLocal, type Rect } from "../../src/address";
import type { DocumentModel, SheetModel } from "../../fake-excel/model";

const SAMPLES = path.join(__dirname, "../../samples");
const FENGTAI = "004-fengtai-2020.xlsx";
const CHANGJI = "003-changji-2024.xlsx";
const docs = new Map<string, DocumentModel>();

beforeAll(async () => {
  for (const f of [FENGTAI, CHANGJI]) docs.set(f, (await loadFakeExcel(path.join(SAMPLES, f))).doc);
});

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

/** Scores every sheet of a sample through the add-in at `excelApi`; the layout it should draw. */
async function scored(
  file: string,
  options: FakeExcelOptions = {}
): Promise<{ fake: FakeExcel; layout: SheetLayout; sheet: SheetModel; outcome: WorkbookOutcome }> {
  const fake = new FakeExcel((docs.get(file) as DocumentModel).clone(), options);
  const grids = fake
    .sheetNames()
    .filter((n) => fake.visibility(n) !== "VeryHidden" || n === STATE_SHEET)
    .map((n) => fake.grid(n));
  const outcome = scoreWorkbookGrids(grids);
  uninstall = installFakeExcel(fake);
  const report = await createExcelGateway().scoreAllSheets();
  expect(report.error).toBeNull();
  expect(fake.syncs).toBe(4);
  expect(fake.notLoadedReads).toEqual([]);
  const layout = summaryLayout(outcome.summary, outcome.summarySheet);
  return { fake, layout, sheet: fake.sheet(outcome.summarySheet), outcome };
}

const inside = (r: Rect, row: number, col: number): boolean =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/** The sides drawn on a cell: its own edges, or inside lines of a range it is within. */
function sidesAt(sheet: SheetModel, row: number, col: number): Set<string> {
  const out = new Set<string>();
  for (const b of sheet.look.borders) {
    if (b.style !== "Continuous" || !inside(b.rect, row, col)) continue;
    const r = b.rect;
    if (b.side === "EdgeTop" && row === r.top) out.add("top");
    if (b.side === "EdgeBottom" && row === r.bottom) out.add("bottom");
    if (b.side === "EdgeLeft" && col === r.left) out.add("left");
    if (b.side === "EdgeRight" && col === r.right) out.add("right");
    if (b.side === "InsideHorizontal") {
      if (row > r.top) out.add("top");
      if (row < r.bottom) out.add("bottom");
    }
    if (b.side === "InsideVertical") {
      if (col > r.left) out.add("left");
      if (col < r.right) out.add("right");
    }
  }
  return out;
}

function cellsOf(layout: SheetLayout): { row: number; col: number; address: string }[] {
  return layout.rows.flatMap((line, r0) =>
    line.map((_, c0) => ({
      row: r0 + 1,
      col: c0 + 1,
      address: `${String.fromCharCode(65 + c0)}${r0 + 1}`,
    }))
  );
}

describe("评分汇总 in the add-in: the shared layout, fully", () => {
  test("borders, wrap, alignment and row heights as the layout says (every ExcelApi set)", async () => {
    const { layout, sheet } = await scored(FENGTAI);
    let bordered = 0;
    for (const { row, col } of cellsOf(layout)) {
      const style = layout.rows[row - 1][col - 1]?.style;
      const sides = sidesAt(sheet, row, col);
      if (style?.border) {
        expect([row, col, [...sides].sort()]).toEqual([
          row,
          col,
          ["bottom", "left", "right", "top"],
        ]);
        bordered++;
      } else expect([row, col, sides.size]).toEqual([row, col, 0]);
    }
    expect(bordered).toBeGreaterThan(20);
    const wraps = sheet.formats.filter((f) => f.wrapText === true).map((f) => f.rect);
    for (const { row, col } of cellsOf(layout))
      expect([row, col, wraps.some((r) => inside(r, row, col))]).toEqual([
        row,
        col,
        !!layout.rows[row - 1][col - 1]?.style?.wrap,
      ]);
    const centred = sheet.formats.filter((f) => f.horizontal === "Center").map((f) => f.rect);
    const wantCentred = styleRects(layout, (s) => s.horizontal === "center");
    expect(wantCentred.length).toBeGreaterThan(0);
    for (const r of wantCentred) expect(centred).toContainEqual(r);
    expect(layout.rowHeights.size).toBeGreaterThan(0);
    for (const [r0, points] of layout.rowHeights) expect(sheet.rowHeights.get(r0 + 1)).toBe(points);
  });

  test("frozen header row, auto-filter, A4 landscape one page wide, footer (ExcelApi 1.9+)", async () => {
    const { layout, sheet } = await scored(FENGTAI);
    expect(sheet.look.freezeRows).toBe(1);
    expect(layout.autoFilter).toMatch(/^A1:[A-Z]+\d+$/);
    expect(sheet.look.autoFilter).toBe(layout.autoFilter);
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerHorizontally: true,
      centerFooter: centreSection(layout.page.footer),
    });
    expect(String(sheet.pageLayout.centerFooter)).toContain("&P");
    // few forms: no print titles (the prompts' pages are not headed with the forms' columns)
    expect(layout.page.titleRows).toBeNull();
    expect(sheet.pageLayout.printTitleRows).toBeUndefined();
  });

  test("links are hyperlinks to the form's cell, the chart steps in whole numbers (ExcelApi 1.7+)", async () => {
    const { fake, layout, sheet } = await scored(FENGTAI);
    const links = cellsOf(layout).filter((c) => layout.rows[c.row - 1][c.col - 1]?.link);
    expect(links.length).toBeGreaterThan(1);
    for (const c of links) {
      const cell = layout.rows[c.row - 1][c.col - 1];
      expect(sheet.look.hyperlinks.get(c.address)).toEqual({ documentReference: cell?.link });
      const written = fake.cell(sheet.name, c.address);
      expect(written.formula).toBeNull();
      expect(written.value).toBe(cell?.value);
    }
    expect(fake.cell(sheet.name, "A2").value).toBe("《丰台报》相关费用");
    const fonts = sheet.look.fonts;
    for (const c of links) {
      const at = (k: "color" | "underline"): unknown =>
        fonts.find((f) => f[k] && inside(f.rect, c.row, c.col))?.[k];
      expect([c.address, at("color"), at("underline")]).toEqual([c.address, "#0563C1", "Single"]);
    }
    expect(fonts.every((f) => layout.rows[f.rect.top - 1][f.rect.left - 1]?.link)).toBe(true);
    const [chart] = fake.charts(sheet.name);
    expect(layout.chart?.majorUnit).toBe(1);
    expect(chart.majorUnit).toBe(1);
  });

  test("the footer is the centre section of the layout's header/footer code", () => {
    expect(centreSection("&C第 &P 页，共 &N 页")).toBe("第 &P 页，共 &N 页");
    expect(centreSection("&L左&C中 &P&R右")).toBe("中 &P");
    expect(centreSection("&L左")).toBe("");
    expect(centreSection("第 &P 页")).toBe("第 &P 页");
  });

  test.each(["1.4", "1.6"])(
    "below ExcelApi 1.7 (%s): HYPERLINK formulas, no frozen row, filter or page setup; borders still",
    async (excelApi) => {
      const { fake, layout, sheet } = await scored(FENGTAI, { excelApi });
      expect(fake.cell(sheet.name, "A2").formula).toBe(
        `=HYPERLINK("#'《丰台报》相关费用'!A1","《丰台报》相关费用")`
      );
      expect(sheet.look.hyperlinks.size).toBe(0);
      expect(sheet.look.freezeRows).toBe(0);
      expect(sheet.look.autoFilter).toBeNull();
      expect(sheet.pageLayout).toEqual({});
      expect(sidesAt(sheet, 1, 1).size).toBe(4);
      expect(sheet.rowHeights.size).toBe(layout.rowHeights.size);
      expect(fake.charts(sheet.name)[0].majorUnit).toBe(1);
    }
  );

  test("ExcelApi 1.8: frozen row and hyperlinks, no filter or page setup", async () => {
    const { fake, sheet } = await scored(FENGTAI, { excelApi: "1.8" });
    expect(sheet.look.freezeRows).toBe(1);
    expect(fake.cell(sheet.name, "A2").formula).toBeNull();
    expect(sheet.look.hyperlinks.get("A2")).toEqual({
      documentReference: "'《丰台报》相关费用'!A1",
    });
    expect(sheet.look.autoFilter).toBeNull();
    expect(sheet.pageLayout).toEqual({});
  });
});

describe("003#0: the 总分 / 等级 rows drawn like the table (Range.copyFrom, formats)", () => {
  test("each cell of the two rows copies the formats of the table's last row, before its own", async () => {
    const { fake, outcome } = await scored(CHANGJI);
    const plan = outcome.sheets.flatMap((s) => s.plan.edits);
    const styled = plan.filter((e) => e.style);
    expect(styled.length).toBeGreaterThanOrEqual(4);
    for (const e of styled) {
      const copies = fake.sheet(e.sheet).look.formatCopies;
      expect(copies).toContainEqual({ from: e.style?.like, to: e.address });
      // the copy is of the table's last row, same column, one or two rows up
      const to = parseLocal(e.address) as Rect;
      const from = parseLocal(e.style?.like as string) as Rect;
      expect(from.left).toBe(to.left);
      expect([1, 2]).toContain(to.top - from.top);
    }
    expect(new Set(styled.map((e) => e.style?.like.replace(/[A-Z]+/, ""))).size).toBe(1);
    // what the rows hold is written after the copy: values and formats of the plan stay on top
    const written = styled.filter((e) => "value" in e.set || "numberFormat" in e.set);
    expect(written.length).toBeGreaterThanOrEqual(2);
    for (const e of written) {
      const cell = fake.cell(e.sheet, e.address);
      if ("value" in e.set) expect(cell.value).toEqual(e.set.value);
      if ("numberFormat" in e.set) expect(cell.numberFormat).toBe(e.set.numberFormat ?? "General");
    }
  });

  test("re-scoring the unchanged workbook copies nothing again", async () => {
    const { fake } = await scored(CHANGJI);
    const before = fake.doc.sheets.map((s) => s.look.formatCopies.length);
    expect(before.some((n) => n > 0)).toBe(true);
    const again = await createExcelGateway().scoreAllSheets();
    expect(again.error).toBeNull();
    expect(fake.doc.sheets.map((s) => s.look.formatCopies.length)).toEqual(before);
  });

  test("below ExcelApi 1.9 the rows are written without the copy, quietly", async () => {
    const { fake } = await scored(CHANGJI, { excelApi: "1.8" });
    expect(fake.doc.sheets.every((s) => s.look.formatCopies.length === 0)).toBe(true);
  });
});

describe("the fake's finishing APIs are strict about their requirement sets", () => {
  type Ctx = { workbook: { worksheets: { getItem(n: string): Excel.Worksheet } } };
  const attempts: [string, string, (ws: Excel.Worksheet) => void][] = [
    ["1.6", "freezePanes", (ws) => ws.freezePanes.freezeRows(1)],
    ["1.6", "hyperlink", (ws) => (ws.getRange("A1").hyperlink = { documentReference: "A2" })],
    ["1.8", "autoFilter", (ws) => ws.autoFilter.apply(ws.getRange("A1:B2"))],
    ["1.8", "pageLayout", (ws) => ws.pageLayout.setPrintTitleRows("$1:$1")],
    ["1.8", "copyFrom", (ws) => ws.getRange("A2").copyFrom(ws.getRange("A1"), "Formats")],
  ];
  test.each(attempts)(
    "ExcelApi %s: %s fails at sync with ApiNotFound",
    async (excelApi, _, act) => {
      const fake = new FakeExcel((docs.get(FENGTAI) as DocumentModel).clone(), { excelApi });
      uninstall = installFakeExcel(fake);
      const sheet = fake.sheetNames()[0];
      await expect(
        fake.run(async (context) => {
          act((context as unknown as Ctx).workbook.worksheets.getItem(sheet));
          await context.sync();
        })
      ).rejects.toMatchObject({ code: "ApiNotFound" });
    }
  );

  test("a border, a link, a copy and a frozen row as Excel takes them (ExcelApi 1.9)", async () => {
    const fake = new FakeExcel((docs.get(FENGTAI) as DocumentModel).clone(), { excelApi: "1.9" });
    uninstall = installFakeExcel(fake);
    const sheet = fake.sheetNames()[0];
    fake.sheet(sheet).ensure(1, 1).numberFormat = "0.00";
    await fake.run(async (context) => {
      const ws = (context as unknown as Ctx).workbook.worksheets.getItem(sheet);
      ws.getRange("A1:B2").format.borders.getItem("EdgeTop").style = "Continuous";
      ws.getRange("C3").hyperlink = { documentReference: "'x'!A1", textToDisplay: "去" };
      ws.getRange("D5:E5").copyFrom("A1", "Formats");
      ws.freezePanes.freezeRows(2);
      await context.sync();
    });
    const look = fake.sheet(sheet).look;
    expect(look.borders).toEqual([
      { rect: { top: 1, left: 1, bottom: 2, right: 2 }, side: "EdgeTop", style: "Continuous" },
    ]);
    expect(look.hyperlinks.get("C3")).toEqual({ documentReference: "'x'!A1" });
    expect(fake.cell(sheet, "C3").value).toBe("去");
    expect(look.formatCopies).toEqual([{ from: "A1", to: "D5:E5" }]);
    expect(fake.cell(sheet, "E5").numberFormat).toBe("0.00");
    expect(look.freezeRows).toBe(2);
  });
});
