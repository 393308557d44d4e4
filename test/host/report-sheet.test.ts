/**
 * 生成自评报告 over the strict fake Excel (issue 13): the 自评报告 sheet written in three round
 * trips, replaced by the next run, removed by 撤销; the workbook's forms untouched.
 */
import * as path from "path";
import { STATE_SHEET } from "../../src/form/state";
import { createExcelGateway } from "../../src/host/excel/gateway";
import type { ScoringGateway } from "../../src/host/contract";
import { runsText, type ReportModel } from "../../src/report";
import { reportSheetLayout } from "../../src/report/sheet";
import { FakeExcel, installFakeExcel, loadFakeExcel } from "../../fake-excel";
import { DocumentModel } from "../../fake-excel/model";

const SAMPLES = path.join(__dirname, "../../samples");
let fengtai: DocumentModel;
let uninstall: (() => void) | null = null;
let fake: FakeExcel;

beforeAll(async () => {
  fengtai = (await loadFakeExcel(path.join(SAMPLES, "004-fengtai-2020.xlsx"))).doc;
});
beforeEach(() => {
  fake = new FakeExcel(fengtai.clone());
  uninstall = installFakeExcel(fake);
});
afterEach(() => {
  expect(fake.notLoadedReads).toEqual([]);
  uninstall?.();
});

const model = (name: string) => fake.doc.byName(name);

/** 生成自评报告 through the gateway, as the task pane calls it. */
function writeReport(): ReturnType<NonNullable<ScoringGateway["writeReport"]>> {
  const gateway = createExcelGateway();
  if (!gateway.writeReport) throw new Error("the Excel gateway offers writeReport");
  return gateway.writeReport();
}

describe("生成自评报告 in Excel", () => {
  test("writes 自评报告: one merged, wrapped row a paragraph, A4 portrait, in three round trips", async () => {
    const before = fake.sheetNames();
    const formBefore = fake.dump("《丰台报》相关费用");
    const run = await writeReport();
    expect(run).toMatchObject({ ok: true, error: null, sheet: "自评报告", forms: 14, syncs: 3 });
    expect(fake.sheetNames()).toEqual([...before, "自评报告", STATE_SHEET]);
    expect(fake.visibility(STATE_SHEET)).toBe("VeryHidden");
    expect(fake.activeSheet).toBe("自评报告");
    const grid = fake.grid("自评报告");
    const texts = grid.values.map((r) => r[0]);
    expect(texts[0]).toBe(run.model?.title);
    expect(String(texts[2])).toContain(runsText(run.model?.unit ?? []).slice(0, 40));
    // the project's block, and its heading again in 提交前请核对 at the end
    const check = texts.indexOf("提交前请核对（不属于报告正文，核对修改后删除）");
    expect(texts.indexOf("《丰台报》相关费用项目绩效自评报告")).toBeLessThan(check);
    expect(texts.lastIndexOf("《丰台报》相关费用项目绩效自评报告")).toBeGreaterThan(check);
    expect(
      texts.some((t) =>
        String(t).includes("全年预算数322.06万元，全年执行数290.88万元，预算执行率90.32%")
      )
    ).toBe(true);
    // every row merged across A:H, wrapped, with a height; placeholders filled
    expect(grid.merges).toHaveLength(texts.length);
    expect(grid.merges.every((m) => /^A(\d+):H\1$/.test(m))).toBe(true);
    const sheet = model("自评报告");
    expect(
      sheet?.formats.some((f) => f.wrapText && f.rect.right === 8 && f.rect.bottom === texts.length)
    ).toBe(true);
    expect(sheet?.rowHeights.size).toBe(texts.length);
    expect(sheet?.pageLayout).toMatchObject({ orientation: "Portrait", paperSize: "A4" });
    const placeholderRow = texts.findIndex((t) =>
      String(t).includes("（待填写：“按照年度预算执行”的偏差原因及改进措施）")
    );
    expect(fake.cell("自评报告", `A${placeholderRow + 1}`).fill).toBe("FFF2CC");
    // the forms are read, never written
    expect(fake.dump("《丰台报》相关费用")).toEqual(formBefore);
  });

  test("the next run replaces the sheet; 批量评分 keeps it recorded; 撤销 removes it", async () => {
    await writeReport();
    const second = await writeReport();
    expect(second.sheet).toBe("自评报告");
    expect(fake.sheetNames().filter((n) => n.startsWith("自评报告"))).toEqual(["自评报告"]);
    const gateway = createExcelGateway();
    const scored = await gateway.scoreAllSheets();
    expect(scored.ok).toBe(true);
    // the report sheet is the add-in's own: not scored, not listed as a tab without a form
    expect(scored.sheets.map((s) => s.sheet)).not.toContain("自评报告");
    const undone = await gateway.undo();
    expect(undone.ok).toBe(true);
    expect(fake.sheetNames()).not.toContain("自评报告");
  });

  test("a person's own sheet named 自评报告 is never replaced: the report goes to 自评报告(2)", async () => {
    fake.doc.addSheet("自评报告");
    const run = await writeReport();
    expect(run.sheet).toBe("自评报告(2)");
    expect(fake.sheetNames()).toContain("自评报告");
  });

  test("a 10,000-row sheet beside the forms: read in parts as 评分 reads, the same report", async () => {
    const reference = await writeReport();
    uninstall?.();
    fake = new FakeExcel(fengtai.clone());
    uninstall = installFakeExcel(fake);
    const big = fake.doc.addSheet("流水明细");
    for (let r = 1; r <= 10_000; r++)
      for (let c = 1; c <= 20; c++)
        big.ensure(r, c).value = c === 1 ? r : `第${r}笔支出明细摘要${c}`;
    const run = await writeReport();
    expect(fake.failedSyncs).toEqual(["ResponsePayloadSizeLimitExceeded"]);
    expect(run).toMatchObject({ ok: true, error: null, sheet: "自评报告", forms: 14 });
    expect(run.model).toEqual(reference.model);
  });

  test("a 300-tab report, more than 5 MB to write: split under the budget like every other write, the sheet whole", async () => {
    const sources = [...fengtai.sheets];
    const doc = new DocumentModel();
    for (let i = 0; i < 300; i++) {
      const src = sources[i % sources.length];
      doc.importSheet(src, `${String(i + 1).padStart(3, "0")}${src.name}`.slice(0, 31));
    }
    doc.activeSheetId = doc.sheets[0].id;
    uninstall?.();
    fake = new FakeExcel(doc);
    uninstall = installFakeExcel(fake);
    const run = await writeReport();
    expect(fake.failedSyncs).toEqual([]);
    expect(run).toMatchObject({ ok: true, error: null, sheet: "自评报告" });
    expect(run.forms).toBeGreaterThan(280);
    // the reads come first; what follows the last read is the report's write
    const writes = fake.syncLog.filter((s) => s.request > s.response);
    const written = writes.reduce((n, s) => n + s.request, 0);
    console.log(
      `300-tab 自评报告: ${run.forms} forms, ${Math.round(written / 1024)} KB written in ${writes.length} syncs of ${run.syncs}`
    );
    expect(written).toBeGreaterThan(5_500_000); // one sync could not carry it
    expect(Math.max(...fake.syncLog.map((s) => s.request))).toBeLessThan(5_000_000);
    // the sheet whole: every paragraph of the model, in order, each row merged, styled and sized
    const grid = fake.grid("自评报告");
    const texts = grid.values.map((r) => r[0]);
    const layout = reportSheetLayout(run.model as ReportModel);
    expect(texts).toEqual(layout.rows.map((r) => r.text));
    expect(grid.merges).toHaveLength(layout.rows.length);
    expect(model("自评报告")?.rowHeights.size).toBe(layout.rows.length);
    expect(model("自评报告")?.pageLayout).toMatchObject({
      orientation: "Portrait",
      paperSize: "A4",
    });
    expect(fake.activeSheet).toBe("自评报告");
  });

  test("a workbook without a form: a Chinese message, no sheet", async () => {
    const empty = new FakeExcel(fengtai.clone());
    for (const n of empty.sheetNames().slice(1)) empty.removeSheet(n);
    empty.doc.sheets[0].cells.clear();
    uninstall?.();
    fake = empty;
    uninstall = installFakeExcel(empty);
    const run = await writeReport();
    expect(run).toMatchObject({ ok: false, sheet: null, forms: 0 });
    expect(run.error).toBe("工作簿中没有找到项目支出绩效自评表，未生成自评报告");
    expect(empty.sheetNames()).toHaveLength(1);
  });
});
