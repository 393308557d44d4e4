/**
 * Issue 24 (domain §9, §8): a 得分 cell merged over several indicator rows is ONE indicator: its
 * weight the merged 分值 or the lines' 分值 added, its score written at the merged area's top-left
 * cell only — never a value or a note in a hidden cell — and scoring the scored sheet again changes
 * nothing (the add-in's own notes are not taken for the person's).
 */
import { parseAddress } from "../../../src/address";
import type { CellScalar } from "../../../src/engine/types";
import { applyPlanToGrid } from "../../../src/form/apply";
import type { Grid } from "../../../src/form/grid";
import { scoreGrids } from "../../../src/form/pipeline";

const HEAD: CellScalar[][] = [
  ["项目支出绩效自评表"],
  ["项目名称", "培训"],
  ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  ["年度资金总额", 100, 100, 10, "100%", 10],
  [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ],
];
/** Rows 6–7 share one 得分 G6:G7; the weight merged F6:F7 too, or printed per line. */
function form(weights: "merged" | "lines", score: number | null, actual2 = "5场"): Grid {
  const values: CellScalar[][] = [
    ...HEAD,
    ["产出指标", "数量指标", "培训人数", "≥100人", "120人", weights === "merged" ? 50 : 30, score],
    ["产出指标", "数量指标", "培训场次", "≥4场", actual2, weights === "merged" ? null : 20, null],
    ["效益指标", "社会效益指标", "受益群众", "≥500人", "520人", 40, 40],
    ["总分", null, null, null, null, 100, score === null ? null : score + 50],
  ].map((r) => [...r, ...Array<CellScalar>(8 - r.length).fill(null)]);
  const merges = ["G6:G7", ...(weights === "merged" ? ["F6:F7"] : [])];
  return { sheet: "合并得分", origin: "A1", merges, values };
}
const HIDDEN = ["G7", "F7"];

describe("a 得分 merged over two indicator rows", () => {
  test.each(["merged", "lines"] as const)("weight %s: one indicator of 50, scored at G6", (w) => {
    const [sheet] = scoreGrids([form(w, 50)], [], { profile: "national" });
    const { form: f, result } = sheet.forms[0];
    expect(f.indicators.map((i) => i.row)).toEqual([6, 8]);
    expect(result.indicators.map((i) => `${i.cell} ${i.method} ${i.weight} ${i.value}`)).toEqual([
      "G6 positive 50 50",
      "G8 positive 40 40",
    ]);
    expect(result.prompts).toEqual([]);
  });

  test("an empty merged score is written at the top-left only; a second run changes nothing", () => {
    const grid = form("lines", null, "3场");
    const [first] = scoreGrids([grid], [], { profile: "national" });
    const touched = first.plan.edits.map((e) => e.address);
    for (const h of HIDDEN) expect(touched).not.toContain(h);
    expect(touched).toContain("G6");
    const once = applyPlanToGrid(grid, first.plan);
    const g6 = once.values[parseAddress("G6").row - 1][parseAddress("G6").col - 1];
    // 培训场次 3 of ≥4: the lines' quantities are paired as §2 pairs several in a cell and the lowest
    // share counts, 75% of the merged weight 50 (§9's mean of the shares, 87.5%, is left open)
    expect(g6).toBe(37.5);
    const [again] = scoreGrids([once], first.plan.ledger, { profile: "national" });
    for (const h of HIDDEN) expect(again.plan.edits.map((e) => e.address)).not.toContain(h);
    const twice = applyPlanToGrid(once, again.plan);
    expect(twice.values).toEqual(once.values);
    expect(twice.notes).toEqual(once.notes);
  });
});
