/**
 * Issue 11 §4: the layout features and words the real-form corpus (test/corpus) showed, each on a
 * small grid of its own.
 */
import type { CellScalar } from "../../../src/engine/types";
import type { Grid } from "../../../src/form/grid";
import { scoreGrids } from "../../../src/form/pipeline";
import { recognizeSheet } from "../../../src/form/recognize";
import { correctForm, layoutForm } from "../../support/layouts";

const grid = (sheet: string, values: CellScalar[][]): Grid => ({
  sheet,
  origin: "A1",
  merges: [],
  values,
});

describe("words and layouts of the corpus forms", () => {
  test("全年完成值 is the actual's header (Hunan 县级专项资金 template)", () => {
    const g = grid("全年完成值", [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "得分"],
      ["产出指标", "数量指标", "储备到位率", "100%", "100%", 90, 90],
      ["总分", null, null, null, null, 90, 90],
    ]);
    const [form] = recognizeSheet(g).forms;
    expect(form.indicators).toHaveLength(1);
    expect(form.indicators[0].actual).toEqual({ address: "E2", value: "100%" });
  });

  test.each([
    ["大于等于", "≥"],
    ["小于等于", "≤"],
    ["等于", "="],
  ])(
    "指标方向 %s is the sign; 指标性质 正向 is not; one 计量单位 after the actual serves both",
    (words, sign) => {
      const g = grid("指标方向", [
        [
          "一级指标",
          "二级指标",
          "三级指标",
          "指标性质",
          "指标方向",
          "年度指标值",
          "实际完成值",
          "计量单位",
          "分值",
          "得分",
        ],
        ["产出指标", "数量指标", "租车次数", "正向", words, 1, 1, "次", 90, 90],
        ["总分", null, null, null, null, null, null, null, 90, 90],
      ]);
      const [form] = recognizeSheet(g).forms;
      expect(form.indicators[0].target).toEqual({ address: "F2", value: `${sign}1次` });
      expect(form.indicators[0].actual).toEqual({ address: "G2", value: "1次" });
    }
  );

  test("a unit column after the actual is not the target's when the target has its own", () => {
    const g = grid("两个单位", [
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "度量单位",
        "实际完成值",
        "度量单位",
        "分值",
        "得分",
      ],
      ["产出指标", "数量指标", "培训", 2, "期", 200, "人次", 90, 90],
    ]);
    const [form] = recognizeSheet(g).forms;
    expect(form.indicators[0].target?.value).toBe("2期");
    expect(form.indicators[0].actual?.value).toBe("200人次");
  });
});

describe("a two-row header with the level words on its lower row (Yunnan 2020)", () => {
  const g: Grid = {
    sheet: "两行表头",
    origin: "A1",
    merges: ["A1:C1", "D1:F1", "G1:G2", "H1:H2", "I1:I2"],
    values: [
      ["绩效指标", null, null, "年度指标值", null, null, "实际完成值", "分值", "得分"],
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
      ["产出指标", "数量指标", "补助经费", "﹦", 72890, "元", 72890, 90, 89],
      ["总分", null, null, null, null, null, null, 90, 89],
    ],
  };

  test("the fields merged down from the upper row are read: actual, weight, score", () => {
    const [form] = recognizeSheet(g).forms;
    expect(form.indicators).toHaveLength(1);
    const [r] = form.indicators;
    expect(r.target).toEqual({ address: "E3", value: "=72890元" });
    expect(r.actual).toEqual({ address: "G3", value: 72890 });
    expect(r.weight).toEqual({ address: "H3", value: 90 });
    expect(r.score).toEqual({ address: "I3", value: 89 });
  });
});

describe("printed rates on the budget's 其中 rows", () => {
  function withBudget(rows: CellScalar[][]): Grid {
    const g = layoutForm("预算", correctForm());
    const width = g.values[0].length;
    const pad = (r: CellScalar[]) => [...r, ...Array<CellScalar>(width - r.length).fill(null)];
    return { ...g, values: [...g.values.slice(0, 2), ...rows.map(pad), ...g.values.slice(4)] };
  }
  const prompts = (g: Grid) =>
    scoreGrids([g], [], { profile: "national" })[0].forms[0].result.prompts.map((p) => [
      p.kind,
      p.cell,
    ]);

  test("a 其中 row printing 0 for 38 of 40 gets rate-mismatch on its rate cell", () => {
    const g = withBudget([
      ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 100, 95, 10, 95, 9.5],
      ["其中：财政拨款", 60, 57, null, 95, null],
      ["其他资金", 40, 38, null, 0, null],
    ]);
    expect(prompts(g)).toEqual([["rate-mismatch", "E6"]]);
  });

  test("其中 rows whose rates agree, or print 0 for 0 of 0, get no prompt", () => {
    const g = withBudget([
      ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 100, 95, 10, "95%", 9.5],
      ["其中：财政拨款", 60, 57, null, "95.00%", null],
      ["其他资金", 0, 0, null, "0.00%", null],
      ["上年结转资金", 40, 38, null, 0.95, null],
    ]);
    expect(prompts(g)).toEqual([]);
  });
});

describe("template rows and level-1 cells of the Anhui template", () => {
  test("a placeholder label with '/' (指标1:/) and '/' cells is not an indicator; 指标1:租车次数 is", () => {
    const g = grid("占位", [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "指标1:租车次数", "≥1次", "1次", 90, 90],
      [null, "生态效益指标", "指标1:/", "/", "/", null, null],
      [null, null, "指标2：／", "—", "-", null, null],
      ["总分", null, null, null, null, 90, 90],
    ]);
    const [form] = recognizeSheet(g).forms;
    expect(form.indicators.map((r) => r.row)).toEqual([2]);
  });

  const weightOnly = (marks: readonly string[]) => {
    const f = correctForm();
    return layoutForm("一级分值", {
      ...f,
      indicators: f.indicators.map((r, i) => ({ ...r, level1: marks[i] })),
    });
  };
  const run = (g: Grid) => scoreGrids([g], [], { profile: "national" })[0].forms[0].result;

  test("level-1 cells printing only （50分） weight the group their level-2 names decide", () => {
    const r = run(weightOnly(["（50分）", "（50分）", "(30分)", "满意度指标（10分）"]));
    expect(r.prompts).toEqual([]);
    expect(r.total?.toString()).toBe("99.5");
    expect(r.grade).toBe("优");
  });

  test("a weight-only level-1 cell that its rows do not add up to still gets weight-sum", () => {
    const r = run(weightOnly(["（40分）", "（40分）", "(30分)", "（10分）"]));
    expect(r.prompts.map((p) => p.kind)).toContain("weight-sum");
  });
});

describe("two weighted blocks of one form, each under its own header row (Huanggang)", () => {
  const header = ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"];
  const blocks = (secondScore: number, between: CellScalar[][] = []): Grid => ({
    sheet: "两块",
    origin: "A1",
    merges: ["A2:A4", `A${5 + between.length}:A${7 + between.length}`],
    values: [
      ["2020年度项目绩效自评表"],
      ["年度绩效目标1(40分)", ...header],
      [null, "产出指标", "数量指标", "监测点数", "100%", "100%", 20],
      [null, null, "质量指标", "数据合格率", "98%", "98%", secondScore],
      ...between,
      ["年度绩效目标2(40分)", ...header],
      [null, "效益指标", "社会效益指标", "资料利用率", "100%", "100%", 30],
      [null, "满意度指标", "服务对象满意度指标", "满意度", "100%", "100%", 10],
      ["总分", null, null, null, null, null, 80],
    ],
  });
  const weightSums = (g: Grid) =>
    scoreGrids([g], [], { profile: "hubei" })[0]
      .forms[0].result.prompts.filter((p) => p.kind === "weight-sum")
      .map((p) => p.cell);

  test("are one form with the rows of both blocks", () => {
    const { forms } = recognizeSheet(blocks(20));
    expect(forms).toHaveLength(1);
    expect(forms[0].indicators.map((r) => r.row)).toEqual([3, 4, 6, 7]);
    expect(forms[0].indicators.map((r) => r.block?.address)).toEqual(["A2", "A2", "A5", "A5"]);
  });

  test("implied weights that miss a block's weight: weight-sum on that block's cell", () => {
    expect(weightSums(blocks(20))).toEqual([]);
    expect(weightSums(blocks(19))).toEqual(["A2"]);
    // issue 24: 19.6 is not a round number, so no implied weight: the row takes the rest (20) and
    // its 19.6 is a score-mismatch, not a weight-sum
    expect(weightSums(blocks(19.6))).toEqual([]);
    const kinds = scoreGrids([blocks(19.6)], [], {
      profile: "hubei",
    })[0].forms[0].result.prompts.map((p) => `${p.kind}@${p.cell}`);
    expect(kinds).toContain("score-mismatch@G4");
  });

  test("a title between the blocks starts a second form", () => {
    const { forms } = recognizeSheet(blocks(20, [["2021年度项目绩效自评表"]]));
    expect(forms).toHaveLength(2);
  });
});
