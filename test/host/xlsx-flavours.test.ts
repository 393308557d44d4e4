/**
 * One reader for .xlsx, tried on the same form as Excel, LibreOffice, WPS, openpyxl and ExcelJS
 * write it (notes, an image and a chart in each): every one is read — values, cached results and
 * formulas, number formats, merges, notes however stored, fills, hidden state —, scored through
 * the command without losing a byte of its picture or chart, and the accountant's own note on the
 * scored cell stays above the add-in's lines with its author, and comes back exactly on 撤销.
 */
import JSZip from "jszip";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import type { Grid } from "../../src/form/grid";
import { NOTE_MARK, planRestore } from "../../src/form/plan";
import { STATE_SHEET, stateFromGrid } from "../../src/form/state";
import { writePackage } from "../../src/host/xlsx/package";
import { readWorkbookGrids } from "../../src/host/xlsx/read";
import { FLAVOURS, PERSONAL_NOTE, flavourWorkbook, type Flavour } from "../support/xlsxFlavours";

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-flavours-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const quiet = { stdout: () => {}, stderr: () => {}, isTTY: false };

/** G5's comment in a package: its text as stored and its author's name. */
async function g5Comment(buf: Uint8Array): Promise<{ author: string; count: number }> {
  const zip = await JSZip.loadAsync(buf);
  const name = Object.keys(zip.files).find(
    (n) => /^xl\/comments.*\.xml$/.test(n) && !zip.files[n].dir
  );
  const xml = name ? await zip.file(name)!.async("string") : "";
  const authors = [...xml.matchAll(/<author>([^<]*)<\/author>/g)].map((m) => m[1]);
  const id = /<comment ref="G5" authorId="(\d+)"/.exec(xml)?.[1];
  return {
    author: id === undefined ? "(none)" : authors[Number(id)],
    count: (xml.match(/<comment /g) ?? []).length,
  };
}

async function bytesOf(buf: Uint8Array, part: string): Promise<Buffer> {
  return (await JSZip.loadAsync(buf)).file(part)!.async("nodebuffer");
}

function sheet(grids: Grid[], name: string): Grid {
  return grids.find((g) => g.sheet === name) as Grid;
}

describe.each(FLAVOURS.map((f) => [f] as const))(
  "a workbook as %s writes it",
  (flavour: Flavour) => {
    let input: Buffer;
    beforeAll(async () => {
      input = await flavourWorkbook(flavour);
    });

    test("reads whole: values, cached results and formulas, formats, merges, notes, fills, hidden state", async () => {
      const read = await readWorkbookGrids(input, { name: `${flavour}.xlsx` });
      expect(read.sheets).toEqual([
        { name: "自评表", state: "visible" },
        { name: "附件", state: "hidden" },
      ]);
      const g = sheet(read.grids, "自评表");
      expect(g.origin).toBe("A1");
      expect(g.values[0]).toEqual(["项目名称", "测试项目", "", "", "", "", "", ""]);
      expect(g.values[2].slice(0, 5)).toEqual(["年度资金总额", 100, 100, 95, 10]);
      expect(g.values[4]).toEqual([
        "产出指标",
        "数量指标",
        "出版期数",
        "≥10期",
        "12期",
        45,
        "",
        "",
      ]);
      expect(g.values[6][0]).toBe("总分");
      expect(g.formulas![2][5]).toBe("=D3/C3");
      // openpyxl saves a formula without its result: nothing is calculated
      expect(g.values[2][5]).toBe(flavour === "openpyxl" ? "" : 0.95);
      expect(g.numberFormats![2][5]).toBe("0.00%");
      if (flavour !== "exceljs") expect(g.numberFormats![2][1]).toBe("#,##0.00_ ");
      expect(g.merges).toEqual(["B1:D1"]);
      expect(g.notes).toEqual({ G5: PERSONAL_NOTE[flavour].text });
      expect(g.fills).toMatchObject({ A4: "FFFF00" });
      expect(sheet(read.grids, "附件").values).toEqual([["附件"]]);
    });

    test("scored through the command: picture and chart kept byte for byte, the accountant's note above the add-in's lines with its author; 撤销 restores it exactly", async () => {
      const file = path.join(tmp, `${flavour}.xlsx`);
      fs.writeFileSync(file, input);
      const out = path.join(tmp, `out-${flavour}`);
      expect(await main(["score", file, "--out", out, "--jobs", "1"], quiet)).toBe(0);
      const scoredFile = path.join(out, `${flavour}.scored.xlsx`);
      const scored = fs.readFileSync(scoredFile);

      for (const part of [
        "xl/media/image1.png",
        "xl/charts/chart1.xml",
        "xl/drawings/drawing1.xml",
      ])
        expect([part, (await bytesOf(scored, part)).equals(await bytesOf(input, part))]).toEqual([
          part,
          true,
        ]);

      const back = await readWorkbookGrids(scored);
      const form = sheet(back.grids, "自评表");
      const personal = PERSONAL_NOTE[flavour].text;
      expect(form.notes!.G5.startsWith(`${personal}\n${NOTE_MARK}\n`)).toBe(true);
      expect(form.values[4][6]).not.toBe(""); // G5 was scored
      const before = await g5Comment(input);
      expect((await g5Comment(scored)).author).toBe(before.author);

      // 撤销 through the ledger kept in the state sheet
      const ledger = stateFromGrid(sheet(back.grids, STATE_SHEET)).ledger;
      expect(ledger.some((e) => e.address === "G5" && e.before.note === personal)).toBe(true);
      const undo = back.grids
        .filter((g) => g.sheet !== STATE_SHEET)
        .flatMap((g) => planRestore(g, ledger).edits);
      const restored = await writePackage(scored, undo, []);
      const again = sheet((await readWorkbookGrids(restored)).grids, "自评表");
      expect(again.notes).toEqual({ G5: personal });
      expect(again.values[4][6]).toBe("");
      expect(await g5Comment(restored)).toEqual(before);
    });

    test("a package whose worksheet entry is damaged is called corrupt", async () => {
      const zip = await JSZip.loadAsync(input);
      const sheetPart = Object.keys(zip.files).find((n) =>
        /^xl\/worksheets\/sheet1\.xml$/.test(n)
      )!;
      const whole = Buffer.from(input);
      // the worksheet's compressed bytes, found by its local header name, overwritten
      const at = whole.indexOf(Buffer.from(sheetPart, "utf8")) + sheetPart.length + 40;
      whole.fill(0x55, at, at + 40);
      await expect(readWorkbookGrids(whole, { name: "坏.xlsx" })).rejects.toThrow(
        "无法读取 坏.xlsx：文件已损坏：工作表“自评表”无法解压或校验不符，请重新获取原文件，或在 Excel、WPS 中打开修复后另存"
      );
    });
  }
);
