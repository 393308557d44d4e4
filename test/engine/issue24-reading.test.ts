/**
 * Issue 24, §2/§3/§9 additions, per cell, positives and negatives: sign words (大于/小于…), a bare
 * target taking the actual's unit, a bare month against a deadline, 100% against a words or deadline
 * target, coverage rates not negative by name, achievement words, same text with a typed score in
 * the band, a printed score checked against the unrounded value.
 */
import { PROFILES, scoreForm } from "../../src/engine";
import type { FormResult } from "../../src/engine/types";
import { buildForm, type RowSpec } from "../support/build";
import { s } from "../support/score";

const budget = { annual: "100", executed: "100", weight: "10", score: "10" };
const one = (row: RowSpec): FormResult =>
  scoreForm(
    buildForm({ budget, rows: [{ weight: "90", reason: "说明", ...row }] }),
    PROFILES.national
  );
const cells = (r: FormResult): string[] => r.prompts.map((p) => `${p.kind}@${p.cell}`);
const words = { level1: "效益指标", level2: "社会效益指标" };

describe("§2 sign words", () => {
  test.each([
    ["大于5次", "6次", "positive", "90"],
    ["高于90%", "95%", "positive", "90"],
    ["多于3场", "2场", "positive", "60"],
    ["小于5次", "5次", "negative", "90"],
    ["低于5%", "6%", "negative", "72"],
    ["少于3起", "2起", "negative", "90"],
  ])("%s → %s: %s, %s", (target, actual, method, score) => {
    const r = one({ target, actual });
    expect(r.indicators[0].method).toBe(method);
    expect(s(r.indicators[0].score)).toBe(score);
  });
});

describe("§2 a bare target takes the actual's unit; a bare month against a deadline", () => {
  test("200 against 200余人 is 200人, ratio 1, no prompt", () => {
    const r = one({ target: "200", actual: "200余人", score: "90" });
    expect(s(r.indicators[0].ratio)).toBe("1");
    expect(cells(r)).toEqual([]);
  });
  test("10月 against 11月底前 is on time; 12月 is late (部分达成, deadline-missed)", () => {
    const onTime = one({ level2: "时效指标", target: "11月底前", actual: "10月", score: "90" });
    expect(onTime.indicators[0].level).toBe("achieved");
    expect(cells(onTime)).toEqual([]);
    const late = one({ level2: "时效指标", target: "11月底前", actual: "12月", score: "63" });
    expect(late.indicators[0].level).toBe("partial");
    expect(cells(late)).toEqual(["deadline-missed@F8"]);
  });
  test("negative: a duration in months is not a month of the year (≥6个月 → 8个月 stays a count)", () => {
    const r = one({ target: "≥6个月", actual: "8个月", score: "90" });
    expect(r.indicators[0].method).toBe("positive");
  });
});

describe("§2 a completion of 100% against a words or deadline target", () => {
  test("100% against 有效提升 and against 2023年12月31日前 is achieved; the typed full score is kept", () => {
    for (const target of ["有效提升", "2023年12月31日前"]) {
      const r = one({ ...words, target, actual: "100%", score: "90" });
      expect({ target, level: r.indicators[0].level, prompts: cells(r) }).toEqual({
        target,
        level: "achieved",
        prompts: [],
      });
    }
  });
  test("80% against a words target is judged by its ratio: 部分达成 (a typed 90 is outside the band)", () => {
    const r = one({ ...words, name: "项目推进", target: "有效提升", actual: "80%", score: "90" });
    expect(r.indicators[0].level).toBe("partial");
    expect(cells(r)).toEqual(["score-mismatch@I8"]);
  });
  test("negative: 95% on a satisfaction or rate row against words is its value, the typed score kept", () => {
    for (const name of ["群众满意度", "设备完好率"]) {
      const r = one({ ...words, name, target: "满意", actual: "95%", score: "90" });
      expect({ name, method: r.indicators[0].method, prompts: cells(r) }).toEqual({
        name,
        method: "manual",
        prompts: [],
      });
    }
  });
});

describe("§3 step 5: coverage and timeliness rates are not negative by name", () => {
  test.each([
    "经费足额拨付率",
    "资金到位率",
    "经费保障率",
    "成本核算率",
    "预算执行率",
    "政策覆盖率",
  ])("%s ≥ 95% → 98%: positive, full", (name) => {
    const r = one({ level2: "质量指标", name, target: "95%", actual: "98%", score: "90" });
    expect(r.indicators[0].method).toBe("positive");
    expect(cells(r)).toEqual([]);
  });
  test.each([
    "数据错误率",
    "账务差错率",
    "设备故障率",
    "安全事故发生率",
    "群众投诉率",
    "交通事故率",
  ])("%s 5% → 3%: stays negative", (name) => {
    const r = one({ level2: "质量指标", name, target: "5%", actual: "3%", score: "90" });
    expect(r.indicators[0].method).toBe("negative");
  });
  test("negative: an 经费 name with a money target stays negative", () => {
    const r = one({
      level2: "质量指标",
      name: "培训经费",
      target: "10万元",
      actual: "9万元",
      score: "90",
    });
    expect(r.indicators[0].method).toBe("negative");
  });
});

describe("§9 achievement words and same text", () => {
  test.each([
    "有利于本地经济发展",
    "全天候保障",
    "已实现数据共享",
    "已完成全部任务",
    "效果显著",
    "运行良好",
  ])("%s against a words target is 达成; a typed full score is kept", (actual) => {
    const r = one({ ...words, target: "促进发展", actual, score: "90" });
    expect(r.indicators[0].level).toBe("achieved");
    expect(cells(r)).toEqual([]);
  });
  test("negative: 未实现 is not achieved", () => {
    expect(
      one({ ...words, target: "促进发展", actual: "未实现数据共享", score: "30" }).indicators[0]
        .level
    ).toBe("failed");
  });
  test("same text on a words target with 85 of 90 typed (inside 达成): kept, no prompt; 70 is outside", () => {
    const kept = one({ ...words, target: "有效提升", actual: "有效提升", score: "85" });
    expect(s(kept.indicators[0].value)).toBe("85");
    expect(cells(kept)).toEqual([]);
    expect(cells(one({ ...words, target: "有效提升", actual: "有效提升", score: "70" }))).toEqual([
      "score-mismatch@I8",
    ]);
  });
});

describe("§9 agreement against the unrounded computed value", () => {
  test("2.16 printed for 2.1548 agrees, and the note says so; 2.14 does not", () => {
    const r = scoreForm(
      buildForm({
        budget,
        rows: [
          { target: "≥10000人", actual: "4788.44人", weight: "4.5", score: "2.16", reason: "说明" },
          { target: "≥1个", actual: "1个", weight: "85.5", score: "85.5" },
        ],
      }),
      PROFILES.national
    );
    expect(s(r.indicators[0].value)).toBe("2.16");
    expect(r.indicators[0].explain).toContain(
      "填报得分 2.16 与未舍入的计算值 2.1548 相差不到 0.01，一致"
    );
    expect(cells(r)).toEqual([]);
    const wrong = scoreForm(
      buildForm({
        budget,
        rows: [
          { target: "≥10000人", actual: "4788.44人", weight: "4.5", score: "2.14", reason: "说明" },
          { target: "≥1个", actual: "1个", weight: "85.5", score: "85.5" },
        ],
      }),
      PROFILES.national
    );
    expect(cells(wrong)).toEqual(["score-mismatch@I8"]);
  });
});
