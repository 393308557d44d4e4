/**
 * Issue 24, §9: the common framework's groups (项目决策, 项目过程/项目管理, 项目产出, 项目效益; 决策,
 * 过程) are level-1 groups; their rows with an empty target and a sentence actual are the
 * accountant's (typed score kept, no missing-value). Positives and negatives per cell.
 */
import { PROFILES, scoreForm } from "../../src/engine";
import { canonicalLevel1 } from "../../src/engine/groups";
import { buildForm, type RowSpec } from "../support/build";
import { s } from "../support/score";

const budget = { annual: "100", executed: "100", weight: "10", score: "10" };
const run = (rows: RowSpec[]) => scoreForm(buildForm({ budget, rows }), PROFILES.national);
const cells = (r: ReturnType<typeof run>) => r.prompts.map((p) => `${p.kind}@${p.cell}`);

describe("framework groups", () => {
  test("canonical level-1 names", () => {
    expect(
      [
        "项目决策（20分）",
        "决策",
        "项目过程",
        "项目管理",
        "过程",
        "项目产出",
        "项目效益",
        "产出",
        "效益",
      ].map(canonicalLevel1)
    ).toEqual([
      "项目决策",
      "项目决策",
      "项目过程",
      "项目过程",
      "项目过程",
      "产出指标",
      "效益指标",
      "产出指标",
      "效益指标",
    ]);
    expect(canonicalLevel1("管理")).toBe("其他");
  });

  test("a decision row with no target and a sentence actual is manual, its typed score kept, no prompt", () => {
    const r = run([
      {
        level1: "项目决策",
        level2: "项目立项",
        name: "立项依据充分性",
        target: "",
        actual: "项目立项符合国家法律法规和部门职责",
        weight: "10",
        score: "9",
      },
      {
        level1: "项目过程",
        level2: "资金管理",
        name: "资金到位率",
        target: "100%",
        actual: "100%",
        weight: "10",
        score: "10",
      },
      {
        level1: "项目产出",
        level2: "数量指标",
        name: "培训人数",
        target: "≥100人",
        actual: "120人",
        weight: "70",
        score: "70",
      },
    ]);
    expect(r.indicators.map((i) => i.method)).toEqual(["manual", "positive", "positive"]);
    expect(s(r.indicators[0].value)).toBe("9");
    expect(cells(r)).toEqual([]);
    expect(s(r.total)).toBe("99");
  });

  test("negative: an empty target under an ordinary 产出指标 still owes the value; an empty actual too", () => {
    expect(
      cells(
        run([{ level1: "产出指标", target: "", actual: "完成培训工作", weight: "90", score: "90" }])
      )
    ).toEqual(["missing-value@E8"]);
    expect(
      cells(run([{ level1: "项目决策", target: "", actual: "", weight: "90", score: "90" }]))
    ).toContain("missing-value@F8");
  });

  test("two framework groups with printed weights are two groups, not one 其他", () => {
    const r = run([
      {
        level1: "项目决策（10分）",
        level2: "项目立项",
        target: "",
        actual: "立项程序规范",
        score: "10",
      },
      {
        level1: "项目过程（10分）",
        level2: "资金管理",
        target: "100%",
        actual: "100%",
        score: "10",
      },
      {
        level1: "项目产出（70分）",
        level2: "数量指标",
        target: "≥100人",
        actual: "120人",
        score: "70",
      },
    ]);
    expect(r.indicators.map((i) => s(i.weight))).toEqual(["10", "10", "70"]);
    expect(cells(r)).toEqual([]);
  });
});
