/**
 * `reason-inconsistent` on the 年度总体目标完成情况 text (domain §4, issue 24): 全年预算数, 全年执行数
 * and 执行率 stated differently from the budget block; and recognition finding that text on real
 * forms (the common layout 年度总体目标 | 预期目标 | 实际完成情况, the text under the last).
 */
import { PROFILES, scoreForm } from "../../src/engine";
import { recognizeSheet } from "../../src/form/recognize";
import { readWorkbookGrids } from "../../src/host/xlsx/read";
import { buildCorpusWorkbook } from "../corpus/build";
import { CORPUS } from "../corpus/forms";
import { buildForm } from "../support/build";
import { scoreSeed } from "../support/score";

const budget = { annual: "8597.83", executed: "7973.18", weight: "10", score: "10" };
const row = { target: "≥30人", actual: "30人", weight: "90", score: "90" };
const goal = (report: string): string[] => {
  const form = {
    ...buildForm({ budget, rows: [row] }),
    goalReport: { address: "C6", value: report },
  };
  return scoreForm(form, PROFILES.national)
    .prompts.filter((p) => p.kind === "reason-inconsistent")
    .map((p) => p.message);
};

describe("the goals' completion text against the budget block", () => {
  test("003#0: 全年执行数 7974.18万元 in the text, 7973.18 in the block (the 其中 rows add up to 7973.18)", () => {
    const r = scoreSeed("003#0");
    expect(r.prompts.filter((p) => p.kind === "reason-inconsistent").map((p) => p.message)).toEqual(
      [
        "003#0!C9 年度总体目标完成情况写明全年执行数 7974.18万元，而预算执行情况中为 7973.18万元，请核对",
      ]
    );
  });

  test("positive: a 全年预算数, and an 执行率 off by more than a point", () => {
    expect(goal("全年预算数为8600万元，执行率92.73%")).toEqual([
      "Sheet1!C6 年度总体目标完成情况写明全年预算数 8600万元，而预算执行情况中为 8597.83万元，请核对",
    ]);
    expect(goal("全年预算数为8597.83万元，执行率为90%")).toEqual([
      "Sheet1!C6 年度总体目标完成情况写明执行率 90%，而预算执行率为 92.73%（7973.18 ÷ 8597.83），请核对",
    ]);
  });

  test("negative: the same figures, rounded as printed, in 元, 完成预算资金 as money spent, another year, a plan", () => {
    for (const report of [
      "2024年本单位全年预算数为8597.83万元，全年执行数为7973.18万元，总预算执行率为92.73%。",
      "全年预算8598万元，执行数7973万元，执行率93%",
      "全年预算数85978300元",
      "本项目共完成预算资金7973.18万元",
      "上年预算数为5000万元，本年全年执行数7973.18万元",
      "计划执行率100%，实际执行率92.74%",
      "完成各项工作，群众满意度95%",
    ])
      expect({ report, got: goal(report) }).toEqual({ report, got: [] });
  });
});

describe("recognition finds the text on real forms", () => {
  test("under 实际完成情况; a form without one has none", async () => {
    const found = new Map<string, string | undefined>();
    for (const form of CORPUS) {
      const { grids } = await readWorkbookGrids(await buildCorpusWorkbook(form), {
        name: `${form.id}.xlsx`,
      });
      const f = recognizeSheet(grids.find((g) => g.sheet === form.sheet) ?? grids[0]).forms[0];
      found.set(form.id, f?.goalReport?.address);
    }
    expect(found.get("ah-tianchang-2022")).toBe("F11");
    expect(found.get("ah-chizhou-2022")).toBe("F12");
    expect(found.get("hb-langfang-2019")).toBe("F12");
    expect(found.get("hb-huanggang-2020")).toBeUndefined();
  });
});
