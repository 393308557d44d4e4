/**
 * The ledger keeps a cell's look before a style copy (issue 14), whatever the host's look is (an
 * opaque text: "s:5" on .xlsx, cell properties as JSON in the add-in): the unit-overall form
 * 003#0's 总分 / 等级 rows, drawn like the table's last row, come back as they were on 撤销, after
 * one scoring or two; a drawn cell a person has typed into since is theirs; the look survives
 * the state sheet's rows; a host without looks records none (and 撤销 sets none).
 */
import { applyPlanToGrid } from "../../src/form/apply";
import { parseAddress, toAddress } from "../../src/address";
import type { Grid } from "../../src/form/grid";
import { scoreGrids } from "../../src/form/pipeline";
import { cellState, planRestore, type LedgerEntry } from "../../src/form/plan";
import { stateFromGrid, stateToRows } from "../../src/form/state";
import { seedFiles, seedWorkbookSheets } from "../support/seedGrids";

/** 003#0 as a host with looks hands it over: every cell of the used range has its own look. */
function unitOverall(withLooks = true): Grid {
  const seed = seedFiles().find((f) => f.startsWith("003")) as string;
  const grid = seedWorkbookSheets(seed)[0].grid;
  if (!withLooks) return grid;
  const o = parseAddress(grid.origin);
  const looks: Record<string, string> = {};
  grid.values.forEach((line, r) =>
    line.forEach((_, c) => {
      const a = toAddress(o.row + r, o.col + c);
      looks[a] = `look of ${a}`;
    })
  );
  return { ...grid, looks };
}

/** The cells drawn like another by a plan, and the cells they are drawn like. */
function drawn(grid: Grid): { address: string; like: string }[] {
  const [out] = scoreGrids([grid], []);
  return out.plan.edits.flatMap((e) =>
    e.style ? [{ address: e.address, like: e.style.like }] : []
  );
}

describe("the ledger keeps the look a style copy changes", () => {
  test("003#0 has rows drawn like the table (what this file is about)", () => {
    expect(drawn(unitOverall()).length).toBeGreaterThanOrEqual(8);
  });

  test("score, 撤销: every drawn cell has its own look back (none, here: under the table)", () => {
    const grid = unitOverall();
    const [first] = scoreGrids([grid], []);
    const scored = applyPlanToGrid(grid, first.plan);
    for (const d of drawn(grid))
      expect(cellState(scored, d.address).look).toBe(grid.looks?.[d.like]);
    const undo = planRestore(scored, first.plan.ledger);
    expect(undo.skipped).toEqual([]);
    const restored = applyPlanToGrid(scored, undo);
    for (const d of drawn(grid))
      expect([d.address, cellState(restored, d.address)]).toEqual([
        d.address,
        cellState(grid, d.address),
      ]);
    expect(restored.looks).toEqual(grid.looks);
  });

  test("score twice, 撤销: the original look, not the first scoring's", () => {
    const grid = unitOverall();
    const [first] = scoreGrids([grid], []);
    const once = applyPlanToGrid(grid, first.plan);
    const [second] = scoreGrids([once], first.plan.ledger);
    expect(second.plan.ledger).toEqual(first.plan.ledger);
    const twice = applyPlanToGrid(once, second.plan);
    const restored = applyPlanToGrid(twice, planRestore(twice, second.plan.ledger));
    expect(restored.looks).toEqual(grid.looks);
  });

  test("a drawn cell a person typed into after scoring is theirs: 撤销 leaves it", () => {
    const grid = unitOverall();
    const [first] = scoreGrids([grid], []);
    const scored = applyPlanToGrid(grid, first.plan);
    const onlyDrawn = first.plan.ledger.find((e) => e.fields.join() === "look") as LedgerEntry;
    expect(onlyDrawn).toBeDefined();
    const typed = applyPlanToGrid(scored, {
      edits: [
        { sheet: grid.sheet, address: onlyDrawn.address, set: { value: "复核" }, why: "person" },
      ],
      ledger: [],
      skipped: [],
    });
    const undo = planRestore(typed, first.plan.ledger);
    expect(undo.edits.some((e) => e.address === onlyDrawn.address)).toBe(false);
    expect(undo.skipped).toContain(
      `${grid.sheet}!${onlyDrawn.address} 评分后已被修改，保留现有内容`
    );
  });

  test("the look goes through the state sheet's rows, null included", () => {
    const grid = unitOverall();
    const [first] = scoreGrids([grid], []);
    const rows = stateToRows({ ledger: first.plan.ledger, summarySheet: null });
    const back = stateFromGrid({ sheet: "_", origin: "A1", values: rows, merges: [] });
    expect(back.ledger).toEqual(first.plan.ledger);
    const withLook = back.ledger.filter((e) => e.fields.includes("look"));
    expect(withLook.length).toBeGreaterThanOrEqual(8);
    for (const e of withLook) expect(e.before.look).toBeNull();
    const old = back.ledger.filter((e) => !e.fields.includes("look"));
    expect(old.length).toBeGreaterThan(0);
    for (const e of old) expect("look" in e.before).toBe(true); // this host has looks: null kept
  });

  test("a host without looks: the drawn cells are not in the ledger, 撤销 sets no look", () => {
    const grid = unitOverall(false);
    const [first] = scoreGrids([grid], []);
    expect(first.plan.ledger.some((e) => e.fields.includes("look"))).toBe(false);
    const undo = planRestore(applyPlanToGrid(grid, first.plan), first.plan.ledger);
    expect(undo.edits.some((e) => "look" in e.set)).toBe(false);
  });
});
