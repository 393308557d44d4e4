/**
 * The fake's request size as Office.js serialises it (issue 19): every action with its arguments,
 * and once a request every object path its actions are reached through (the chain of getItem,
 * getRange, format… with their arguments); a request over the limit (Excel on the web: 5 MB) is
 * refused with RequestPayloadSizeLimitExceeded before any of it runs.
 */
import * as path from "path";
import { FakeExcel, loadFakeExcel, type FakeExcelOptions } from "../../fake-excel";
import type { DocumentModel } from "../../fake-excel/model";

const FENGTAI = path.join(__dirname, "../../samples/004-fengtai-2020.xlsx");
let doc: DocumentModel;
let sheet: string;

beforeAll(async () => {
  const fake = await loadFakeExcel(FENGTAI);
  doc = fake.doc;
  sheet = fake.sheetNames()[0];
});

const fakeOf = (options: FakeExcelOptions = {}): FakeExcel => new FakeExcel(doc.clone(), options);

type Batch = (ctx: Excel.RequestContext) => void;

/** Runs one batch in one sync; answers the request size the fake counted, or the error's code. */
async function send(
  batch: Batch,
  options: FakeExcelOptions = {}
): Promise<{ request: number; error: string | null; fake: FakeExcel }> {
  const fake = fakeOf(options);
  let error: string | null = null;
  try {
    await fake.run(async (context) => {
      const ctx = context as unknown as Excel.RequestContext;
      batch(ctx);
      await ctx.sync();
    });
  } catch (e) {
    error = (e as { code?: string }).code ?? String(e);
  }
  return { request: fake.syncLog[0].request, error, fake };
}

const write =
  (text: string, address = "Z1"): Batch =>
  (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[text]];
  };

describe("a request's size counts its object paths, as Office.js serialises them", () => {
  test("a longer address in the path costs exactly its extra bytes; a second getRange costs a whole path", async () => {
    const short = await send(write("x", "Z1"));
    const long = await send(write("x", "Z1:Z1"));
    expect(long.request - short.request).toBe(3);
    const twice = await send((ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.getRange("Z1").values = [["x"]];
      ws.getRange("Z1").values = [["x"]];
    });
    const reused = await send((ctx) => {
      const range = ctx.workbook.worksheets.getItem(sheet).getRange("Z1");
      range.values = [["x"]];
      range.values = [["x"]];
    });
    // the same two actions; the second getRange is one more ObjectPath entry and its instantiation
    expect(twice.request - reused.request).toBeGreaterThan(100);
  });

  test("the path's arguments are counted as JSON (a sheet name in Chinese is 3 bytes a character)", async () => {
    const a = await send((ctx) => {
      ctx.workbook.worksheets.getItemOrNullObject("表").load("name");
    });
    const b = await send((ctx) => {
      ctx.workbook.worksheets.getItemOrNullObject("表表").load("name");
    });
    expect(b.request - a.request).toBe(3);
  });

  test("at Excel on the web's 5 MB: a request of exactly 5,000,000 bytes passes, one byte more is refused", async () => {
    const rows = 180; // a cell holds at most 32,767 characters: the text goes in a column
    const column = (chars: number): string[][] =>
      Array.from({ length: rows }, (_, i) => [
        "x".repeat(Math.floor(chars / rows) + (i < chars % rows ? 1 : 0)),
      ]);
    const writeColumn =
      (chars: number): Batch =>
      (ctx) => {
        ctx.workbook.worksheets.getItem(sheet).getRange(`Z1:Z${rows}`).values = column(chars);
      };
    const probe = await send(writeColumn(0));
    const chars = 5_000_000 - probe.request;
    const at = await send(writeColumn(chars));
    expect(at.request).toBe(5_000_000);
    expect(at.error).toBeNull();
    expect(at.fake.dump(sheet)["Z1"].value).toBe(column(chars)[0][0]);
    const over = await send(writeColumn(chars + 1));
    expect(over.request).toBe(5_000_001);
    expect(over.error).toBe("RequestPayloadSizeLimitExceeded");
    expect(over.fake.failedSyncs).toEqual(["RequestPayloadSizeLimitExceeded"]);
    expect(over.fake.dump(sheet)["Z1"]).toBeUndefined();
  });

  test("many small writes: the object paths, not the values, make most of the request", async () => {
    const cells = 2000;
    const many = await send((ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      for (let r = 1; r <= cells; r++) ws.getRange(`Z${r}`).values = [["x"]];
    });
    const values = cells * JSON.stringify([["x"]]).length;
    expect(many.error).toBeNull();
    expect(many.request).toBeGreaterThan(cells * 300);
    expect(many.request).toBeGreaterThan(20 * values);
  });
});
