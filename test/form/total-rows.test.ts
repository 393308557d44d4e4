/**
 * The add-in's 总分 / 等级 rows under a form without a 总分 row (issue 21): never in an indicator's
 * row. On the real 池州 form (corpus: its table ends in an empty 经济效益指标 row inside the merged
 * 效益指标 cell) they go under the table; where the template prints 总分 / 等级 labels inside the
 * indicator columns, the total and grade go beside those labels; notes below the table stop the
 * search rather than being passed.
 */
import { parseAddress } from "../../src/address";
import type { Grid } from "../../src/form/grid";
import { scoreGrids } from "../../src/form/pipeline";
import { readWorkbookGrids } from "../../src/host/xlsx/read";
import { buildCorpusWorkbook } from "../corpus/build";
import { CORPUS } from "../corpus/forms";

const row = (address: string): number => parseAddress(address).row;

test("池州: 总分 and 等级 under the table, not in the empty 经济效益指标 row", async () => {
  const form = CORPUS.find((f) => f.id === "ah-chizhou-2022");
  if (!form) throw new Error("corpus form ah-chizhou-2022 missing");
  const { grids } = await readWorkbookGrids(await buildCorpusWorkbook(form), { name: "池州.xlsx" });
  const [outcome] = scoreGrids(grids, []);
  const grid = grids[0];
  const placeholder = grid.values.findIndex((r) => r.some((v) => v === "经济效益指标")) + 1;
  expect(placeholder).toBeGreaterThan(0);
  const added = outcome.plan.edits.filter((e) => /总分|等级/.test(e.why) && "value" in e.set);
  expect(added.map((e) => e.set.value)).toEqual(expect.arrayContaining(["总分", "等级", 90]));
  for (const e of added) expect(row(e.address)).toBeGreaterThan(placeholder);
  // nothing of the plan lands in the placeholder row
  expect(
    outcome.plan.edits.filter((e) => row(e.address) === placeholder && "value" in e.set)
  ).toEqual([]);
});

/** 池州's sheet with rows added under its table (1-based row numbers from `at`). */
async function chizhou(added: (string | null)[][]): Promise<{ grid: Grid; placeholder: number }> {
  const form = CORPUS.find((f) => f.id === "ah-chizhou-2022");
  if (!form) throw new Error("corpus form ah-chizhou-2022 missing");
  const { grids } = await readWorkbookGrids(await buildCorpusWorkbook(form), { name: "池州.xlsx" });
  const grid = grids[0];
  const placeholder = grid.values.findIndex((r) => r.some((v) => v === "经济效益指标")) + 1;
  const width = grid.values[0].length;
  const pad = (r: (string | null)[]) => [...r, ...Array(width - r.length).fill(null)];
  return {
    grid: { ...grid, values: [...grid.values.slice(0, placeholder), ...added.map(pad)] },
    placeholder,
  };
}

test("总分 / 等级 labels printed inside the indicator columns: the total and grade beside them", async () => {
  const N = null;
  const { grid, placeholder } = await chizhou([
    [N, N, "总分", N],
    [N, N, "等级", N],
  ]);
  const [outcome] = scoreGrids([grid], []);
  const result = outcome.forms[0].result;
  expect(result.total).not.toBeNull();
  const total = outcome.plan.edits.filter((e) => e.set.value === Number(result.total));
  expect(total.map((e) => row(e.address))).toEqual([placeholder + 1]);
  const grade = outcome.plan.edits.filter((e) => e.set.value === result.grade);
  expect(grade.map((e) => row(e.address))).toEqual([placeholder + 2]);
  // the template's labels are kept, not written again
  const labels = outcome.plan.edits.filter((e) => e.set.value === "总分" || e.set.value === "等级");
  expect(labels).toEqual([]);
  expect(
    outcome.plan.edits.filter((e) => row(e.address) === placeholder && "value" in e.set)
  ).toEqual([]);
});

test("notes under the table stop the search: no total below them, and the plan says so", async () => {
  const { grid, placeholder } = await chizhou([["填报说明：本表由项目单位填写。"]]);
  const [outcome] = scoreGrids([grid], []);
  expect(
    outcome.plan.edits.filter((e) => row(e.address) >= placeholder && "value" in e.set)
  ).toEqual([]);
  expect(outcome.plan.skipped.join("\n")).toMatch(/下方没有空行，未写入总分/);
});
