/**
 * 清除标记 (issue 21) on a real sheet (Fengtai, the first tab) where the person has a note and a
 * fill of their own on cells the add-in marks: the marks go, the person's note and fill stay,
 * the corrected values stay; 撤销 still gives back the sheet as the person left it; scoring again
 * puts the marks back; clearing twice changes nothing; a cell a person edited since is left.
 */
import * as path from "path";
import { applyPlanToGrid } from "../../src/form/apply";
import { planClean, planCleanCopy } from "../../src/form/clean";
import type { Grid } from "../../src/form/grid";
import { cellState, NOTE_MARK, planRestore, type WritePlan } from "../../src/form/plan";
import { scoreGrids } from "../../src/form/pipeline";
import { readWorkbookFile } from "../../src/host/xlsx/readFile";
import { parseAddress, toAddress } from "../../src/address";

const FENGTAI = path.join(__dirname, "..", "..", "samples", "004-fengtai-2020.xlsx");

let source: Grid;
let plan: WritePlan;
let noted: string;
let filled: string;

/** Every address of the grid's used range and of the edits. */
function addresses(grids: readonly Grid[]): string[] {
  const out = new Set<string>();
  for (const g of grids) {
    const o = parseAddress(g.origin || "A1");
    g.values.forEach((row, r) => row.forEach((_, c) => out.add(toAddress(o.row + r, o.col + c))));
    Object.keys(g.notes ?? {}).forEach((a) => out.add(a));
    Object.keys(g.fills ?? {}).forEach((a) => out.add(a));
  }
  return [...out];
}

function field(g: Grid, f: "value" | "note" | "fill" | "numberFormat"): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of addresses([g])) {
    const v = cellState(g, a)[f];
    if (v !== null) out[a] = v;
  }
  return out;
}

beforeAll(async () => {
  const first = (await readWorkbookFile(FENGTAI)).grids[0];
  const marked = scoreGrids([first], [])[0].plan.edits.filter((e) => e.set.note || e.set.fill);
  expect(marked.length).toBeGreaterThan(1);
  noted = marked[0].address;
  filled = marked[1].address;
  // the person's own note and fill on two cells the add-in marks
  source = {
    ...first,
    notes: { ...(first.notes ?? {}), [noted]: "我的批注：已与财务核对" },
    fills: { ...(first.fills ?? {}), [filled]: "00B050" },
  };
  plan = scoreGrids([source], [])[0].plan;
});

test("the scored sheet carries marks over the person's own note", () => {
  const scored = applyPlanToGrid(source, plan);
  expect(scored.notes?.[noted]).toContain("我的批注：已与财务核对");
  expect(scored.notes?.[noted]).toContain(NOTE_MARK);
  expect(Object.keys(scored.notes ?? {}).length).toBeGreaterThan(1);
});

test("清除标记: marks gone, the person's note and fill back, corrected values kept", () => {
  const scored = applyPlanToGrid(source, plan);
  const clean = planClean(scored, plan.ledger);
  expect(clean.skipped).toEqual([]);
  expect(clean.edits.length).toBeGreaterThan(0);
  for (const e of clean.edits) expect(Object.keys(e.set).sort()).not.toContain("value");
  const cleaned = applyPlanToGrid(scored, clean);
  expect(field(cleaned, "note")).toEqual(field(source, "note"));
  expect(field(cleaned, "fill")).toEqual(field(source, "fill"));
  expect(field(cleaned, "value")).toEqual(field(scored, "value"));
  expect(field(cleaned, "numberFormat")).toEqual(field(scored, "numberFormat"));
  expect(field(cleaned, "value")).not.toEqual(field(source, "value"));
  // clearing again changes nothing
  expect(planClean(cleaned, clean.ledger).edits).toEqual([]);
});

test("after 清除标记, 撤销 gives back the sheet as the person left it", () => {
  const scored = applyPlanToGrid(source, plan);
  const clean = planClean(scored, plan.ledger);
  const cleaned = applyPlanToGrid(scored, clean);
  const undone = applyPlanToGrid(cleaned, planRestore(cleaned, clean.ledger));
  for (const f of ["value", "note", "fill", "numberFormat"] as const)
    expect(field(undone, f)).toEqual(field(source, f));
});

test("after 清除标记, scoring again gives the scored sheet, marks included", () => {
  const scored = applyPlanToGrid(source, plan);
  const clean = planClean(scored, plan.ledger);
  const cleaned = applyPlanToGrid(scored, clean);
  const again = applyPlanToGrid(cleaned, scoreGrids([cleaned], clean.ledger)[0].plan);
  for (const f of ["value", "note", "fill", "numberFormat"] as const)
    expect(field(again, f)).toEqual(field(scored, f));
});

test("a marked cell the person edited after scoring is theirs: left with its marks, and said", () => {
  const scored = applyPlanToGrid(source, plan);
  const edited = plan.edits.find((e) => e.set.note && "value" in e.set);
  if (!edited) throw new Error("no marked cell with a written value on Fengtai's first tab");
  const touched = applyPlanToGrid(scored, {
    edits: [{ sheet: source.sheet, address: edited.address, set: { value: 1.23 }, why: "人工" }],
    ledger: [],
    skipped: [],
  });
  const clean = planClean(touched, plan.ledger);
  expect(clean.edits.some((e) => e.address === edited.address)).toBe(false);
  expect(clean.skipped.join("\n")).toContain(`${source.sheet}!${edited.address}`);
});

test("the 提交版 plan from the source: no note or fill of the add-in, the person's untouched", () => {
  const copy = planCleanCopy(source, plan);
  for (const e of copy.edits) {
    expect(e.set.note).toBeUndefined();
    expect(e.set.fill).toBeUndefined();
  }
  const submitted = applyPlanToGrid(source, copy);
  const scored = applyPlanToGrid(source, plan);
  expect(field(submitted, "value")).toEqual(field(scored, "value"));
  expect(field(submitted, "note")).toEqual(field(source, "note"));
  expect(field(submitted, "fill")).toEqual(field(source, "fill"));
});
