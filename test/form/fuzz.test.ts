/**
 * Random grids into recognition, scoring and planning: never an exception. The grids are made
 * of the words that matter (header words, level names, signs, units, error values) so that
 * many of them are recognised as forms and go through every step.
 */
import fc from "fast-check";
import { applyPlanToGrid } from "../../src/form/apply";
import type { Grid } from "../../src/form/grid";
import { scoreWorkbookGrids } from "../../src/form/pipeline";
import { recognizeSheet } from "../../src/form/recognize";
import { STATE_SHEET, stateToRows } from "../../src/form/state";

const WORDS = [
  "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "权重", "完成率", "赋分规则",
  "偏差原因分析及改进措施", "项目名称", "项目资金（万元）", "全年预算数", "全年执行数", "执行率", "预算数：", "执行数：",
  "年度资金总额", "总分", "等级", "产出指标", "效益指标（20分）", "满意度指标", "成本指标", "数量指标", "质量指标",
  "时效指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标", "≥90%", "≤48小时", "=10件", "100万元", "6352.3万",
  "2023年12月31日前", "每月25日前", "有效提升", "基本完成", "未完成", "#REF!", "#DIV/0!", "—", "/", "１２３", "1,000",
  "按照完成比例赋分", "按评判等级赋分", "填报注意事项：", "备注：", "偏差大或目标未完成原因分析", "",
];

const cell = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.integer({ min: -5, max: 500 }),
  fc.double({ min: -10, max: 1e6, noNaN: true }),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.boolean(),
);

const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 10 }), { minLength: 0, maxLength: 24 }),
    origin: fc.constantFrom("A1", "B3", "C10", "AA100"),
    merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }))),
    protected: fc.boolean(),
  })
  .map(({ rows, origin, merges, protected: prot }) => ({
    sheet: "随机",
    origin,
    values: rows,
    merges: merges.map(([r, c, h, w]) => `${String.fromCharCode(64 + c)}${r}:${String.fromCharCode(64 + c + w)}${r + h}`).concat(["not a range", "ZZZ0:A1"]),
    protected: prot,
  }));

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/** Grids that look like forms: a budget block and an indicator header over random rows. */
const formGridArb: fc.Arbitrary<Grid> = fc
  .record({
    budget: fc.array(cell, { minLength: 6, maxLength: 6 }),
    header: fc.shuffledSubarray(HEADER, { minLength: 5 }),
    rows: fc.array(fc.array(cell, { minLength: 3, maxLength: 9 }), { minLength: 0, maxLength: 12 }),
    tail: fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 3 }),
    base: gridArb,
  })
  .map(({ budget, header, rows, tail, base }) => ({
    ...base,
    values: [["项目名称", "测试"], ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"], ["年度资金总额", ...budget], header, ...rows, ["总分", "", "", "", "", 100, 95], ...tail],
  }));

const anyGrid = fc.oneof(gridArb, formGridArb);

describe("fuzz", () => {
  test("recognition never throws and always says forms or why not", () => {
    fc.assert(
      fc.property(anyGrid, (grid) => {
        const r = recognizeSheet(grid);
        expect(r.forms.length > 0 || typeof r.skipped === "string").toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  test("scoring, planning and applying a plan never throw, and scoring twice equals scoring once", () => {
    let withForms = 0;
    fc.assert(
      fc.property(fc.array(anyGrid, { minLength: 1, maxLength: 3 }), (grids) => {
        const named = grids.map((g, i) => ({ ...g, sheet: `表${i + 1}` }));
        const first = scoreWorkbookGrids(named);
        if (first.sheets.some((s) => s.forms.length > 0)) withForms++;
        const once = named.map((g, i) => applyPlanToGrid(g, first.sheets[i].plan));
        const state: Grid = { sheet: STATE_SHEET, origin: "A1", values: stateToRows(first.state), merges: [] };
        const second = scoreWorkbookGrids([...once, state]);
        const twice = once.map((g, i) => applyPlanToGrid(g, second.sheets[i].plan));
        expect(twice.map((g) => [g.values, g.notes, g.fills])).toEqual(once.map((g) => [g.values, g.notes, g.fills]));
      }),
      { numRuns: 150 },
    );
    // the grids are made to look like forms often enough to exercise scoring and planning
    expect(withForms).toBeGreaterThan(20);
  });
});
