/**
 * The .xlsx round trip on the real sample files: read → score → write into the package → read
 * back equals the plan; and the ledger's restore plan, written the same way, brings back every
 * touched cell of the input.
 */
import * as fs from "fs";
import * as path from "path";
import type { Grid } from "../../src/form/grid";
import { scoreWorkbookGrids } from "../../src/form/pipeline";
import { cellState, planRestore, type CellState } from "../../src/form/plan";
import { STATE_SHEET, stateFromGrid, stateToRows } from "../../src/form/state";
import { writePackage } from "../../src/host/xlsx/package";
import { readWorkbookGrids } from "../../src/host/xlsx/read";

const SAMPLES = path.join(__dirname, "../../samples");

/** What the reader gives back for a written state: numbers, strings, formats, notes, fills. */
function comparable(
  state: Partial<CellState>,
  fields: readonly (keyof CellState)[]
): Partial<CellState> {
  const out: Partial<CellState> = {};
  for (const f of fields) {
    if (f === "formula") continue;
    const v = state[f] ?? null;
    (out as Record<string, unknown>)[f] = f === "numberFormat" && v === null ? "General" : v;
  }
  return out;
}

async function scoreAndWrite(file: string): Promise<{
  input: Buffer;
  output: Uint8Array;
  outcome: ReturnType<typeof scoreWorkbookGrids>;
  grids: Grid[];
}> {
  const input = fs.readFileSync(file);
  const { grids } = await readWorkbookGrids(input);
  const outcome = scoreWorkbookGrids(grids);
  const output = await writePackage(
    input,
    outcome.sheets.flatMap((s) => s.plan.edits),
    [
      { name: outcome.summarySheet, rows: outcome.summary.rows },
      { name: STATE_SHEET, rows: stateToRows(outcome.state), state: "veryHidden" },
    ],
    { replaceSheets: outcome.replaceSheets }
  );
  return { input, output, outcome, grids };
}

describe("the .xlsx round trip", () => {
  for (const name of ["002-wuhan-2021.xlsx", "003-changji-2024.xlsx", "004-fengtai-2020.xlsx"]) {
    test(`${name}: what is read back from the scored copy is what the plan wrote`, async () => {
      const { output, outcome } = await scoreAndWrite(path.join(SAMPLES, name));
      const back = await readWorkbookGrids(output);
      const bySheet = new Map(back.grids.map((g) => [g.sheet, g]));
      let checked = 0;
      for (const s of outcome.sheets) {
        const grid = bySheet.get(s.sheet) as Grid;
        for (const e of s.plan.edits) {
          const fields = Object.keys(e.set) as (keyof CellState)[];
          expect([e.address, comparable(cellState(grid, e.address), fields)]).toEqual([
            e.address,
            comparable(e.set, fields),
          ]);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(50);
      // the state read back is the state written
      expect(stateFromGrid(bySheet.get(STATE_SHEET)).ledger).toEqual(outcome.state.ledger);
    });
  }

  test("restoring from the ledger brings back every touched cell of the input exactly", async () => {
    const { input, output, outcome } = await scoreAndWrite(
      path.join(SAMPLES, "004-fengtai-2020.xlsx")
    );
    const scored = await readWorkbookGrids(output);
    const undo = scored.grids
      .filter((g) => g.sheet !== STATE_SHEET)
      .flatMap((g) => planRestore(g, outcome.state.ledger).edits);
    expect(undo.length).toBe(outcome.state.ledger.length);
    const restored = await readWorkbookGrids(await writePackage(output, undo, []));
    const original = await readWorkbookGrids(input);
    const origBySheet = new Map(original.grids.map((g) => [g.sheet, g]));
    const restBySheet = new Map(restored.grids.map((g) => [g.sheet, g]));
    for (const e of outcome.state.ledger) {
      const before = cellState(origBySheet.get(e.sheet) as Grid, e.address);
      const after = cellState(restBySheet.get(e.sheet) as Grid, e.address);
      expect([e.sheet, e.address, after]).toEqual([e.sheet, e.address, before]);
    }
  });
});
