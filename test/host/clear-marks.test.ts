/**
 * 清除标记 in the add-in (issue 21), over the strict fake of Excel on the samples: after 批量评分,
 * every sheet's values, formulas and formats are the scored ones and its notes, comments and fills
 * the input's (a person's own note stays); it takes the four round trips of any action; 撤销 after
 * it still gives back the input exactly; clearing twice changes nothing; scoring again puts the
 * marks back; and a cell a person changed since is left and said.
 */
import * as fs from "fs";
import * as path from "path";
import { STATE_SHEET } from "../../src/form/state";
import { createExcelGateway, type ScoringGateway } from "../../src/host/excel/gateway";
import { FakeExcel, installFakeExcel, loadFakeExcel, type CellDump } from "../../fake-excel";
import { DocumentModel } from "../../fake-excel/model";

const SAMPLES = path.join(__dirname, "../../samples");
const FILES = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();
const FENGTAI = "004-fengtai-2020.xlsx";
const docs = new Map<string, DocumentModel>();

beforeAll(async () => {
  for (const f of FILES) docs.set(f, (await loadFakeExcel(path.join(SAMPLES, f))).doc);
});

let uninstall: (() => void) | null = null;
let current: FakeExcel | null = null;

function use(fake: FakeExcel): ScoringGateway {
  uninstall?.();
  uninstall = installFakeExcel(fake);
  current = fake;
  return createExcelGateway();
}

afterEach(() => {
  if (current) expect(current.notLoadedReads).toEqual([]);
  uninstall?.();
  uninstall = null;
  current = null;
});

function fakeOf(file: string): FakeExcel {
  return new FakeExcel((docs.get(file) as DocumentModel).clone());
}

/** The input's form sheets (not the product's own). */
function sheetsOf(
  fake: FakeExcel,
  names: readonly string[]
): Record<string, Record<string, CellDump>> {
  return Object.fromEntries(names.map((n) => [n, fake.dump(n)]));
}

type Part = "form" | "marks";
/** Per sheet and cell: the corrected form (value, formula, format) or the marks (note, comment, fill). */
function part(
  dump: Record<string, Record<string, CellDump>>,
  which: Part
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [sheet, cells] of Object.entries(dump)) {
    out[sheet] = {};
    for (const [a, c] of Object.entries(cells)) {
      const v =
        which === "form" ? [c.value, c.formula, c.numberFormat] : [c.note, c.comment, c.fill];
      if (v.some((x) => x !== null && x !== "General")) out[sheet][a] = v;
    }
  }
  return out;
}

describe("清除标记 after 批量评分", () => {
  test.each(FILES)(
    "%s: the scored values stay, the marks are the input's; 4 syncs",
    async (file) => {
      const fake = fakeOf(file);
      const names = fake.sheetNames();
      const input = sheetsOf(fake, names);
      const gateway = use(fake);
      const scoredRun = await gateway.scoreAllSheets();
      expect(scoredRun.ok).toBe(true);
      const scored = sheetsOf(fake, names);
      expect(part(scored, "marks")).not.toEqual(part(input, "marks"));
      const summary = scoredRun.summary?.sheet as string;

      const clear = await (gateway.clearMarks as () => Promise<typeof scoredRun>)();
      expect(clear.error).toBeNull();
      expect(clear.ok).toBe(true);
      expect(clear.action).toBe("clear-marks");
      expect(clear.syncs).toBeLessThanOrEqual(4);
      expect(clear.sheets.every((s) => s.status === "cleared")).toBe(true);
      const cleaned = sheetsOf(fake, names);
      expect(part(cleaned, "form")).toEqual(part(scored, "form"));
      expect(part(cleaned, "marks")).toEqual(part(input, "marks"));
      // 评分汇总 stays (it is the add-in's report, not a mark in the form)
      expect(fake.sheetNames()).toContain(summary);

      // clearing again changes nothing
      const again = await (gateway.clearMarks as () => Promise<typeof scoredRun>)();
      expect(sheetsOf(fake, names)).toEqual(cleaned);
      expect(again.written).toEqual({ cells: 0, notes: 0, fills: 0 });

      // 撤销 still gives back the input exactly, and removes 评分汇总
      const undo = await gateway.undo();
      expect(undo.ok).toBe(true);
      expect(undo.notWritten).toEqual([]);
      expect(sheetsOf(fake, names)).toEqual(input);
      expect(fake.sheetNames().filter((n) => n !== STATE_SHEET)).toEqual(names);
    }
  );
});

test("scoring again after 清除标记 puts the marks back as they were", async () => {
  const fake = fakeOf(FENGTAI);
  const names = fake.sheetNames();
  const gateway = use(fake);
  await gateway.scoreAllSheets();
  const scored = sheetsOf(fake, names);
  await (gateway.clearMarks as () => Promise<unknown>)();
  await gateway.scoreAllSheets();
  expect(sheetsOf(fake, names)).toEqual(scored);
});

test("a person's own note on a marked cell stays; a cell changed since is theirs and said", async () => {
  const fake = fakeOf(FENGTAI);
  const sheet = fake.sheetNames()[0];
  const gateway = use(fake);
  await gateway.scoreAllSheets();
  // two cells the add-in marked: one with a note only, one whose value it also wrote
  const ledger = fake
    .grid(STATE_SHEET)
    .values.slice(1)
    .filter((r) => r[0] === sheet)
    .map((r) => ({ address: String(r[1]), fields: String(r[2]).split(",") }));
  const noted = ledger.find((e) => e.fields.includes("note"))?.address as string;
  const edited = ledger.find(
    (e) => e.address !== noted && e.fields.includes("note") && e.fields.includes("value")
  )?.address as string;
  expect(noted && edited).toBeTruthy();
  // the person writes their own note where the add-in had one, on a fresh scoring
  await gateway.undo();
  fake.setNote(sheet, noted, "会计：此项已与财政核对");
  await gateway.scoreAllSheets();
  expect(fake.cell(sheet, noted).note).toContain("会计：此项已与财政核对");
  fake.userEdit(sheet, edited, [["会计改过"]]);
  const clear = await (gateway.clearMarks as () => Promise<{ notWritten: readonly string[] }>)();
  expect(fake.cell(sheet, noted).note).toBe("会计：此项已与财政核对");
  expect(fake.cell(sheet, edited).value).toBe("会计改过");
  expect(fake.cell(sheet, edited).note).not.toBeNull();
  expect(clear.notWritten.join("\n")).toContain(`${sheet}!${edited} 评分后已被修改`);
});
