/**
 * A number the add-in writes shows like its column's neighbours (issue 21): on the real 丽江 form
 * (corpus) a score written into a General cell between scores formatted 0.00 gets 0.00, and so do
 * the added 总分 row's total; on 仁和 (sample 000) a rate written where the column's rates are
 * 0.0% gets 0.0%, not the default 0.00%. A cell with a format of its own keeps it.
 */
import * as path from "path";
import { parseAddress, toAddress } from "../../src/address";
import type { Grid } from "../../src/form/grid";
import { cellState, type CellEdit } from "../../src/form/plan";
import { scoreWorkbookGrids } from "../../src/form/pipeline";
import { readWorkbookGrids } from "../../src/host/xlsx/read";
import { readWorkbookFile } from "../../src/host/xlsx/readFile";
import { buildCorpusWorkbook } from "../corpus/build";
import { CORPUS } from "../corpus/forms";

/** The formats of the numbers next to a cell in its column (two each side at most). */
function neighbours(grid: Grid, address: string): string[] {
  const p = parseAddress(address);
  const out: string[] = [];
  for (const step of [-1, 1])
    for (let d = 1, found = 0; d <= 4 && found < 2 && p.row + step * d >= 1; d++) {
      const c = cellState(grid, toAddress(p.row + step * d, p.col));
      if (typeof c.value === "number" && !c.formula) {
        out.push(c.numberFormat || "General");
        found++;
      }
    }
  return out;
}

/** Written numbers in a General cell whose column neighbours share one format. */
function checked(grid: Grid, edits: readonly CellEdit[]) {
  return edits
    .filter((e) => typeof e.set.value === "number")
    .map((e) => ({
      e,
      own: cellState(grid, e.address).numberFormat,
      nb: neighbours(grid, e.address),
    }))
    .filter((x) => (!x.own || x.own === "General") && x.nb.length > 0 && new Set(x.nb).size === 1);
}

test("丽江: scores written into General cells take the 0.00 of the scores around them", async () => {
  const form = CORPUS.find((f) => f.id === "yn-lijiang-2020");
  if (!form) throw new Error("corpus form yn-lijiang-2020 missing");
  const { grids } = await readWorkbookGrids(await buildCorpusWorkbook(form), { name: "丽江.xlsx" });
  const outcome = scoreWorkbookGrids(grids);
  const sheet = outcome.sheets[0];
  const grid = grids.find((g) => g.sheet === sheet.sheet) as Grid;
  const written = checked(grid, sheet.plan.edits).filter((x) => x.nb[0] !== "General");
  expect(written.length).toBeGreaterThanOrEqual(2);
  for (const x of written)
    expect([x.e.address, x.e.set.numberFormat]).toEqual([x.e.address, x.nb[0]]);
});

test("仁和: a rate written among rates formatted 0.0% is 0.0%; a cell with its own format keeps it", async () => {
  const { grids } = await readWorkbookFile(
    path.join(__dirname, "..", "..", "samples", "000-renhe-2023.xlsx")
  );
  const outcome = scoreWorkbookGrids(grids);
  let percents = 0;

  for (const s of outcome.sheets) {
    const grid = grids.find((g) => g.sheet === s.sheet) as Grid;
    for (const e of s.plan.edits) {
      if (typeof e.set.value !== "number") continue;
      const was = cellState(grid, e.address).numberFormat;
      const nb = neighbours(grid, e.address);
      if (was && was !== "General") {
        // its own format stays (the plan sets none, or the same)
        expect([e.address, e.set.numberFormat ?? was]).toEqual([e.address, was]);
      } else if (
        e.set.numberFormat?.includes("%") &&
        nb.length &&
        new Set(nb).size === 1 &&
        nb[0].includes("%")
      ) {
        expect([e.address, e.set.numberFormat]).toEqual([e.address, nb[0]]);
        percents++;
      }
    }
  }
  expect(percents).toBeGreaterThan(0);
});
