/**
 * 撤销 of a style copy in the add-in (issue 14), over the strict fake: the unit-overall form
 * 003#0's 总分 / 等级 rows are drawn like the table's last row with Range.copyFrom(…, "Formats");
 * the looks of those cells (borders, font, alignment) are read before, in the same round trip as
 * their fills and notes (Range.getCellProperties, ExcelApi 1.9), kept in the ledger, and set back
 * by 撤销 (Range.setCellProperties): the cells read back property-identical to the input, after
 * one scoring or after two. Below ExcelApi 1.9 no copy is made, so there is nothing to undo.
 * And the fake's two APIs are as strict as its others.
 */
import * as path from "path";
import { STATE_SHEET, stateFromGrid } from "../../src/form/state";
import { LOOK_PROPERTIES } from "../../src/host/excel/cellLook";
import { createExcelGateway } from "../../src/host/excel/gateway";
import {
  FakeExcel,
  installFakeExcel,
  loadFakeExcel,
  type FakeExcelOptions,
} from "../../fake-excel";
import type { DocumentModel } from "../../fake-excel/model";

const CHANGJI = path.join(__dirname, "../../samples/003-changji-2024.xlsx");
const SHEET = "单位整体支出绩效自评表";
/** The table's last row and the two rows drawn like it, across the form's columns. */
const ROWS = "A20:H22";
const ADDED = ["A21", "B21", "C21", "D21", "E21", "F21", "G21", "H21"].flatMap((a) => [
  a,
  a.replace("21", "22"),
]);

let doc: DocumentModel;
beforeAll(async () => {
  doc = (await loadFakeExcel(CHANGJI)).doc;
});

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function open(options: FakeExcelOptions = {}): FakeExcel {
  const fake = new FakeExcel(doc.clone(), options);
  uninstall = installFakeExcel(fake);
  return fake;
}

type Ctx = { workbook: { worksheets: { getItem(n: string): Excel.Worksheet } } };

/** The looks of a range as the add-in reads them (getCellProperties), without counting as the add-in's syncs. */
async function looksOf(fake: FakeExcel, range: string): Promise<unknown[][]> {
  const syncs = fake.syncs;
  let out: unknown[][] = [];
  await fake.run(async (context) => {
    const ws = (context as unknown as Ctx).workbook.worksheets.getItem(SHEET);
    const props = ws.getRange(range).getCellProperties({ format: LOOK_PROPERTIES });
    await (context as unknown as Excel.RequestContext).sync();
    out = props.value.map((line) => line.map((p) => p.format));
  });
  fake.syncs = syncs;
  return out;
}

/** The cells of the two rows as the fake's document holds them (value, format, fill, bold, look). */
function rowsModel(fake: FakeExcel): unknown[] {
  const s = fake.sheet(SHEET);
  return [21, 22].flatMap((r) =>
    Array.from({ length: 8 }, (_, i) => {
      const c = s.get(r, i + 1);
      return c ? { ...c } : null;
    })
  );
}

describe("003#0 in the add-in: 撤销 takes back the style copy of the 总分 / 等级 rows", () => {
  test("the table's last row has borders and a font the rows take (what is undone)", async () => {
    const fake = open();
    const before = await looksOf(fake, ROWS);
    const report = await createExcelGateway().scoreAllSheets();
    expect(report.error).toBeNull();
    expect(report.syncs).toBe(4);
    const after = await looksOf(fake, ROWS);
    expect(JSON.stringify(before[0])).toMatch(/"Continuous"/);
    expect(after[1]).toEqual(before[0]);
    expect(after[2]).toEqual(before[0]);
    expect(after[1]).not.toEqual(before[1]);
  });

  test.each(["1.18", "1.10", "1.9"])(
    "ExcelApi %s: score, 撤销: the two rows read back property-identical, and as the document had them",
    async (excelApi) => {
      const fake = open({ excelApi });
      const before = await looksOf(fake, ROWS);
      const model = rowsModel(fake);
      const gateway = createExcelGateway();
      await gateway.scoreAllSheets();
      const state = stateFromGrid(fake.grid(STATE_SHEET));
      const kept = state.ledger.filter((e) => e.sheet === SHEET && ADDED.includes(e.address));
      expect(kept.map((e) => e.address).sort()).toEqual([...ADDED].sort());
      for (const e of kept) {
        expect(e.fields).toContain("look");
        expect(JSON.parse(e.before.look as string)).toMatchObject({
          borders: { top: { style: "None" } },
        });
      }
      const undo = await gateway.undo();
      expect(undo.error).toBeNull();
      expect(undo.notWritten).toEqual([]);
      expect(undo.syncs).toBeLessThanOrEqual(4);
      expect(await looksOf(fake, ROWS)).toEqual(before);
      expect(rowsModel(fake)).toEqual(model);
    }
  );

  test("score twice (the second copies again), 撤销: the ORIGINAL looks, not the first scoring's", async () => {
    const fake = open();
    const before = await looksOf(fake, ROWS);
    const model = rowsModel(fake);
    const gateway = createExcelGateway();
    await gateway.scoreAllSheets();
    const copies = fake.sheet(SHEET).look.formatCopies.length;
    // another profile: other notes, so the rows are written, and drawn, again
    const again = await gateway.scoreAllSheets({ profile: "xinjiang" });
    expect(again.error).toBeNull();
    expect(fake.sheet(SHEET).look.formatCopies.length).toBeGreaterThan(copies);
    const undo = await gateway.undo();
    expect(undo.error).toBeNull();
    expect(await looksOf(fake, ROWS)).toEqual(before);
    expect(rowsModel(fake)).toEqual(model);
  });

  test("below ExcelApi 1.9: no copy, no look kept, 撤销 gives the rows back as they were", async () => {
    const fake = open({ excelApi: "1.8" });
    const model = rowsModel(fake);
    const gateway = createExcelGateway();
    const report = await gateway.scoreAllSheets();
    expect(report.error).toBeNull();
    expect(fake.sheet(SHEET).look.formatCopies).toEqual([]);
    const state = stateFromGrid(fake.grid(STATE_SHEET));
    expect(state.ledger.some((e) => e.fields.includes("look"))).toBe(false);
    // the two rows hold the plan's values, drawn as they were (no borders of the table)
    expect(fake.sheet(SHEET).get(21, 1)?.look).toBeUndefined();
    const undo = await gateway.undo();
    expect(undo.error).toBeNull();
    expect(rowsModel(fake)).toEqual(model);
  });

  test("drawn on ExcelApi 1.9, undone on an older Excel: the values come back, the looks are named as not restored", async () => {
    const fake = open();
    const labels = [fake.cell(SHEET, "C21"), fake.cell(SHEET, "C22")];
    await createExcelGateway().scoreAllSheets();
    expect(fake.cell(SHEET, "C21").value).toBe("总分");
    const drawn = fake.sheet(SHEET).get(21, 1)?.look;
    expect(drawn).toBeDefined();
    uninstall?.();
    const older = fake.reopen({ excelApi: "1.8" });
    uninstall = installFakeExcel(older);
    const undo = await createExcelGateway().undo();
    expect(undo.error).toBeNull();
    const said = undo.notWritten.filter((m) => m.includes("边框和字体"));
    expect(said).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${SHEET}!(?=.*C21)(?=.*A21)(?=.*G22)[A-H0-9、]+ 的边框和字体无法恢复：此版本的 Excel 不支持（需要 ExcelApi 1.9）$`
        )
      ),
    ]);
    expect([older.cell(SHEET, "C21"), older.cell(SHEET, "C22")]).toEqual(labels);
    expect(older.sheet(SHEET).get(21, 1)?.look).toEqual(drawn);
  });
});

describe("the fake's getCellProperties / setCellProperties for borders, font, alignment", () => {
  async function attempt(fake: FakeExcel, act: (ws: Excel.Worksheet) => void): Promise<void> {
    await fake.run(async (context) => {
      act((context as unknown as Ctx).workbook.worksheets.getItem(SHEET));
      await (context as unknown as Excel.RequestContext).sync();
    });
  }

  test.each([
    [
      "getCellProperties",
      (ws: Excel.Worksheet) =>
        void ws.getRange("A20").getCellProperties({ format: LOOK_PROPERTIES }),
    ],
    [
      "setCellProperties",
      (ws: Excel.Worksheet) =>
        ws.getRange("A21").setCellProperties([[{ format: { wrapText: true } }]]),
    ],
  ])("ExcelApi 1.8: %s fails at sync with ApiNotFound", async (_name, act) => {
    await expect(attempt(open({ excelApi: "1.8" }), act)).rejects.toMatchObject({
      code: "ApiNotFound",
    });
  });

  test.each([
    [
      "an array not the range's shape",
      (ws: Excel.Worksheet) => ws.getRange("A21:B21").setCellProperties([[{}]]),
    ],
    [
      "a property the fake does not model",
      (ws: Excel.Worksheet) =>
        ws.getRange("A21").setCellProperties([[{ format: { indentLevel: 2 } }]]),
    ],
    [
      "a border style Excel does not have",
      (ws: Excel.Worksheet) =>
        ws
          .getRange("A21")
          .setCellProperties([
            [{ format: { borders: { top: { style: "Thin" as Excel.BorderLineStyle } } } }],
          ]),
    ],
    [
      "reading a property the fake does not model",
      (ws: Excel.Worksheet) =>
        void ws.getRange("A21").getCellProperties({ format: { shrinkToFit: true } }),
    ],
  ])("%s fails with InvalidArgument", async (_name, act) => {
    await expect(attempt(open(), act)).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a look read, copied over and set back is the cell's own again; defaults leave no cell", async () => {
    const fake = open();
    const [[a20], [a21]] = await looksOf(fake, "A20:A21");
    expect(a20).not.toEqual(a21);
    await attempt(fake, (ws) => ws.getRange("A21").copyFrom("A20", "Formats"));
    expect((await looksOf(fake, "A21"))[0][0]).toEqual(a20);
    await attempt(fake, (ws) =>
      ws.getRange("A21").setCellProperties([[{ format: a21 as Excel.CellPropertiesFormat }]])
    );
    expect((await looksOf(fake, "A21"))[0][0]).toEqual(a21);
    expect(fake.sheet(SHEET).get(21, 1)).toBeUndefined();
  });

  test("a side set to no line has no colour or weight of its own: the cell is bare again", async () => {
    const fake = open();
    const top = (style: string, color?: string): Excel.SettableCellProperties[][] => [
      [
        {
          format: {
            borders: {
              top: { style: style as Excel.BorderLineStyle, ...(color ? { color } : {}) },
            },
          },
        },
      ],
    ];
    await attempt(fake, (ws) => ws.getRange("J30").setCellProperties(top("Dash", "#808080")));
    expect(JSON.stringify((await looksOf(fake, "J30"))[0][0])).toContain('"color":"#808080"');
    await attempt(fake, (ws) => ws.getRange("J30").setCellProperties(top("None")));
    const [[j30]] = await looksOf(fake, "J30");
    expect((j30 as Excel.CellPropertiesFormat).borders?.top).toEqual({
      style: "None",
      color: "#000000",
      weight: "Thin",
    });
    expect(fake.sheet(SHEET).get(30, 10)).toBeUndefined();
  });
});
