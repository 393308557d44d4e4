/**
 * Issue 24, the two seed cases: implied weights are round numbers (whole or .5), a row not fully
 * met implies printed score ÷ share (§3 Weights); a printed 100% that rounds a shortfall agrees as
 * a rate but carries no full score (§4). Per cell, positives and negatives.
 */
import { PROFILES, scoreForm } from "../../src/engine";
import { impliedWeight, isRoundWeight } from "../../src/engine/weights";
import { Dec } from "../../src/engine/decimal";
import { buildForm, type RowSpec } from "../support/build";
import { kinds, s, scoreSeed } from "../support/score";

const hubei = PROFILES.hubei;
const budget = { annual: "20", executed: "20", weight: "20", score: "20" };
const out = (r: Partial<RowSpec>): RowSpec => ({
  level1: "产出指标（40分）",
  level2: "数量指标",
  ...r,
});
const rest: RowSpec[] = [
  {
    level1: "效益指标（20分）",
    level2: "社会效益指标",
    target: "≥1个",
    actual: "1个",
    score: "20",
  },
  {
    level1: "满意度指标（20分）",
    level2: "服务对象满意度指标",
    target: "≥90%",
    actual: "95%",
    score: "20",
  },
];
const form = (rows: RowSpec[]) =>
  buildForm({ budget, columns: { weight: false }, rows: [...rows, ...rest] });

describe("implied weights are round numbers", () => {
  test("isRoundWeight: whole and .5 numbers only", () => {
    expect(["4", "8", "7.5", "0.5"].map((x) => isRoundWeight(new Dec(x)))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["7.424", "4.25", "3.72", "0"].map((x) => isRoundWeight(new Dec(x)))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  test("a row not fully met implies printed ÷ share when within 0.01 of a round number", () => {
    const row = {
      name: "x",
      group: null,
      level1Weight: null,
      level1Group: null,
      level2Key: "",
      level2Weight: null,
    };
    expect(
      impliedWeight({
        ...row,
        printedScore: new Dec("3.25"),
        met: false,
        share: new Dec("0.8125"),
      })?.weight.toString()
    ).toBe("4");
    // 6.67 ÷ 66.7% = 10.0: rounded printed score
    expect(
      impliedWeight({
        ...row,
        printedScore: new Dec("3.34"),
        met: false,
        share: new Dec("0.6667"),
      })?.weight.toString()
    ).toBe("5");
    // 3.4 ÷ 81.25% = 4.18: not a weight
    expect(
      impliedWeight({ ...row, printedScore: new Dec("3.4"), met: false, share: new Dec("0.8125") })
    ).toBeNull();
    // a met row's non-round score is not a weight
    expect(
      impliedWeight({ ...row, printedScore: new Dec("7.424"), met: true, share: new Dec("1") })
    ).toBeNull();
    // a judged row (no share) not met implies nothing
    expect(
      impliedWeight({ ...row, printedScore: new Dec("3"), met: false, share: null })
    ).toBeNull();
  });

  test("002#7: I11 weighs 4 (3.25 ÷ 81.25%), I10 (7.424, met) takes the rest 8; total 92.92", () => {
    const r = scoreSeed("002#7");
    const i10 = r.indicators.find((i) => i.cell === "I10");
    const i11 = r.indicators.find((i) => i.cell === "I11");
    expect(s(i10?.weight)).toBe("8");
    expect(s(i10?.score)).toBe("8");
    expect(s(i11?.weight)).toBe("4");
    expect(s(i11?.value)).toBe("3.25");
    expect(i11?.explain).toContain("3.25 ÷ 81.25% = 4");
    expect(s(r.total)).toBe("92.92");
    expect(r.prompts.map((p) => `${p.kind}@${p.cell}`)).toEqual([
      "score-mismatch@I10",
      "total-mismatch@I18",
    ]);
  });

  test("small form: a met row printing a non-round score is the one left, and gets a score-mismatch", () => {
    const r = scoreForm(
      form([
        out({ target: "≥10个", actual: "10个", score: "10" }),
        out({ target: "≥10个", actual: "10个", score: "7.424" }),
        out({ target: "≥16套", actual: "13套", score: "8.125", reason: "延期" }),
        out({ target: "≥1个", actual: "1个", score: "12" }),
      ]),
      hubei
    );
    // 8.125 ÷ 81.25% = 10; 40 − 10 − 10 − 12 = 8 for the 7.424 row
    expect(r.indicators.slice(0, 4).map((i) => s(i.weight))).toEqual(["10", "8", "10", "12"]);
    expect(r.indicators.slice(0, 4).map((i) => s(i.value))).toEqual(["10", "8", "8.125", "12"]);
    expect(r.prompts.map((p) => `${p.kind}@${p.cell}`)).toEqual(["score-mismatch@I9"]);
  });

  test("negative: two rows without a round implied weight fall back to the equal split", () => {
    const r = scoreForm(
      form([
        out({ target: "≥10个", actual: "10个", score: "10" }),
        out({ target: "≥10个", actual: "10个", score: "7.424" }),
        out({ target: "≥16套", actual: "13套", score: "8.4", reason: "延期" }),
        out({ target: "≥1个", actual: "1个", score: "10" }),
      ]),
      hubei
    );
    expect(r.indicators.slice(0, 4).map((i) => i.weightSource)).toEqual([
      "split",
      "split",
      "split",
      "split",
    ]);
    expect(r.indicators.slice(0, 4).map((i) => s(i.weight))).toEqual(["10", "10", "10", "10"]);
  });

  test("negative: every row met with round scores adding up gets no prompt (002#5's shape)", () => {
    const r = scoreForm(
      form([
        out({ target: "≥10个", actual: "10个", score: "10" }),
        out({ target: "≥10个", actual: "12个", score: "10" }),
        out({ target: "≥1个", actual: "1个", score: "5" }),
        out({ target: "≥1个", actual: "1个", score: "15" }),
      ]),
      hubei
    );
    expect(kinds(r)).toEqual([]);
    expect(r.indicators.slice(0, 4).map((i) => i.weightSource)).toEqual([
      "implied",
      "implied",
      "implied",
      "implied",
    ]);
  });
});

describe("a printed 100% that rounds a shortfall", () => {
  test("003#11 I15: 7.02万 against ≤7万 scores 5.98, the reason is owed, the total disagrees", () => {
    const r = scoreSeed("003#11");
    const i15 = r.indicators.find((i) => i.cell === "I15");
    expect(s(i15?.value)).toBe("5.98");
    expect(s(i15?.rateValue)).toBe("1");
    expect(r.prompts.map((p) => `${p.kind}@${p.cell}`)).toEqual([
      "score-mismatch@I15",
      "deviation-reason-missing@K15",
      "total-mismatch@I18",
    ]);
    expect(r.prompts.some((p) => p.kind === "rate-mismatch")).toBe(false);
  });

  test("negative: a printed 99% rounding 99.4% still gives the score taken from it (a shortfall it shows)", () => {
    // ≥1000 → 994: 99.4%, printed 99% agrees at 0 decimals; 90 × 99% = 89.1 agrees through the rate
    const r = scoreForm(
      buildForm({
        budget: { annual: "100", executed: "100", weight: "10", score: "10" },
        columns: { rate: true },
        rows: [
          {
            target: "≥1000人",
            actual: "994人",
            rate: "99%",
            weight: "90",
            score: "89.1",
            reason: "部分人员请假",
          },
        ],
      }),
      PROFILES.national
    );
    expect(kinds(r)).toEqual([]);
    expect(s(r.indicators[0].value)).toBe("89.1");
  });

  test("negative: a met row printed 100% with full score has no prompt", () => {
    const r = scoreForm(
      buildForm({
        budget: { annual: "100", executed: "100", weight: "10", score: "10" },
        columns: { rate: true, rule: true },
        rows: [
          {
            level2: "成本指标",
            target: "<=7万元",
            actual: "6.98万元",
            rate: "100%",
            weight: "90",
            score: "90",
          },
        ],
      }),
      PROFILES.national
    );
    expect(kinds(r)).toEqual([]);
  });
});
