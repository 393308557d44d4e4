/**
 * Bad workbooks through the command: each gets a clear Chinese message naming the sheet (and
 * cell where there is one), the exit status of the contract, and never a crash.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { smallPng } from "../support/richPackage";
import { formSheet } from "../support/smallForm";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bad-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Report {
  files: {
    file: string;
    error?: string;
    notWritten?: string[];
    sheets?: {
      sheet: string;
      skipped: string | null;
      forms: { prompts: { cell: string; kind: string; message: string }[]; total: string | null }[];
    }[];
  }[];
}

async function score(
  wb: ExcelJS.Workbook,
  name = "坏表.xlsx"
): Promise<{ status: number; report: Report }> {
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  let out = "";
  const status = await main(["score", file, "--json", "--out", path.join(tmp, "out")], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    isTTY: false,
  });
  return { status, report: JSON.parse(out) as Report };
}

function forms(r: Report): Report["files"][number]["sheets"] {
  return r.files[0].sheets ?? [];
}

describe("bad input through selfeval", () => {
  test("an empty sheet, a sheet of numbers only and a sheet with only an image are listed as not forms, with the reason", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("空白");
    const numbers = wb.addWorksheet("数字");
    for (let r = 1; r <= 20; r++) for (let c = 1; c <= 5; c++) numbers.getCell(r, c).value = r * c;
    const images = wb.addWorksheet("图片");
    images.addImage(
      wb.addImage({ buffer: smallPng() as unknown as ExcelJS.Buffer, extension: "png" }),
      { tl: { col: 1, row: 1 }, ext: { width: 20, height: 20 } }
    );
    formSheet(wb, "表一");
    const { status, report } = await score(wb);
    expect(status).toBe(0);
    const skipped = Object.fromEntries((forms(report) ?? []).map((s) => [s.sheet, s.skipped]));
    expect(skipped["空白"]).toBe("不是自评表：工作表是空的");
    expect(skipped["图片"]).toBe("不是自评表：工作表是空的");
    expect(skipped["数字"]).toMatch(/^不是自评表：没有找到/);
    expect(skipped["表一"]).toBeNull();
  });

  test("#REF!, text in a weight, a zero budget: prompts naming sheet and cell, no crash", async () => {
    const wb = new ExcelJS.Workbook();
    formSheet(wb, "错误值", { E5: { error: "#REF!" } as ExcelJS.CellErrorValue });
    formSheet(wb, "文字分值", { F5: "四十五" });
    formSheet(wb, "零预算", { C3: 0 });
    const { status, report } = await score(wb);
    expect(status).toBe(0);
    const prompts = Object.fromEntries(
      (forms(report) ?? []).map((s) => [s.sheet, s.forms[0].prompts])
    );
    expect(prompts["错误值"]).toContainEqual({
      cell: "E5",
      kind: "unparseable",
      severity: "error",
      message: "错误值!E5 “#REF!”不是数值",
      sheet: "错误值",
      kindName: "无法识别",
    });
    expect(prompts["文字分值"].find((p) => p.cell === "F5")?.message).toBe(
      "文字分值!F5 的分值“四十五”不是数值，该指标按人工评分，所填得分计入总分"
    );
    expect(prompts["零预算"].find((p) => p.cell === "C3")?.message).toBe(
      "零预算!C3 全年预算数为 0，无法计算执行率"
    );
  });

  test("full-width digits score like ASCII digits", async () => {
    const wb = new ExcelJS.Workbook();
    formSheet(wb, "全角", { E5: "１２期", D3: "９５" });
    formSheet(wb, "半角", { E5: "12期", D3: 95 });
    const { report } = await score(wb);
    const [full, half] = forms(report) ?? [];
    expect(full.forms[0].total).toBe(half.forms[0].total);
    expect(full.forms[0].prompts).toEqual([]);
  });

  test("a protected sheet is scored but not written, and says so", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = formSheet(wb, "受保护");
    await ws.protect("", {});
    const { status, report } = await score(wb);
    expect(status).toBe(0);
    expect(report.files[0].notWritten).toEqual([
      "工作表“受保护”受保护，无法写入评分结果；请撤销保护后再评分",
    ]);
  });

  test("a 10,000-row sheet is read and scored", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = formSheet(wb, "一万行");
    for (let r = 10; r < 10010; r++) ws.getCell(r, 1).value = `备用行 ${r}`;
    const { status, report } = await score(wb);
    expect(status).toBe(0);
    expect(forms(report)?.[0].forms).toHaveLength(1);
  }, 60000);
});
