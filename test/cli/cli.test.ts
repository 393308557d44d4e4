/**
 * The `selfeval` command over real .xlsx files: the contract of design.md (JSON shape, exit
 * status, never modifying the input, parallel jobs, bad input).
 */
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { STATE_SHEET } from "../../src/form/state";
import { injectParts, smallPng } from "../support/richPackage";

const SAMPLES = path.join(__dirname, "../../samples");

function capture(): {
  io: { stdout: (t: string) => void; stderr: (t: string) => void; isTTY: boolean };
  out: () => string;
  err: () => string;
} {
  let out = "";
  let err = "";
  return {
    io: { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false },
    out: () => out,
    err: () => err,
  };
}

async function run(args: string[]): Promise<{ status: number; out: string; err: string }> {
  const c = capture();
  const status = await main(args, c.io);
  return { status, out: c.out(), err: c.err() };
}

function sha(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("selfeval", () => {
  test("profiles lists every profile id with one line each", async () => {
    const r = await run(["profiles"]);
    expect(r.status).toBe(0);
    expect(
      r.out
        .split("\n")
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0])
    ).toEqual(["auto", "national", "beijing", "hubei", "xinjiang", "sichuan"]);
  });

  test("score --json --dry-run over the samples folder prints one JSON document, every number a decimal string", async () => {
    const r = await run(["score", SAMPLES, "--json", "--dry-run", "--jobs", "1"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.out) as {
      files: {
        file: string;
        output: string | null;
        sheets: {
          forms: {
            budget: Record<string, unknown>;
            total: unknown;
            indicators: { ratio: unknown }[];
          }[];
        }[];
      }[];
    };
    expect(doc.files.map((f) => path.basename(f.file))).toEqual(
      fs
        .readdirSync(SAMPLES)
        .filter((f) => f.endsWith(".xlsx"))
        .sort()
    );
    const forms = doc.files.flatMap((f) => f.sheets.flatMap((s) => s.forms));
    expect(forms).toHaveLength(75);
    for (const f of forms) {
      expect(f.total === null || typeof f.total === "string").toBe(true);
      if (f.budget?.rate) expect(f.budget.rate).toMatch(/^\d+\.\d{6}$/);
      for (const i of f.indicators) if (i.ratio !== null) expect(i.ratio).toMatch(/^\d+\.\d{6}$/);
    }
    expect(doc.files.every((f) => f.output === null)).toBe(true);
  });

  test("writes <name>.scored.xlsx into --out, never touches the input, and re-scoring the copy changes nothing", async () => {
    const input = path.join(tmp, "丰台.xlsx");
    fs.copyFileSync(path.join(SAMPLES, "004-fengtai-2020.xlsx"), input);
    const before = sha(input);
    const out = path.join(tmp, "out");
    const r = await run(["score", input, "--out", out, "--json"]);
    expect(r.status).toBe(0);
    expect(sha(input)).toBe(before);
    const scored = path.join(out, "丰台.scored.xlsx");
    expect(fs.existsSync(scored)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(scored);
    expect(wb.getWorksheet("评分汇总")).toBeDefined();
    expect(wb.getWorksheet(STATE_SHEET)?.state).toBe("veryHidden");
    // scoring the scored copy again gives the same cells
    const again = await run(["score", scored, "--out", path.join(tmp, "again"), "--json"]);
    expect(again.status).toBe(0);
    const first = JSON.parse(r.out).files[0].sheets;
    const second = JSON.parse(again.out).files[0].sheets.filter(
      (s: { sheet: string }) => s.sheet !== "评分汇总"
    );
    expect(second).toEqual(first);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(path.join(tmp, "again", "丰台.scored.scored.xlsx"));
    for (const ws of wb.worksheets) {
      if (ws.name === STATE_SHEET) continue;
      const ws2 = wb2.getWorksheet(ws.name);
      ws.eachRow({ includeEmpty: false }, (row, n) =>
        row.eachCell((cell, c) =>
          expect([ws.name, cell.address, ws2?.getRow(n).getCell(c).value]).toEqual([
            ws.name,
            cell.address,
            cell.value,
          ])
        )
      );
    }
  });

  test("the scored copy keeps every part of the input: chart, image, customXml, VBA project, unknown parts", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(SAMPLES, "004-fengtai-2020.xlsx"));
    const extra = wb.addWorksheet("Sheet2");
    extra.getCell("A2").value = "甲";
    extra.getCell("B2").value = 3;
    const image = wb.addImage({
      buffer: smallPng() as unknown as ExcelJS.Buffer,
      extension: "png",
    });
    wb.worksheets[0].addImage(image, { tl: { col: 12, row: 2 }, ext: { width: 20, height: 20 } });
    const input = path.join(tmp, "带图表.xlsx");
    fs.writeFileSync(input, await injectParts(Buffer.from(await wb.xlsx.writeBuffer())));
    const r = await run(["score", input, "--out", tmp]);
    expect(r.status).toBe(0);
    const before = await JSZip.loadAsync(fs.readFileSync(input));
    const after = await JSZip.loadAsync(fs.readFileSync(path.join(tmp, "带图表.scored.xlsx")));
    const kept = [
      "xl/charts/chart1.xml",
      "xl/media/image1.png",
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
      "xl/vbaProject.bin",
      "xl/unknown/thing.dat",
    ];
    for (const part of kept) {
      expect([part, await after.file(part)?.async("base64")]).toEqual([
        part,
        await before.file(part)?.async("base64"),
      ]);
    }
    for (const part of Object.keys(before.files))
      expect(after.files[part] ? part : `lost: ${part}`).toBe(part);
  });

  test("a missing file, a corrupt file and a folder without workbooks are errors in the report (exit 1); the others are still done", async () => {
    const corrupt = path.join(tmp, "坏.xlsx");
    fs.writeFileSync(corrupt, "这不是工作簿");
    const empty = path.join(tmp, "空文件夹");
    fs.mkdirSync(empty);
    const good = path.join(tmp, "好.xlsx");
    fs.copyFileSync(path.join(SAMPLES, "001-renhe-2022.xlsx"), good);
    const r = await run([
      "score",
      good,
      corrupt,
      path.join(tmp, "没有.xlsx"),
      empty,
      "--json",
      "--dry-run",
      "--jobs",
      "1",
    ]);
    expect(r.status).toBe(1);
    const files = JSON.parse(r.out).files as { file: string; error?: string; sheets?: unknown[] }[];
    const byName = new Map(files.map((f) => [path.basename(f.file), f]));
    expect(byName.get("好.xlsx")?.sheets?.length).toBeGreaterThan(0);
    expect(byName.get("坏.xlsx")?.error).toMatch(/^无法读取 坏\.xlsx：/);
    expect(byName.get("没有.xlsx")?.error).toContain("不存在");
    expect(byName.get("空文件夹")?.error).toContain("没有 .xlsx 工作簿");
  });

  test("bad arguments exit 2 with a Chinese message", async () => {
    expect((await run(["score", SAMPLES, "--profile", "shanghai"])).status).toBe(2);
    const r = await run(["score", SAMPLES, "--jobs", "zero"]);
    expect(r.status).toBe(2);
    expect(r.err).toContain("--jobs 须为 1–64 的整数");
    expect((await run(["score"])).status).toBe(2);
  });

  test("the readable summary lists file, sheet, project, total, grade and prompts", async () => {
    const r = await run(["score", path.join(SAMPLES, "002-wuhan-2021.xlsx"), "--dry-run"]);
    expect(r.status).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines[0]).toMatch(/^文件\s+工作表\s+项目\s+总分\s+等级\s+提示$/);
    expect(lines).toHaveLength(17);
  });

  test("--jobs 2 scores a folder on two worker threads with the same results as one", async () => {
    const one = await run(["score", SAMPLES, "--json", "--dry-run", "--jobs", "1"]);
    const two = await run(["score", SAMPLES, "--json", "--dry-run", "--jobs", "2"]);
    expect(two.status).toBe(0);
    expect(JSON.parse(two.out)).toEqual(JSON.parse(one.out));
    expect(two.err).toMatch(/\[5\/5\]/);
  }, 60000);
});
