/**
 * Issue 11 §2 and §3: the prompts that must go and the gaps, each on the seed table the issue
 * names (test/support/seeds.ts builds engine Forms from the seed extraction) or, where no seed
 * shows it, on a small form. Expectations follow ../shared/domain.md as revised.
 */
import { PROFILES, scoreForm } from "../../src/engine";
import type { Form } from "../../src/engine/types";
import { buildForm } from "../support/build";
import { kinds, s, scoreSeed } from "../support/score";

const national = PROFILES.national;
const budget = { annual: "100", executed: "100", weight: "10", score: "10" };
const at = (r: { prompts: readonly { kind: string; cell: string }[] }): string[] =>
  r.prompts.map((p) => `${p.kind}@${p.cell}`);
const row = (id: string, n: number) => {
  const r = scoreSeed(id);
  const ind = r.indicators.find((i) => i.row === n);
  if (!ind) throw new Error(`${id} has no row ${n}`);
  return { r, ind, here: r.prompts.filter((p) => Number(/\d+$/.exec(p.cell)?.[0]) === n) };
};

/** A seed form with its budget score cell replaced. */
const budgetScore =
  (value: string) =>
  (f: Form): Form => ({
    ...f,
    budget: f.budget && {
      ...f.budget,
      rows: f.budget.rows.map((b, i) =>
        i === 0 && b.score ? { ...b, score: { ...b.score, value } } : b
      ),
    },
  });

describe("issue 11 §2: prompts that must go", () => {
  test("low execution with a written reason: quoted in the budget's explanation (002#3 form-level, 000#0 mirror row, 004#4 a row speaking of the tender)", () => {
    for (const id of ["002#3", "002#4", "002#6", "000#0", "000#2", "000#4", "004#4"]) {
      const r = scoreSeed(id);
      expect({ id, k: kinds(r) }).toEqual({ id, k: [] });
      expect(r.budget?.explain).toContain("已说明原因：“");
    }
    // a reason that does not speak of the money does not explain it (004#3: 临时过渡, 满意度有提高空间)
    expect(kinds(scoreSeed("004#3"))).toContain("budget-low-execution");
  });

  test("interchangeable measure words (003#0 ≥1000篇 → 1060条): scored, 按 篇=条 计算 in the explanation, no prompt", () => {
    const { ind, here } = row("003#0", 16);
    expect(ind.method).toBe("positive");
    expect(s(ind.score)).toBe("10");
    expect(ind.explain).toContain("按 篇=条 计算");
    expect(here).toEqual([]);
  });

  test("an actual stating its own completion (004#1 达成预期目标80% against 大于1万): 5 × 80% = 4, right", () => {
    const { ind, here } = row("004#1", 15);
    expect(ind.method).toBe("positive");
    expect(s(ind.score)).toBe("4");
    expect(s(ind.value)).toBe("4");
    expect(ind.explain).toContain("实际写明完成比例 80%");
    expect(here.map((p) => p.kind)).toEqual([]);
    // 完成率95% and 完成目标的80% read the same way; against a percentage target it is a plain percentage
    const f = scoreForm(
      buildForm({
        budget,
        rows: [
          { target: "12期", actual: "完成率95%", weight: "30", score: "28.5", reason: "疫情" },
          {
            target: "有所提升",
            actual: "完成目标的80%",
            weight: "30",
            score: "24",
            reason: "疫情",
          },
          { target: "≥90%", actual: "完成率95%", weight: "30", score: "30" },
        ],
      }),
      national
    );
    expect(f.indicators.map((i) => s(i.score))).toEqual(["28.5", "24", "30"]);
    expect(kinds(f)).toEqual([]);
  });

  test("Beijing overshoot below 200% is not prompted (004#5 F17 200%, F24 250% of the target); 500% still is (F14, F25)", () => {
    const r = scoreSeed("004#5");
    const overshoots = r.prompts.filter((p) => p.kind === "overshoot").map((p) => p.cell);
    expect(overshoots).toEqual(["F14", "F25"]);
    expect(PROFILES.beijing.overshootPrompt).toBe("2");
    expect(PROFILES.national.overshootPrompt).toBe("1");
  });

  test("a score typed within the weight on a qualitative row is kept (004#12 F18 有很强的持续影响力: 很强 is achieved)", () => {
    const { ind, here } = row("004#12", 18);
    expect(ind.level).toBe("achieved");
    expect(s(ind.value)).toBe("9");
    expect(here).toEqual([]);
    for (const word of ["很强", "较强", "增强"]) {
      const f = scoreForm(
        buildForm({
          budget,
          rows: [
            {
              level1: "效益指标",
              level2: "社会效益指标",
              target: "提升",
              actual: `影响力${word}`,
              weight: "90",
              score: "90",
            },
          ],
        }),
        national
      );
      expect(f.indicators[0].level).toBe("achieved");
      expect(kinds(f)).toEqual([]);
    }
  });

  test("a budget score that follows from its printed rate, where that rate agrees, is right (1.75 ÷ 2 printed 87.43% and 8.74)", () => {
    const r = scoreSeed("004#12", {}, budgetScore("8.74"));
    expect(s(r.budget?.rateValue)).toBe("0.8743");
    expect(s(r.budget?.value)).toBe("8.74");
    expect(s(r.budget?.score)).toBe("8.75");
    expect(r.budget?.explain).toContain("8.75");
    expect(r.budget?.explain).toContain("按所填执行率 87.43% 计算");
    expect(r.prompts.filter((p) => p.cell === r.budget?.cell)).toEqual([]);
    // 004#12 prints 8 there, which is wrong either way
    expect(at(scoreSeed("004#12"))).toContain("score-mismatch@H5");
  });

  test("a row score that follows from its printed 完成率 (agreeing) is right; one that follows from neither is not", () => {
    const rows = (score: string) => [
      { target: "≥16套", actual: "15套", rate: "94%", weight: "90", score, reason: "采购延后" },
    ];
    const form = (score: string) =>
      buildForm({ budget, columns: { rate: true }, rows: rows(score) });
    // 15 ÷ 16 = 93.75%; printed 94% agrees (0 decimals); 90 × 94% = 84.6, computed 84.38
    const ok = scoreForm(form("84.6"), national);
    expect(kinds(ok)).toEqual([]);
    expect(ok.indicators[0].explain).toContain("按所填完成率 94% 计算");
    expect(s(ok.indicators[0].score)).toBe("84.38");
    expect(kinds(scoreForm(form("85"), national))).toContain("score-mismatch");
  });

  test("a deviation that costs no cent of score needs no reason (003#25: 683.93 against ≤683.92万元)", () => {
    const { ind, here } = row("003#25", 15);
    expect(s(ind.score)).toBe("10");
    expect(here).toEqual([]);
    // …one that costs a cent still does (003#1: 3.86 against ≤3.84 → 9.95)
    expect(at(scoreSeed("003#1"))).toEqual(["deviation-reason-missing@K14"]);
  });

  test("on a form without weights, a 完成率 below 100.00% at 2 decimals needs a reason; 99.999% does not", () => {
    const form = (actual: string) =>
      buildForm({
        budget: { annual: "100", executed: "100" },
        columns: { weight: false, score: false, rate: true },
        headers: ["一级指标", "二级指标", "三级指标", "年度设定指标值", "实际完成值", "完成率(%)"],
        rows: [{ target: "≤683.92万元", actual }],
      });
    expect(kinds(scoreForm(form("683.93万元"), PROFILES.sichuan))).toEqual([]);
    expect(kinds(scoreForm(form("700万元"), PROFILES.sichuan))).toEqual([
      "deviation-reason-missing",
    ]);
  });

  test("total-mismatch says both the computed total and the sum of the printed parts", () => {
    const r = scoreForm(
      buildForm({
        budget,
        total: "85",
        rows: [{ target: "≥10件", actual: "10件", weight: "90", score: "95" }],
      }),
      national
    );
    const p = r.prompts.find((x) => x.kind === "total-mismatch");
    expect(p?.message).toBe("Sheet1!I9 总分填写为 85，按规则计算为 100（所填各项得分合计为 105）");
  });
});

describe("issue 11 §3: gaps", () => {
  test("overshoot on a form without weights (a Sichuan 完成率 form)", () => {
    const form = buildForm({
      budget: { annual: "100", executed: "100" },
      columns: { weight: false, score: false, rate: true },
      headers: ["一级指标", "二级指标", "三级指标", "年度设定指标值", "实际完成值", "完成率(%)"],
      rows: [{ target: "10场", actual: "25场" }],
    });
    const r = scoreForm(form, PROFILES.sichuan);
    expect(at(r)).toEqual(["overshoot@F8"]);
    expect(r.total).toBeNull();
  });

  test("a weight cell holding text (待定, 见附件, #REF!): manual, unparseable on the weight cell, the typed score kept and counted", () => {
    for (const weight of ["待定", "见附件", "#REF!"]) {
      const r = scoreForm(
        buildForm({
          budget,
          total: "98.6",
          rows: [
            { target: "≥10件", actual: "10件", weight: "80", score: "80" },
            {
              level1: "满意度指标",
              level2: "服务对象满意度指标",
              target: "≥90%",
              actual: "86%",
              weight,
              score: "8.6",
              reason: "个别投诉",
            },
          ],
        }),
        national
      );
      expect(r.indicators[1].method).toBe("manual");
      expect(s(r.indicators[1].value)).toBe("8.6");
      expect(s(r.total)).toBe("98.6");
      expect(r.grade).toBe("优");
      expect(at(r)).toEqual(["unparseable@G9"]);
      expect(r.prompts[0].message).toBe(
        `Sheet1!G9 的分值“${weight}”不是数值，该指标按人工评分，所填得分计入总分`
      );
    }
    // without a typed score the total waits for the accountant
    const waiting = scoreForm(
      buildForm({ budget, rows: [{ target: "≥10件", actual: "10件", weight: "待定" }] }),
      national
    );
    expect(waiting.total).toBeNull();
  });

  test("several quantities: a target quantity the actual does not mention is left out and named (12期、每期800份 → 12期)", () => {
    const r = scoreForm(
      buildForm({
        budget,
        rows: [{ target: "12期、每期800份", actual: "12期", weight: "90", score: "90" }],
      }),
      national
    );
    expect(kinds(r)).toEqual([]);
    expect(s(r.indicators[0].score)).toBe("90");
    expect(r.indicators[0].explain).toContain("“800份” 实际未填报，未计入比较");
    // multi-value only where nothing pairs
    const none = scoreForm(
      buildForm({
        budget,
        rows: [{ target: "12期、每期800份", actual: "5场、3个", weight: "90", score: "90" }],
      }),
      national
    );
    expect(kinds(none)).toEqual(["multi-value"]);
  });

  test("weights adding up to 110: no total, no grade, weight-sum on the total cell; a printed total off its parts gets total-mismatch", () => {
    const r = scoreForm(
      buildForm({
        budget,
        total: "100",
        rows: [
          { target: "≥10件", actual: "10件", weight: "50", score: "50" },
          { target: "≥10件", actual: "10件", weight: "50", score: "50" },
        ],
      }),
      national
    );
    expect(r.total).toBeNull();
    expect(r.grade).toBeNull();
    expect(at(r)).toEqual(["weight-sum@I10", "total-mismatch@I10"]);
    expect(r.prompts[0].message).toContain("合计 110 分，超过 100 分，不计算总分、不评等级");
    expect(r.prompts[1].message).toBe("Sheet1!I10 总分填写为 100，所填各项得分合计为 110");
    // 002#11: 120
    const seed = scoreSeed("002#11");
    expect(seed.total).toBeNull();
    expect(at(seed)).toEqual(["weight-sum@I17", "total-mismatch@I17"]);
  });

  test("a deadline met late is 部分达成, with deadline-missed (middle of the band; a typed score inside it is kept)", () => {
    const rows = (score?: string) => [
      {
        level2: "时效指标",
        target: "2023年10月31日前",
        actual: "2023年11月20日",
        weight: "90",
        score,
        reason: "设备到货延迟",
      },
    ];
    const r = scoreForm(buildForm({ budget, rows: rows() }), national);
    expect(r.indicators[0].level).toBe("partial");
    expect(s(r.indicators[0].score)).toBe("63");
    expect(kinds(r)).toEqual(["deadline-missed"]);
    const typed = scoreForm(buildForm({ budget, rows: rows("60") }), national);
    expect(s(typed.indicators[0].value)).toBe("60");
    expect(kinds(typed)).toEqual(["deadline-missed"]);
    // 003#10 prints full marks for a late date: score-mismatch, the computed 7 of 10
    const { ind } = row("003#10", 13);
    expect(ind.level).toBe("partial");
    expect(s(ind.score)).toBe("7");
  });

  test("units in Latin letters are measure words, compared only in the same unit", () => {
    const score = (target: string, actual: string) =>
      scoreForm(buildForm({ budget, rows: [{ target, actual, weight: "90" }] }), national);
    for (const [t, a, share] of [
      ["≥40TB", "42TB", "90"],
      ["500GB", "400GB", "72"],
      ["12km", "12km", "90"],
      ["3000m²", "3000m²", "90"],
      ["80kW", "60kW", "67.5"],
      ["≤2MB", "1MB", "90"],
    ] as const) {
      expect({ t, a, score: s(score(t, a).indicators[0].score) }).toEqual({ t, a, score: share });
    }
    const mixed = score("40TB", "500GB");
    expect(mixed.indicators[0].method).toBe("manual");
    expect(kinds(mixed)).toContain("unit-mismatch");
  });

  test("placeholder rows reaching the engine with nothing filled give no weight-sum and no missing-value", () => {
    const r = scoreForm(
      buildForm({
        budget,
        rows: [
          { target: "≥10件", actual: "10件", weight: "90", score: "90" },
          { name: "指标1:" },
          { name: "指标2：", target: "/", actual: "—", weight: "-" },
        ],
      }),
      national
    );
    expect(kinds(r)).toEqual([]);
    expect(r.indicators).toHaveLength(1);
    expect(s(r.total)).toBe("100");
  });

  test("a duration target against a date actual with a typed score (003#7, 003#23) is the accountant's judgement: kept, no prompt", () => {
    for (const id of ["003#7", "003#23"]) {
      const { ind, here } = row(id, 13);
      expect(ind.method).toBe("manual");
      expect(s(ind.value)).toBe("10");
      expect(here).toEqual([]);
      expect(ind.explain).toContain("是时长");
    }
  });
});
