/**
 * `reason-inconsistent` (domain §4, issue 24): a reason or actual that states a completion or
 * execution percentage, or the row's actual amount, differently from the row's own numbers; a
 * reason naming another project of the workbook. Every positive has its negatives: a figure about
 * something else, a target, a bound, a part, within tolerance.
 */
import { PROFILES, scoreForm, scoreWorkbook } from "../../src/engine";
import type { Form } from "../../src/engine/types";
import { buildForm, type RowSpec } from "../support/build";
import { scoreSeed } from "../support/score";

const national = PROFILES.national;
const budget = { annual: "30", executed: "20.5", weight: "10", score: "6.83" };
const at = (rows: RowSpec[], extra: Partial<Parameters<typeof buildForm>[0]> = {}) =>
  scoreForm(buildForm({ budget, rows, ...extra }), national)
    .prompts.filter((p) => p.kind === "reason-inconsistent")
    .map((p) => `${p.cell} ${p.message}`);
const met = { target: "≥30人", actual: "30人", weight: "90", score: "90" };
const short = { target: "≥30人", actual: "23人", weight: "90", score: "69", reason: "" };

describe("a stated completion percentage against the row's numbers", () => {
  test("positive: 完成率 76.67% on a row computed at 100% (the reason cell named)", () => {
    expect(at([{ ...met, reason: "因疫情影响，完成率76.67%。" }])).toEqual([
      "K8 Sheet1!K8 偏差原因写明完成率 76.67%，而本行目标与实际值计算为 100.00%，请核对",
    ]);
  });

  test("positive: 完成了100% on a row short of its target; the actual's own text too", () => {
    expect(at([{ ...short, reason: "已完成了100%" }])).toEqual([
      "K8 Sheet1!K8 偏差原因写明完成率 100%，而本行目标与实际值计算为 76.67%，请核对",
    ]);
    expect(at([{ ...short, actual: "23人，完成了100%", reason: "人员变动" }])).toEqual([
      "F8 Sheet1!F8 实际完成值写明完成率 100%，而本行目标与实际值计算为 76.67%，请核对",
    ]);
  });

  test("negative: within one percentage point, the printed rate, the raw ratio of an overshoot", () => {
    expect(at([{ ...short, reason: "人员变动，完成率76%" }])).toEqual([]);
    expect(at([{ ...short, reason: "完成率为77.5%，人员变动" }])).toEqual([]);
    expect(at([{ ...met, actual: "36人", reason: "需求增加，完成率120%" }])).toEqual([]);
  });

  test("negative: a percentage about something else, a target, a bound, a part, a negation, another year", () => {
    for (const reason of [
      "群众满意度95%",
      "要求完成率达到90%",
      "完成率90%以上",
      "其中一期完成60%",
      "未完成20%",
      "上年完成率80%",
      "计划完成50%，实际已全部完成",
      "合格率98%",
      "超额完成20%",
      "同比完成率提高5%",
    ])
      expect({ reason, got: at([{ ...met, reason }]) }).toEqual({ reason, got: [] });
  });

  test("negative: a percentage equal to the row's own target or actual value", () => {
    // 003#7: ≥98% → 100%, reason 实际维保完成率为98%: the target's own figure
    expect(
      at([
        {
          target: "≥98%",
          actual: "100%",
          weight: "90",
          score: "90",
          reason: "实际维保完成率为98%",
        },
      ])
    ).toEqual([]);
    // 002#7 F10: 完成90.28% against ≥90% is the actual value itself
    expect(at([{ target: "≥90%", actual: "完成90.28%", weight: "90", score: "90" }])).toEqual([]);
  });

  test("negative: a judged row (words) has no numbers to contradict", () => {
    expect(
      at([
        {
          level1: "效益指标",
          level2: "社会效益指标",
          target: "有效提升",
          actual: "较好完成",
          weight: "90",
          score: "85",
          reason: "完成80%",
        },
      ])
    ).toEqual([]);
  });
});

describe("a stated execution rate against the budget block", () => {
  test("positive: 执行率 60% where the block gives 68.33%; on the form-level reason cell too", () => {
    expect(at([{ ...met, reason: "资金执行率仅为60%，因中标价低" }])).toEqual([
      "K8 Sheet1!K8 偏差原因写明资金执行率 60%，而预算执行率为 68.33%（20.5 ÷ 30），请核对",
    ]);
    expect(at([met], { formReason: "预算执行率60%，中标价低于预算" })).toEqual([
      "C10 Sheet1!C10 原因说明写明预算执行率 60%，而预算执行率为 68.33%（20.5 ÷ 30），请核对",
    ]);
  });

  test("negative: the same rate, within a point, or a target rate", () => {
    expect(at([{ ...met, reason: "预算执行率68.33%，中标价低" }])).toEqual([]);
    expect(at([{ ...met, reason: "执行率68%" }])).toEqual([]);
    expect(at([met], { formReason: "要求预算执行率达到90%，实际因中标价低未达到" })).toEqual([]);
  });
});

describe("a stated actual amount against the row's actual", () => {
  const cost = { level2: "成本指标", target: "≤90万元", weight: "90", score: "90" };
  test("positive: 实际支出 80万元 where the row's actual is 89.974万元", () => {
    expect(at([{ ...cost, actual: "89.974万元", reason: "实际支出80万元，节约资金" }])).toEqual([
      "K8 Sheet1!K8 偏差原因写明实际支出 80万元，而本行实际完成值为 89.974万元，请核对",
    ]);
  });
  test("negative: 89.97万元 for 89.974 agrees (half a unit of the last decimal either side); 元 for 万元", () => {
    expect(at([{ ...cost, actual: "89.974万元", reason: "实际支出89.97万元，节约资金" }])).toEqual(
      []
    );
    expect(at([{ ...cost, actual: "89.974万元", reason: "实际支出899740元" }])).toEqual([]);
    expect(at([{ ...cost, actual: "89.974万元", reason: "计划实际支出80万元" }])).toEqual([]);
  });
});

describe("a reason naming another project of the workbook", () => {
  const form = (sheet: string, project: string, reason: string): Form => {
    const f = buildForm({ sheet, budget, rows: [{ ...met, reason }] });
    return { ...f, project: { address: "B2", value: project } };
  };
  test("positive: the other project's name and not its own", () => {
    const [a] = scoreWorkbook(
      [
        form("A", "两会新媒体宣传", "新媒体平台线上线下推广项目资金调整"),
        form("B", "新媒体平台线上线下推广", ""),
      ],
      { profile: "national" }
    );
    expect(a.prompts.filter((p) => p.kind === "reason-inconsistent").map((p) => p.cell)).toEqual([
      "K8",
    ]);
  });
  test("negative: its own name too, a name inside its own, a short name, a lone form", () => {
    const run = (forms: Form[]) =>
      scoreWorkbook(forms, { profile: "national" })[0].prompts.filter(
        (p) => p.kind === "reason-inconsistent"
      );
    expect(
      run([
        form("A", "两会新媒体宣传", "两会新媒体宣传与新媒体平台线上线下推广合并实施"),
        form("B", "新媒体平台线上线下推广", ""),
      ])
    ).toEqual([]);
    expect(
      run([
        form("A", "2021年度新媒体宣传项目", "新媒体宣传项目资金调整"),
        form("B", "新媒体宣传项目", ""),
      ])
    ).toEqual([]);
    expect(run([form("A", "两会新媒体宣传", "办公经费不足"), form("B", "办公经费", "")])).toEqual(
      []
    );
    expect(run([form("A", "两会新媒体宣传", "新媒体平台线上线下推广项目资金调整")])).toEqual([]);
  });
  test("002#0: the form-level reason tells another form's story (80万元 → 90万元 of 新媒体平台线上线下推广)", () => {
    const r = scoreSeed("002#0");
    expect(r.prompts.filter((p) => p.kind === "reason-inconsistent").map((p) => p.cell)).toEqual([
      "C18",
    ]);
  });
});
