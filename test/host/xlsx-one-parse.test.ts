import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { writePackage } from "../../src/host/xlsx/package";
import { Package } from "../../src/host/xlsx/package/opc";
import { readWorkbookGrids } from "../../src/host/xlsx/read";
import { readWorkbookFile } from "../../src/host/xlsx/readFile";

// Issue 12 item 7: the sheet the reader parsed is the one the writer edits — one parse.

const SAMPLE = path.join(__dirname, "..", "..", "samples", "004-fengtai-2020.xlsx");

test("the writer edits a sheet on the reader's index, without tokenising it again", async () => {
  const { grids, package: parts } = await readWorkbookFile(SAMPLE);
  const sheetPart = parts.archive.entries
    .map((e) => e.name)
    .find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  const kept = parts.keptIndex(sheetPart);
  expect(kept).toBeDefined();
  const doc = await new Package(parts).xml(sheetPart);
  expect(doc!.index).toBe(kept); // the very index the reader made
  // the workbook part, checked well-formed by the reader (issue 23), is kept for the writer too
  expect(parts.keptIndex("xl/workbook.xml")).toBeDefined();
  // and a part the reader did not read is indexed when the writer first needs it
  expect(parts.keptIndex("[Content_Types].xml")).toBeUndefined();

  const out = await writePackage(
    parts,
    [{ sheet: grids[0].sheet, address: "A1", set: { value: "改" }, why: "测试" }],
    []
  );
  const again = await readWorkbookGrids(out);
  expect(again.grids[0].values[0][0]).toBe("改");
});

test("a sheet that is not well-formed fails the reading, naming the sheet (issue 23): nothing is scored from a cut-off sheet", async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  const name = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  const text = await zip.file(name)!.async("string");
  zip.file(name, text.replace("</sheetData>", "<extra></sheetData>"));
  const input = await zip.generateAsync({ type: "nodebuffer" });
  const error = (await readWorkbookGrids(input, { name: "坏.xlsx" }).catch(
    (e: unknown) => e
  )) as Error;
  expect(error.message).toMatch(
    /^无法读取 坏\.xlsx：文件已损坏：工作表“[^”]+”的内容不完整或格式错误（结束标记 <\/sheetData> 与开始标记 <extra> 不匹配（第 \d+ 行））/
  );
});
