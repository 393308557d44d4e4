/**
 * Issue 24 (domain §9): a printed total read wherever it is labelled as the form's — a header cell
 * 自评得分 | 98, the title line 项目总得分99分, a sentence under the table 得分合计100。 — so that
 * total-mismatch names that cell; the add-in writes its own total in its usual place and never edits
 * the text.
 */
import type { CellScalar } from "../../../src/engine/types";
import type { Grid } from "../../../src/form/grid";
import { scoreGrids } from "../../../src/form/pipeline";

const TABLE: CellScalar[][] = [
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
  ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 50, 50],
  ["效益指标", "社会效益指标", "受益群众", "≥500人", "520人", 40, 40],
];
const grid = (top: CellScalar[][], bottom: CellScalar[][] = []): Grid => ({
  sheet: "总分",
  origin: "A1",
  merges: [],
  values: [...top, ...TABLE, ...bottom].map((r) => [
    ...r,
    ...Array<CellScalar>(8 - r.length).fill(null),
  ]),
});
const score = (g: Grid) => scoreGrids([g], [], { profile: "national" })[0];

describe.each([
  [
    "a header cell 自评得分 | N",
    (n: number) => grid([["项目支出绩效自评表"], ["项目名称", "培训", "自评得分", n]]),
    "D2",
  ],
  [
    "the title line 项目总得分N分",
    (n: number) => grid([[`培训项目支出绩效自评表（项目总得分${n}分）`], ["项目名称", "培训"]]),
    "A1",
  ],
  [
    "a sentence 得分合计N。",
    (n: number) =>
      grid([["项目支出绩效自评表"], ["项目名称", "培训"]], [[], [`经自评，得分合计${n}。`]]),
    "A9",
  ],
])("%s", (_what, make, cell) => {
  test("a right total: no prompt", () => {
    const { forms } = score(make(100));
    expect(forms[0].form.printedTotal?.address).toBe(cell);
    expect(forms[0].result.total?.toString()).toBe("100");
    expect(forms[0].result.prompts).toEqual([]);
  });

  test("a wrong total: total-mismatch on its cell, whose text is never edited", () => {
    const g = make(95);
    const { forms, plan } = score(g);
    expect(forms[0].result.prompts.map((p) => `${p.kind}@${p.cell}`)).toEqual([
      `total-mismatch@${cell}`,
    ]);
    expect(forms[0].result.prompts[0].message).toContain("总分填写为 95，按规则计算为 100");
    const values = plan.edits.filter((e) => e.address === cell && e.set.value !== undefined);
    expect(values).toEqual([]);
  });
});
