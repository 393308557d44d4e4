/**
 * Issue 24 (domain §9): budget amounts printed as row labels with the amount beside them
 * (转移支付预算数(A) | 208, 执行数(B) | 109.8; 年度金额, 资金使用情况 / 已使用), and a total row printing
 * no amount while its 其中 rows do: each amount is the 其中 rows' sum, separately for 预算数 and 执行数.
 */
import type { CellScalar } from "../../../src/engine/types";
import type { Grid } from "../../../src/form/grid";
import { scoreGrids } from "../../../src/form/pipeline";

const grid = (values: CellScalar[][]): Grid => ({
  sheet: "预算",
  origin: "A1",
  merges: [],
  values: values.map((r) => [...r, ...Array<CellScalar>(8 - r.length).fill(null)]),
});
const TABLE: CellScalar[][] = [
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
  ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 50, 50, null],
  ["效益指标", "社会效益指标", "受益群众", "≥500人", "520人", 40, 40, null],
];
const scored = (budget: CellScalar[][]) =>
  scoreGrids([grid([["项目支出绩效自评表"], ["项目名称", "培训"], ...budget, ...TABLE])], [], {
    profile: "national",
  })[0].forms[0];

describe("budget amounts as row labels", () => {
  test("转移支付预算数(A) | 208 over 执行数(B) | 109.8", () => {
    const { form, result } = scored([
      ["项目资金（万元）", "转移支付预算数(A)", 208, null, null],
      [null, "执行数(B)", 109.8, null, null],
    ]);
    expect(form.budget?.rows).toHaveLength(1);
    expect(form.budget?.rows[0].annual).toEqual({ address: "C3", value: 208 });
    expect(form.budget?.rows[0].executed).toEqual({ address: "C4", value: 109.8 });
    expect(result.budget?.rate?.toFixed(4)).toBe("0.5279");
    expect(form.unread).toBeUndefined();
  });

  test.each([
    ["年度金额", "资金使用情况"],
    ["年度金额", "已使用"],
    ["预算数：", "执行数："],
    ["全年预算数（万元）", "全年执行数（万元）"],
  ])("%s | 100 | %s | 80 on one line, 执行率 | 80% beside", (annual, executed) => {
    const { form, result } = scored([[annual, 100, executed, 80, "执行率", "80%"]]);
    expect(form.budget?.rows[0].annual).toEqual({ address: "B3", value: 100 });
    expect(form.budget?.rows[0].executed).toEqual({ address: "D3", value: 80 });
    expect(result.budget?.rate?.toString()).toBe("0.8");
  });

  test("年初预算数 beside its amount stays the initial budget", () => {
    const { form } = scored([["年初预算数", 90, "全年预算数", 100, "全年执行数", 95]]);
    expect(form.budget?.rows[0].initial?.value).toBe(90);
    expect(form.budget?.rows[0].annual?.value).toBe(100);
  });
});

describe("a total row printing no amount: the 其中 rows' sum, per amount", () => {
  const HEAD = ["项目资金（万元）", "全年预算数", "全年执行数", "执行率"];
  test.each(["中央补助", "省级补助", "自治区补助", "市县资金", "本级资金"])(
    "合计 empty over %s and 其他资金",
    (part) => {
      const { form, result } = scored([
        HEAD,
        ["合计", null, null, null],
        [`其中：${part}`, 60, 50, null],
        ["其他资金", 40, 30, null],
      ]);
      expect(form.budget?.rows[0].annual).toEqual({ address: "B4", value: "100" });
      expect(form.budget?.rows[0].executed).toEqual({ address: "C4", value: "80" });
      expect(result.budget?.rate?.toString()).toBe("0.8");
      expect(result.budget?.explain).toContain(`按其中各行（其中：${part}、其他资金）合计`);
    }
  );

  test("合计 printing its 预算数 but not its 执行数 takes only the 执行数 sum", () => {
    const { form, result } = scored([
      HEAD,
      ["合计", 100, null, null],
      ["其中：中央补助", 60, 50, null],
      ["本级资金", 40, 30, null],
    ]);
    expect(form.budget?.rows[0].annual).toEqual({ address: "B4", value: 100 });
    expect(form.budget?.rows[0].executed).toEqual({ address: "C4", value: "80" });
    expect(result.budget?.rate?.toString()).toBe("0.8");
    expect(form.budget?.note).toBe(
      "合计未填金额，按其中各行（其中：中央补助、本级资金）合计：执行数 80"
    );
    expect(result.prompts.filter((p) => p.kind === "missing-value")).toEqual([]);
  });
});
