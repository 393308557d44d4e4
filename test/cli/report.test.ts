/**
 * `selfeval report`: a workbook in, `<name>.自评报告.docx` out (issue 13); a workbook without a
 * form gets a Chinese message and no file; the input is never modified.
 */
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";

const SAMPLES = path.resolve(__dirname, "../../samples");
let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-report-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await main(args, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    isTTY: false,
  });
  return { status, out, err };
}

const sha = (file: string): string =>
  createHash("sha256").update(fs.readFileSync(file)).digest("hex");

async function documentXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return (zip.file("word/document.xml") as JSZip.JSZipObject).async("string");
}

describe("selfeval report", () => {
  test("writes <name>.自评报告.docx into --out, with the unit paragraph and every project", async () => {
    const input = path.join(tmp, "004-fengtai-2020.xlsx");
    fs.copyFileSync(path.join(SAMPLES, "004-fengtai-2020.xlsx"), input);
    const before = sha(input);
    const out = path.join(tmp, "reports");
    const r = await run(["report", input, "--out", out, "--jobs", "1"]);
    expect(r.status).toBe(0);
    const docx = path.join(out, "004-fengtai-2020.自评报告.docx");
    expect(r.out).toContain(`已写出 ${docx}（14 张自评表）`);
    const xml = await documentXml(docx);
    expect(xml).toContain("评价项目14个，涉及金额3,125.94万元");
    const body = xml.slice(0, xml.indexOf("提交前请核对"));
    expect(body.match(/项目绩效自评报告<\/w:t>/g)).toHaveLength(14);
    expect(sha(input)).toBe(before);
  });

  test("a folder on two worker threads: one report beside each workbook; a workbook without a form gets a message and no file", async () => {
    fs.copyFileSync(path.join(SAMPLES, "002-wuhan-2021.xlsx"), path.join(tmp, "武汉.xlsx"));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").getCell("A1").value = "本工作簿只有说明文字";
    await wb.xlsx.writeFile(path.join(tmp, "说明.xlsx"));
    const r = await run(["report", tmp, "--jobs", "2"]);
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(tmp, "武汉.自评报告.docx"))).toBe(true);
    expect(fs.existsSync(path.join(tmp, "说明.自评报告.docx"))).toBe(false);
    expect(r.err).toContain("说明.xlsx 中没有找到项目支出绩效自评表，未生成自评报告");
    expect(await documentXml(path.join(tmp, "武汉.自评报告.docx"))).toContain("评价项目16个");
  }, 60_000);

  test("a missing file is an error in Chinese (status 1); a bad --jobs is a usage error (status 2)", async () => {
    const missing = await run(["report", path.join(tmp, "没有.xlsx")]);
    expect(missing.status).toBe(1);
    expect(missing.err).toContain("文件或文件夹不存在");
    const bad = await run(["report", tmp, "--jobs", "0"]);
    expect(bad.status).toBe(2);
    expect(bad.err).toContain("--jobs 须为 1–64 的整数");
  });
});
