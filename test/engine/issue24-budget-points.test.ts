/**
 * Issue 24, §9: a budget block without points (no 分值 / 得分 in the block, no （N分） on its header).
 * Indicator weights adding up to 100: the budget carries no points, its rate is still computed and
 * low execution still prompts; adding up to 100 less the profile's budget weight: the budget takes it.
 */
import { PROFILES, scoreForm } from "../../src/engine";
import type { FormResult } from "../../src/engine/types";
import { buildForm, type FormSpec } from "../support/build";
import { s } from "../support/score";

const rows = (a: string, b: string): FormSpec["rows"] => [
  { target: "≥10个", actual: "10个", weight: a, score: a },
  { target: "≥10个", actual: "10个", weight: b, score: b },
];
const run = (budget: FormSpec["budget"], r: FormSpec["rows"], total?: string): FormResult =>
  scoreForm(buildForm({ budget, rows: r, total }), PROFILES.national);
const cells = (r: FormResult) => r.prompts.map((p) => `${p.kind}@${p.cell}`);

describe("a budget block without points", () => {
  test("indicators add up to 100: no budget points, total 100, no weight-sum; the rate is shown", () => {
    const r = run({ annual: "100", executed: "95" }, rows("60", "40"), "100");
    expect(s(r.budget?.rate)).toBe("0.95");
    expect(s(r.budget?.weight)).toBe("0");
    expect(s(r.total)).toBe("100");
    expect(cells(r)).toEqual([]);
    expect(r.budget?.explain).toContain("预算执行不计分");
  });

  test("low execution still prompts where the budget carries no points", () => {
    const r = run({ annual: "100", executed: "50" }, rows("60", "40"));
    expect(cells(r)).toEqual(["budget-low-execution@G5"]);
    expect(s(r.total)).toBe("100");
  });

  test("negative: indicators add up to 90: the budget takes the profile's 10", () => {
    const r = run({ annual: "100", executed: "95" }, rows("50", "40"));
    expect(s(r.budget?.weight)).toBe("10");
    expect(s(r.total)).toBe("99.5");
    expect(cells(r)).toEqual([]);
  });

  test("negative: a block printing its 分值 with indicators at 100 is weights over 100, as before", () => {
    const r = run({ annual: "100", executed: "95", weight: "10", score: "9.5" }, rows("60", "40"));
    expect(cells(r)).toEqual(["weight-sum@B8"]);
    expect(r.total).toBeNull();
  });
});

describe("a 预算执行率 row among the indicators", () => {
  const withRateRow = (actual: string, score: string): FormSpec["rows"] => [
    {
      level2: "质量指标",
      name: "预算执行率",
      target: "100%",
      actual,
      weight: "10",
      score,
      reason: "说明",
    },
    { target: "≥10个", actual: "10个", weight: "90", score: "90" },
  ];
  test("is the budget's score where the block prints no points: 10 × 95% = 9.5, total 99.5", () => {
    const r = run({ annual: "100", executed: "95" }, withRateRow("95%", "9.5"), "99.5");
    expect(r.indicators[0].method).toBe("positive");
    expect(s(r.indicators[0].value)).toBe("9.5");
    expect(s(r.budget?.weight)).toBe("0");
    expect(s(r.total)).toBe("99.5");
    expect(cells(r)).toEqual([]);
  });
  test("its printed rate is checked against the block's: 98% written for 95%", () => {
    const r = run({ annual: "100", executed: "95" }, withRateRow("98%", "9.8"));
    expect(cells(r)).toEqual(["score-mismatch@I8", "rate-mismatch@F8"]);
    expect(s(r.indicators[0].value)).toBe("9.5");
  });
  test("negative: where the block prints its own 分值 / 得分 the row is an ordinary indicator", () => {
    const r = run({ annual: "100", executed: "95", weight: "10", score: "9.5" }, [
      {
        level2: "质量指标",
        name: "预算执行率",
        target: "≥90%",
        actual: "95%",
        weight: "10",
        score: "10",
      },
      { target: "≥10个", actual: "10个", weight: "80", score: "80" },
    ]);
    expect(s(r.indicators[0].value)).toBe("10");
    expect(r.indicators[0].explain).not.toContain("按预算表执行率计分");
    expect(cells(r)).toEqual([]);
  });
});
