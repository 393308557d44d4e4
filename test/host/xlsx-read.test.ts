/**
 * The ExcelJS host's reading side over real .xlsx files: the seed workbooks written with merges,
 * styles and number formats come back as the grids they were laid out from; formulas, errors,
 * rich text, dates, hyperlinks, empty and protected sheets read as the Grid contract says; a file
 * that is not a workbook rejects with a Chinese message naming it.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MAX_GRID_CELLS, MAX_GRID_ROWS, readWorkbookGrids } from "../../src/host/xlsx/read";
import { readWorkbookFile } from "../../src/host/xlsx/readFile";
import { buildSampleWorkbook, sampleFileName } from "../support/sampleWorkbook";
import { seedFiles, seedWorkbookSheets } from "../support/seedGrids";

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-read-"));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the seed workbooks read back as they were laid out", () => {
  test.each(seedFiles().map((f) => [sampleFileName(f), f] as const))("%s", async (name, seed) => {
    const file = path.join(dir, name);
    await buildSampleWorkbook(seed).xlsx.writeFile(file);
    const { grids, sheets } = await readWorkbookFile(file);
    const expected = seedWorkbookSheets(seed);
    expect(grids.map((g) => g.sheet)).toEqual(expected.map((s) => s.sheet));
    expect(sheets.every((s) => s.state === "visible")).toBe(true);
    grids.forEach((grid, i) => {
      const { grid: want } = expected[i];
      expect(grid.origin).toBe("A1");
      expect(grid.values).toEqual(want.values);
      expect(grid.numberFormats).toEqual(want.numberFormats);
      expect([...grid.merges].sort()).toEqual([...want.merges].sort());
      expect(grid.formulas!.flat().every((f) => f === null)).toBe(true);
      expect(grid.protected).toBe(false);
    });
  });

  test("a Buffer reads the same as the file, numbers and percentages typed as Excel holds them", async () => {
    const seed = seedFiles()[4];
    const buffer = Buffer.from(await buildSampleWorkbook(seed).xlsx.writeBuffer());
    const { grids, file } = await readWorkbookGrids(buffer, { name: "丰台.xlsx" });
    expect(file).toBe("丰台.xlsx");
    const first = grids[0];
    expect(first.sheet).toBe("《丰台报》相关费用");
    const budget = first.values.findIndex((row) => row.includes("年度资金总额"));
    expect(first.values[budget].slice(1, 8)).toEqual([
      "年度资金总额",
      322.06,
      322.06,
      290.88,
      10,
      0.9032,
      8.8,
    ]);
    expect(first.numberFormats![budget][6]).toBe("0.00%");
    // text kept exactly: line breaks in headers, trailing ideographic spaces in amounts
    expect(first.values.flat()).toContain("年初预\n算数");
    const tenth = grids.find((g) => g.sheet === "聘用人员保障经费")!;
    expect(tenth.values.flat()).toContain("345.70   \u3000");
    expect(tenth.values.flat()).toContain("92.53%%");
  });
});

/** A workbook with every kind of cell the reader must handle, written by ExcelJS and read back. */
async function oddWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("杂项");
  ws.getCell("C3").value = 3;
  ws.getCell("C4").value = 4;
  ws.getCell("D3").value = { formula: "SUM(C3:C4)", result: 7 };
  ws.getCell("D4").value = {
    formula: "C4/0",
    result: { error: "#DIV/0!" },
  } as ExcelJS.CellFormulaValue;
  ws.getCell("D5").value = { formula: "C3*2" } as ExcelJS.CellFormulaValue; // never calculated: no cached result
  ws.getCell("E3").value = {
    formula: "C3*10",
    result: 30,
    shareType: "shared",
    ref: "E3:E4",
  } as ExcelJS.CellSharedFormulaValue & { shareType: string; ref: string };
  ws.getCell("E4").value = { sharedFormula: "E3", result: 40 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("F3").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
  ws.getCell("F4").value = {
    richText: [{ text: "年初", font: { bold: true } }, { text: "预算数" }],
  };
  ws.getCell("F5").value = { text: "说明", hyperlink: "https://example.com/a" };
  ws.getCell("G3").value = new Date(Date.UTC(2024, 2, 31));
  ws.getCell("G3").numFmt = "yyyy-mm-dd";
  ws.getCell("G4").value = new Date(Date.UTC(2024, 2, 31, 8, 30, 0));
  ws.getCell("G4").numFmt = "yyyy-mm-dd hh:mm";
  ws.getCell("G5").value = true;
  ws.getCell("H3").value = 0.9032;
  ws.getCell("H3").numFmt = "0.00%";
  ws.getCell("H4").value = "  其他资金";
  ws.getCell("H5").numFmt = "@"; // a formatted empty cell inside the used range
  ws.mergeCells("C6:D6");
  ws.getCell("C6").value = "总分";
  ws.getCell("J10").numFmt = "0.00"; // a formatted empty cell outside it: not part of the used range

  wb.addWorksheet("空表");
  const locked = wb.addWorksheet("锁定");
  locked.getCell("A1").value = "项目支出绩效自评表";
  await locked.protect("", {});
  const hidden = wb.addWorksheet("隐藏");
  hidden.state = "hidden";
  hidden.getCell("B2").value = "x";

  const file = path.join(dir, "odd.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("cells of every kind", () => {
  let read: Awaited<ReturnType<typeof readWorkbookGrids>>;

  beforeAll(async () => {
    read = await readWorkbookFile(await oddWorkbook());
  });

  test("the used range starts at its first value: origin C3", () => {
    const g = read.grids[0];
    expect(g.sheet).toBe("杂项");
    expect(g.origin).toBe("C3");
    expect(g.values).toHaveLength(4); // rows 3–6
    expect(g.values[0]).toHaveLength(6); // columns C–H
  });

  test("formulas: the cached result as value, '=' + the formula alongside; a shared formula translated", () => {
    const g = read.grids[0];
    expect(g.values[0][1]).toBe(7);
    expect(g.formulas![0][1]).toBe("=SUM(C3:C4)");
    expect(g.values[1][1]).toBe("#DIV/0!");
    expect(g.formulas![1][1]).toBe("=C4/0");
    expect(g.values[2][1]).toBe(""); // ExcelJS never calculates
    expect(g.formulas![2][1]).toBe("=C3*2");
    expect([g.values[0][2], g.formulas![0][2]]).toEqual([30, "=C3*10"]);
    expect([g.values[1][2], g.formulas![1][2]]).toEqual([40, "=C4*10"]);
    expect(g.formulas![0][0]).toBeNull();
  });

  test("an error value, rich text, a hyperlink, dates, a boolean, spaces kept", () => {
    const g = read.grids[0];
    expect(g.values[0][3]).toBe("#REF!");
    expect(g.values[1][3]).toBe("年初预算数");
    expect(g.values[2][3]).toBe("说明");
    expect(g.values[0][4]).toBe("2024-03-31");
    expect(g.values[1][4]).toBe("2024-03-31T08:30:00");
    expect(g.values[2][4]).toBe(true);
    expect(g.values[1][5]).toBe("  其他资金");
  });

  test("number formats, General where none; merges; the covered cell of a merge is empty", () => {
    const g = read.grids[0];
    expect(g.values[0][5]).toBe(0.9032);
    expect(g.numberFormats![0][5]).toBe("0.00%");
    expect(g.numberFormats![0][4]).toBe("yyyy-mm-dd");
    expect(g.numberFormats![2][5]).toBe("@");
    expect(g.numberFormats![0][0]).toBe("General");
    expect(g.merges).toEqual(["C6:D6"]);
    expect(g.values[3].slice(0, 2)).toEqual(["总分", ""]);
  });

  test("an empty sheet is an empty grid; a protected sheet says so; a hidden sheet is read and marked", () => {
    const empty = read.grids[1];
    expect(empty).toMatchObject({
      sheet: "空表",
      origin: "A1",
      values: [],
      merges: [],
      protected: false,
    });
    const locked = read.grids[2];
    expect(locked.protected).toBe(true);
    expect(locked.values).toEqual([["项目支出绩效自评表"]]);
    expect(read.grids[0].protected).toBe(false);
    expect(read.sheets.map((s) => [s.name, s.state])).toEqual([
      ["杂项", "visible"],
      ["空表", "visible"],
      ["锁定", "visible"],
      ["隐藏", "hidden"],
    ]);
    expect(read.grids[3]).toMatchObject({ origin: "B2", values: [["x"]] });
  });
});

describe("large sheets", () => {
  test("a 10,000-row sheet is read whole", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("明细");
    for (let r = 1; r <= 10_000; r++)
      ws.addRow([`项目${r}`, r, r / 100, "≥90%", "95%", null, "已完成"]);
    const file = path.join(dir, "big.xlsx");
    await wb.xlsx.writeFile(file);
    const { grids, warnings } = await readWorkbookFile(file);
    expect(warnings).toEqual([]);
    expect(grids[0].values).toHaveLength(10_000);
    expect(grids[0].values[9_999]).toEqual(["项目10000", 10_000, 100, "≥90%", "95%", "", "已完成"]);
  });

  test("a stray value in XFD1048576 does not make a rectangle of billions: rows past MAX_GRID_ROWS are not read, with a warning saying where and why", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表1");
    ws.getCell("A1").value = "项目支出绩效自评表";
    ws.getCell("XFD1048576").value = "x";
    const file = path.join(dir, "stray.xlsx");
    await wb.xlsx.writeFile(file);
    const { grids, warnings } = await readWorkbookFile(file);
    expect(grids[0].values).toEqual([["项目支出绩效自评表"]]);
    expect(warnings).toEqual([
      `工作表“表1”有 1048576 行，只读取了前 ${MAX_GRID_ROWS} 行：自评表不会有这么长，第 ${MAX_GRID_ROWS + 1}–1048576 行没有读取，也没有评分（评分副本中原样保留）`,
    ]);
  });

  test("a value far right in a row within MAX_GRID_ROWS still cuts the rectangle by MAX_GRID_CELLS, with a warning", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表1");
    ws.getCell("A1").value = "项目支出绩效自评表";
    ws.getCell("XFD40000").value = "x";
    const file = path.join(dir, "wide.xlsx");
    await wb.xlsx.writeFile(file);
    const { grids, warnings } = await readWorkbookFile(file);
    expect(grids[0].values[0]).toHaveLength(16_384);
    expect(grids[0].values.length * 16_384).toBeLessThanOrEqual(MAX_GRID_CELLS);
    expect(warnings).toEqual([
      `工作表“表1”的使用区域 A1:XFD40000 过大，只读取了第 1–${grids[0].values.length} 行`,
    ]);
  });
});

describe("files that are not workbooks reject with a Chinese message naming the file", () => {
  const write = (name: string, data: Buffer | string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    return file;
  };

  test("text saved as .xlsx", async () => {
    await expect(readWorkbookFile(write("a.xlsx", "项目名称,预算数\n"))).rejects.toThrow(
      /^无法读取 a\.xlsx：这是 CSV 文本文件，不是 Excel 工作簿：请在 Excel 或 WPS 中打开它，“文件 → 另存为”/
    );
  });

  test("a truncated workbook: the message is Chinese, ExcelJS's own words stay on `cause`", async () => {
    const whole = Buffer.from(await buildSampleWorkbook(seedFiles()[1]).xlsx.writeBuffer());
    const error = (await readWorkbookFile(write("cut.xlsx", whole.subarray(0, 600))).catch(
      (e: unknown) => e
    )) as Error & { cause?: unknown };
    expect(error.message).toBe(
      "无法读取 cut.xlsx：文件不完整（可能在下载、复制或保存时被截断），请重新获取或重新保存原文件"
    );
    expect(error.cause).toBeInstanceOf(Error);
  });

  test("a zip without worksheets", async () => {
    const none = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    await expect(readWorkbookFile(write("none.xlsx", none))).rejects.toThrow(
      "无法读取 none.xlsx：不是有效的 Excel 工作簿（没有工作表）"
    );
  });

  test("an old .xls (or a workbook with an opening password)", async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    await expect(readWorkbookFile(write("old.xls", ole))).rejects.toThrow(
      /^无法读取 old\.xls：这是旧版 Excel 97–2003 工作簿（\.xls），不是 \.xlsx：请在 Excel 或 WPS 中打开它/
    );
    // an encrypted .xlsx is a compound file too, with an EncryptionInfo stream in its directory
    const encrypted = Buffer.concat([
      ole,
      Buffer.from("EncryptionInfo", "utf16le"),
      Buffer.alloc(64),
    ]);
    await expect(readWorkbookFile(write("密.xlsx", encrypted))).rejects.toThrow(
      /^无法读取 密\.xlsx：工作簿设置了打开密码（已加密），本程序无法读取加密的文件/
    );
  });

  test("an empty file, a missing file, a folder, a nameless Buffer", async () => {
    await expect(readWorkbookFile(write("empty.xlsx", ""))).rejects.toThrow(
      "无法读取 empty.xlsx：文件是空的"
    );
    await expect(readWorkbookFile(path.join(dir, "missing.xlsx"))).rejects.toThrow(
      "无法读取 missing.xlsx：文件不存在"
    );
    await expect(readWorkbookFile(dir)).rejects.toThrow(
      `无法读取 ${path.basename(dir)}：这是一个文件夹`
    );
    await expect(readWorkbookGrids(Buffer.from([0, 1, 2, 3, 0, 9]))).rejects.toThrow(
      /^无法读取 工作簿：不是 Excel 工作簿（\.xlsx），文件可能已损坏/
    );
  });
});
