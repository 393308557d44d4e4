/**
 * 撤销 of a style copy on the .xlsx command (issue 14; scored by `selfeval score`'s scoreFile):
 * the unit-overall form 003#0 gets its 总分 / 等级 rows drawn like the table's last row (the other
 * cell's style index `s`). The ledger keeps each such cell's own index ("s:5"; none for a cell
 * without one), and the restore plan written into the scored copy gives every cell of the two
 * rows back as the input had it: the same <c> element (a bare `<c r="A21"/>` counts as no cell),
 * no style of the table left behind.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { scoreFile } from "../../src/cli/scoreFile";
import { planRestore } from "../../src/form/plan";
import { STATE_SHEET, stateFromGrid } from "../../src/form/state";
import { writePackage } from "../../src/host/xlsx/package";
import { readWorkbookGrids } from "../../src/host/xlsx/read";

const INPUT = fs.readFileSync(path.join(__dirname, "../../samples/003-changji-2024.xlsx"));
const SHEET = "单位整体支出绩效自评表";
/** The table's last row, and the two rows the plan adds under it. */
const LAST = 20;
const ADDED = [21, 22];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-undo-style-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let runs = 0;

/** Scores a workbook with `selfeval score`'s own function (the ledger of an earlier scoring in it is read). */
async function score(input: Uint8Array): Promise<Uint8Array> {
  const file = path.join(tmp, `run${++runs}.xlsx`);
  fs.writeFileSync(file, input);
  const report = await scoreFile({ file, profile: "auto", outDir: tmp, dryRun: false });
  expect(report.error ?? null).toBeNull();
  return fs.readFileSync(report.output as string);
}

/** 撤销: the ledger's restore plan of every sheet, written into the scored copy. */
async function undo(scored: Uint8Array): Promise<Uint8Array> {
  const { grids } = await readWorkbookGrids(scored);
  const ledger = stateFromGrid(grids.find((g) => g.sheet === STATE_SHEET)).ledger;
  const edits = grids
    .filter((g) => g.sheet !== STATE_SHEET)
    .flatMap((g) => planRestore(g, ledger).edits);
  return writePackage(scored, edits, []);
}

async function ledgerOf(scored: Uint8Array): Promise<ReturnType<typeof stateFromGrid>["ledger"]> {
  const { grids } = await readWorkbookGrids(scored);
  return stateFromGrid(grids.find((g) => g.sheet === STATE_SHEET)).ledger;
}

/** The sheet's part and styles.xml of a package. */
async function parts(data: Uint8Array): Promise<{ sheet: string; styles: string }> {
  const zip = await JSZip.loadAsync(data);
  const text = async (p: string): Promise<string> => (await zip.file(p)?.async("string")) ?? "";
  const workbook = await text("xl/workbook.xml");
  const sheetTag = new RegExp(`<sheet [^>]*name="${SHEET}"[^>]*/>`).exec(workbook)?.[0] ?? "";
  const rid = /r:id="([^"]+)"/.exec(sheetTag)?.[1];
  const rels = await text("xl/_rels/workbook.xml.rels");
  const rel = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*/>`).exec(rels)?.[0] ?? "";
  const target = (/Target="([^"]+)"/.exec(rel)?.[1] ?? "").replace(/^\/?(xl\/)?/, "");
  return { sheet: await text(`xl/${target}`), styles: await text("xl/styles.xml") };
}

/** Every <c> of the given rows by address; a bare <c r="…"/> (no style, no value) is no cell. */
function cellsOfRows(sheetXml: string, rows: readonly number[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sheetXml.matchAll(/<c\s[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
    const xml = m[0];
    const ref = /\sr="([A-Z]+)(\d+)"/.exec(xml);
    if (!ref || !rows.includes(Number(ref[2]))) continue;
    if (/^<c\s+r="[A-Z]+\d+"\s*(\/>|><\/c>)$/.test(xml)) continue;
    out.set(`${ref[1]}${ref[2]}`, xml);
  }
  return out;
}

const styleOf = (xml: string | undefined): string => /\ss="(\d+)"/.exec(xml ?? "")?.[1] ?? "0";
const xfCount = (styles: string): number =>
  Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1] ?? "-1");

describe("003#0 on the .xlsx command: 撤销 takes back the style copy of the 总分 / 等级 rows", () => {
  let scored: Uint8Array;
  beforeAll(async () => {
    scored = await score(INPUT);
  });

  test("scoring draws the two rows like the table's last row (the copy this test undoes)", async () => {
    const { sheet } = await parts(scored);
    const last = cellsOfRows(sheet, [LAST]);
    const added = cellsOfRows(sheet, ADDED);
    expect(last.size).toBeGreaterThanOrEqual(8);
    for (const [address, xml] of last) {
      const col = address.replace(/\d+/, "");
      for (const row of ADDED)
        expect([`${col}${row}`, styleOf(added.get(`${col}${row}`))]).toEqual([
          `${col}${row}`,
          styleOf(xml),
        ]);
    }
  });

  test("the ledger keeps the look of every cell drawn, the input's (none here)", async () => {
    const ledger = (await ledgerOf(scored)).filter((e) => e.sheet === SHEET);
    const drawn = ledger.filter((e) => ADDED.includes(Number(/\d+$/.exec(e.address)?.[0])));
    expect(drawn.length).toBe(16);
    for (const e of drawn) {
      expect(e.fields).toContain("look");
      expect(e.before.look ?? null).toBeNull();
    }
  });

  test("score, 撤销: every cell of the two rows is the input's <c>, and no xf of the copy is used", async () => {
    const input = await parts(INPUT);
    const restored = await parts(await undo(scored));
    expect(cellsOfRows(restored.sheet, [LAST, ...ADDED])).toEqual(
      cellsOfRows(input.sheet, [LAST, ...ADDED])
    );
    const count = xfCount(input.styles);
    for (const xml of cellsOfRows(restored.sheet, ADDED).values())
      expect(Number(styleOf(xml))).toBeLessThan(count);
  });

  test("score twice, 撤销: the ORIGINAL look comes back, not the first scoring's", async () => {
    const twice = await score(scored);
    const ledger = (await ledgerOf(twice)).filter((e) => e.sheet === SHEET);
    const a21 = ledger.find((e) => e.address === "A21");
    expect(a21?.fields).toEqual(["look"]);
    expect(a21?.before.look ?? null).toBeNull();
    const input = await parts(INPUT);
    const restored = await parts(await undo(twice));
    expect(cellsOfRows(restored.sheet, [LAST, ...ADDED])).toEqual(
      cellsOfRows(input.sheet, [LAST, ...ADDED])
    );
  });
});
