/**
 * Issue 11 §1.6: 总分 with its value in a cell merged across the row (总分 | B10:H10). The merged
 * area's value is the printed total, the total is written into its top-left cell, the grade right
 * of it, and scoring the scored copy again changes nothing (through the .xlsx round trip).
 */
import ExcelJS from "exceljs";
import { applyPlanToGrid } from "../../../src/form/apply";
import type { Grid } from "../../../src/form/grid";
import { scoreGrids, scoreWorkbookGrids } from "../../../src/form/pipeline";
import { recognizeSheet } from "../../../src/form/recognize";
import { STATE_SHEET, stateToRows } from "../../../src/form/state";
import { writePackage } from "../../../src/host/xlsx/package";
import { readWorkbookGrids } from "../../../src/host/xlsx/read";
import { correctForm, layoutForm } from "../../support/layouts";

const merged = (total: number | null): Grid =>
  layoutForm("总分合并", { ...correctForm(), total }, { mergedTotal: true });

async function toXlsx(g: Grid): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(g.sheet);
  g.values.forEach((r, i) =>
    r.forEach((v, c) => {
      if (v !== null) ws.getCell(i + 1, c + 1).value = v;
    })
  );
  for (const m of g.merges) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Score a workbook as the selfeval command does: the copy holds the edits and the state sheet. */
async function scoreCopy(input: Buffer): Promise<Buffer> {
  const { grids } = await readWorkbookGrids(input, { name: "in.xlsx" });
  const outcome = scoreWorkbookGrids(grids, {});
  const edits = outcome.sheets.flatMap((s) => s.plan.edits);
  const state = {
    name: STATE_SHEET,
    rows: stateToRows(outcome.state),
    state: "veryHidden" as const,
  };
  return Buffer.from(
    await writePackage(input, edits, [state], { replaceSheets: outcome.replaceSheets })
  );
}

async function sheet(bytes: Buffer): Promise<Grid> {
  const { grids } = await readWorkbookGrids(bytes, { name: "out.xlsx" });
  return grids.find((g) => g.sheet === "总分合并") as Grid;
}

describe("a total merged across the row", () => {
  test("the merged area's value is the printed total, read at its top-left cell", () => {
    const [form] = recognizeSheet(merged(99.5)).forms;
    expect(form.total?.score).toEqual({ address: "B10", value: 99.5 });
    expect(form.total?.weight).toBeUndefined();
  });

  test("a right total gets no prompt; a wrong one is flagged on the merged cell", () => {
    expect(scoreGrids([merged(99.5)], [])[0].forms[0].result.prompts).toEqual([]);
    const wrong = scoreGrids([merged(98)], [])[0].forms[0].result;
    expect(wrong.prompts.map((p) => [p.kind, p.cell])).toEqual([["total-mismatch", "B10"]]);
  });

  test("an empty merged total is written into the top-left cell; merged to the form's right edge, the total shows the grade", () => {
    const [out] = scoreGrids([merged(null)], []);
    const edits = new Map(out.plan.edits.map((e) => [e.address, e.set]));
    expect(edits.get("B10")?.value).toBe(99.5);
    // nothing free right of the area inside the form's columns (B:H): the grade in the total's display (issue 14)
    expect(edits.get("B10")?.numberFormat).toBe('0.00"（优）"');
    for (const hidden of ["C10", "D10", "E10", "G10", "H10", "I10", "J10"])
      expect(edits.has(hidden)).toBe(false);
  });

  test("a merged total narrower than the form: the grade in the free cell right of the area, inside the form", () => {
    const base = merged(null);
    const grid = { ...base, merges: base.merges.map((m) => (m === "B10:H10" ? "B10:G10" : m)) };
    expect(grid.merges).toContain("B10:G10");
    const [out] = scoreGrids([grid], []);
    const edits = new Map(out.plan.edits.map((e) => [e.address, e.set]));
    expect(edits.get("B10")?.value).toBe(99.5);
    expect(edits.get("B10")?.numberFormat).toBeUndefined();
    expect(edits.get("H10")?.value).toBe("等级：优");
    for (const hidden of ["C10", "D10", "E10", "F10", "G10", "I10"])
      expect(edits.has(hidden)).toBe(false);
  });

  test.each([null, 98])(
    "scoring the scored copy again changes nothing (printed total %p)",
    async (total) => {
      const once = await scoreCopy(await toXlsx(merged(total)));
      const twice = await scoreCopy(once);
      const a = await sheet(once);
      const b = await sheet(twice);
      expect(b.values).toEqual(a.values);
      expect(b.notes).toEqual(a.notes);
      expect(a.values[9][1]).toBe(99.5); // a wrong printed total is replaced, with a note
    }
  );

  test("a scored copy read without its ledger: the add-in's own note lines are not taken for the person's", () => {
    const grid = { ...merged(99.5), notes: { B10: "财务科复核" } };
    const [first] = scoreGrids([grid], []);
    const once = applyPlanToGrid(grid, first.plan);
    const [again] = scoreGrids([once], []);
    const twice = applyPlanToGrid(once, again.plan);
    expect(twice.notes).toEqual(once.notes);
    expect(once.notes?.B10?.startsWith("财务科复核\n【绩效自评】\n")).toBe(true);
  });
});
