/**
 * Properties of the scoring rules (domain §2–§3) over random forms: scores stay within their
 * weights, move the right way with the actual, do not depend on how a number was written, and
 * never pass through JavaScript floating point.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { PROFILE_IDS, PROFILES, scoreForm, scoreWorkbook, type ProfileId } from "../../src/engine";
import { Dec, plain } from "../../src/engine/decimal";
import type { Cell, CellScalar, Form, FormResult, IndicatorRow } from "../../src/engine/types";

const RUNS = { numRuns: 200 };

// ---------------------------------------------------------------- forms built directly

interface Row {
  readonly level1?: string;
  readonly level2?: string;
  readonly name?: string;
  readonly target?: CellScalar;
  readonly actual?: CellScalar;
  readonly weight?: CellScalar;
  readonly score?: CellScalar;
  readonly rule?: CellScalar;
  readonly reason?: CellScalar;
}

interface FormSpec {
  readonly annual?: CellScalar;
  readonly executed?: CellScalar;
  readonly rows: readonly Row[];
  /** false: the template has no weight column (sichuan). */
  readonly weights?: boolean;
}

const cell = (address: string, value: CellScalar | undefined): Cell => ({
  address,
  value: value ?? null,
});

/** A form laid out like the Changji/Fengtai templates: budget on row 5, indicators from row 10. */
function makeForm(spec: FormSpec, sheet = "Sheet1"): Form {
  const indicators: IndicatorRow[] = spec.rows.map((x, i) => {
    const r = 10 + i;
    return {
      row: r,
      level1: cell(`A${r}`, x.level1 ?? "产出指标"),
      level1Inherited: false,
      level2: cell(`B${r}`, x.level2 ?? "数量指标"),
      level2Inherited: false,
      name: cell(`C${r}`, x.name ?? `指标${i + 1}`),
      target: cell(`D${r}`, x.target),
      actual: cell(`E${r}`, x.actual),
      weight: spec.weights === false ? undefined : cell(`F${r}`, x.weight),
      score: cell(`G${r}`, x.score),
      rule: cell(`H${r}`, x.rule),
      reason: cell(`I${r}`, x.reason),
    };
  });
  return {
    sheet,
    anchor: "A1",
    headers: [],
    budget: {
      header: cell("A4", "项目资金（万元）"),
      columnHeaders: ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      rows: [
        {
          label: cell("B5", "年度资金总额"),
          annual: cell("D5", spec.annual === undefined ? "100" : spec.annual),
          executed: cell("E5", spec.executed === undefined ? "100" : spec.executed),
          weight: cell("F5", null),
          rate: cell("G5", null),
          score: cell("H5", null),
        },
      ],
    },
    indicators,
    hasReasonColumn: true,
  };
}

/** Score under a profile; sichuan scores only with the national default weights, asked for. */
function score(form: Form, id: ProfileId): FormResult {
  if (id === "sichuan")
    return scoreWorkbook([form], { profile: "sichuan", overrides: { useDefaultWeights: true } })[0];
  return scoreForm(form, PROFILES[id]);
}

// ---------------------------------------------------------------- generators

/** A non-negative decimal string with up to `dp` decimals: "0", "17", "3.0405". */
function decimalString(maxInt: number, dp: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: maxInt }),
      fc.integer({ min: 0, max: dp }),
      fc.integer({ min: 0, max: 10 ** dp - 1 })
    )
    .map(([int, places, frac]) =>
      places === 0 ? String(int) : `${int}.${String(frac).padStart(dp, "0").slice(0, places)}`
    );
}

const positiveDecimal = (maxInt: number, dp: number): fc.Arbitrary<string> =>
  decimalString(maxInt, dp).filter((s) => !new Dec(s).isZero());

const weightString = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 99 }))
  .map(([i, c]) => plain(new Dec(i).plus(new Dec(c).dividedBy(100))));

const unitArb = fc.constantFrom("个", "次", "%", "万元", "元", "套");

type Kind = "positive" | "negative" | "deviation" | "bare" | "negativeByName";
const kindArb = fc.constantFrom<Kind>(
  "positive",
  "negative",
  "deviation",
  "bare",
  "negativeByName"
);

function indicatorRow(kind: Kind, a: string, b: string, unit: string, weight: string | null): Row {
  const sign = kind === "positive" ? "≥" : kind === "negative" ? "≤" : "";
  return {
    name: kind === "negativeByName" ? "群众投诉次数" : "完成数量",
    target: `${sign}${a}${unit}`,
    actual: `${b}${unit}`,
    weight,
    rule: kind === "deviation" ? "按照完成比例赋分" : null,
  };
}

// ---------------------------------------------------------------- (a) bounds

describe("(a) a score is never below 0 or above its weight", () => {
  test("for positive, negative and deviation indicators under every profile", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ProfileId>(...PROFILE_IDS),
        fc.array(
          fc.tuple(
            kindArb,
            positiveDecimal(100000, 4),
            decimalString(1000000, 4),
            unitArb,
            weightString
          ),
          { minLength: 1, maxLength: 5 }
        ),
        decimalString(10000, 2),
        decimalString(10000, 2),
        (id, rows, annual, executed) => {
          const sichuan = id === "sichuan";
          const form = makeForm({
            annual: new Dec(annual).isZero() ? "1" : annual,
            executed,
            weights: !sichuan,
            rows: rows.map(([kind, a, b, unit, w]) =>
              indicatorRow(kind, a, b, unit, sichuan ? null : w)
            ),
          });
          const r = score(form, id);
          expect(r.indicators).toHaveLength(rows.length);
          for (const ind of r.indicators) {
            // every row is two numbers in one unit: always scored
            expect(["positive", "negative", "deviation"]).toContain(ind.method);
            expect(ind.weight).not.toBeNull();
            expect(ind.score).not.toBeNull();
            // a split weight (50 ÷ 3 = 16.666…) is scored at most as its rounded value (16.67)
            const w = (ind.weight as Decimal).toDecimalPlaces(
              PROFILES[id].decimals,
              Decimal.ROUND_HALF_UP
            );
            const s = ind.score as Decimal;
            expect(s.greaterThanOrEqualTo(0)).toBe(true);
            expect(s.lessThanOrEqualTo(w)).toBe(true);
          }
          const b = r.budget;
          if (b?.score) {
            expect(b.score.greaterThanOrEqualTo(0)).toBe(true);
            expect(b.score.lessThanOrEqualTo(b.weight as Decimal)).toBe(true);
          }
        }
      ),
      RUNS
    );
  });

  test("for qualitative indicators, whatever score was typed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ProfileId>("national", "beijing", "hubei", "xinjiang"),
        fc.constantFrom(
          "已完成",
          "基本完成",
          "部分完成",
          "未完成",
          "较好完成",
          "按时完成",
          "有所提升",
          "效果一般"
        ),
        weightString,
        fc.option(decimalString(200, 2), { nil: null }),
        (id, actual, weight, typed) => {
          const r = score(
            makeForm({ rows: [{ target: "有所提升", actual, weight, score: typed }] }),
            id
          );
          const ind = r.indicators[0];
          expect(ind.method).toBe("qualitative");
          const s = ind.score as Decimal;
          expect(s.greaterThanOrEqualTo(0)).toBe(true);
          expect(s.lessThanOrEqualTo(new Dec(weight))).toBe(true);
        }
      ),
      RUNS
    );
  });
});

// ---------------------------------------------------------------- (b) monotone

describe("(b) a positive score never falls as the actual grows, a negative one never rises", () => {
  const one = (id: ProfileId, kind: Kind, a: string, b: string, unit: string): Decimal => {
    const sichuan = id === "sichuan";
    const r = score(
      makeForm({
        weights: !sichuan,
        rows: [indicatorRow(kind, a, b, unit, sichuan ? null : "90")],
      }),
      id
    );
    const ind = r.indicators[0];
    expect(ind.score).not.toBeNull();
    return ind.score as Decimal;
  };

  test("positive (≥ or a bare target) and negative (≤ or by name) under every profile", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ProfileId>(...PROFILE_IDS),
        fc.constantFrom<Kind>("positive", "bare", "negative", "negativeByName"),
        positiveDecimal(10000, 3),
        decimalString(40000, 3),
        decimalString(40000, 3),
        fc.constantFrom("个", "%", "万元", "次"),
        (id, kind, a, x, y, unit) => {
          let [lo, hi] = new Dec(x).lessThanOrEqualTo(y) ? [x, y] : [y, x];
          const positive = kind === "positive" || kind === "bare";
          // Beijing deducts for overshooting a positive target by 200% and more (§5): the one exception
          if (id === "beijing" && positive) {
            const limit = new Dec(a).times(3);
            if (new Dec(hi).greaterThanOrEqualTo(limit)) hi = plain(limit.minus("0.001"));
            if (new Dec(lo).greaterThan(hi)) lo = hi;
          }
          const sLo = one(id, kind, a, lo, unit);
          const sHi = one(id, kind, a, hi, unit);
          if (positive) expect(sHi.greaterThanOrEqualTo(sLo)).toBe(true);
          else expect(sHi.lessThanOrEqualTo(sLo)).toBe(true);
        }
      ),
      RUNS
    );
  });

  test("Beijing's overshoot deduction is the designed exception: 3 × the target scores less than 2.9 ×", () => {
    expect(plain(one("beijing", "positive", "100", "290", "次"))).toBe("90");
    expect(plain(one("beijing", "positive", "100", "300", "次"))).toBe("81"); // (B − A) ÷ A = 200%: −10%
    expect(plain(one("beijing", "positive", "100", "600", "次"))).toBe("63"); // ≥ 500%: −30%
  });

  test("deviation (xinjiang 按照完成比例赋分) rises up to the target and falls after it", () => {
    fc.assert(
      fc.property(
        positiveDecimal(10000, 2),
        decimalString(30000, 2),
        decimalString(30000, 2),
        (a, x, y) => {
          const [lo, hi] = new Dec(x).lessThanOrEqualTo(y) ? [x, y] : [y, x];
          const sLo = one("xinjiang", "deviation", a, lo, "个");
          const sHi = one("xinjiang", "deviation", a, hi, "个");
          if (new Dec(hi).lessThanOrEqualTo(a)) expect(sHi.greaterThanOrEqualTo(sLo)).toBe(true);
          if (new Dec(lo).greaterThanOrEqualTo(a)) expect(sHi.lessThanOrEqualTo(sLo)).toBe(true);
        }
      ),
      RUNS
    );
  });
});

// ---------------------------------------------------------------- (c) how a number is written

const FULL_WIDTH = "０１２３４５６７８９";
const toFullWidth = (s: string): string =>
  s.replace(/\d/g, (d) => FULL_WIDTH[+d]).replace(/\./g, "．");
const grouped = (s: string, sep: string): string => {
  const [int, frac] = s.split(".");
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return frac === undefined ? g : `${g}.${frac}`;
};

const WRITINGS: Readonly<Record<string, (s: string) => string>> = {
  plain: (s) => s,
  comma: (s) => grouped(s, ","),
  fullWidth: toFullWidth,
  fullWidthComma: (s) => grouped(s, "，"),
  fullWidthDigitsAndComma: (s) => toFullWidth(grouped(s, "，")),
};

/** Everything a result says, except the quoted cell texts. */
function outcome(r: FormResult): unknown {
  const d = (x: Decimal | null | undefined): string | null => (x ? plain(x) : null);
  return {
    budget: r.budget && {
      rate: d(r.budget.rate),
      score: d(r.budget.score),
      value: d(r.budget.value),
      weight: d(r.budget.weight),
    },
    indicators: r.indicators.map((i) => ({
      method: i.method,
      weight: d(i.weight),
      ratio: d(i.ratio),
      completion: d(i.completionRate),
      met: i.met,
      score: d(i.score),
      value: d(i.value),
    })),
    total: d(r.total),
    grade: r.grade,
    prompts: r.prompts.map((p) => `${p.kind}@${p.cell}`),
  };
}

describe("(c) the result does not depend on how a number was written", () => {
  test("1,000 / 1000 / １０００ / 1，000 give identical results", () => {
    const written = (w: (s: string) => string): FormResult =>
      scoreForm(
        makeForm({
          annual: w("1000"),
          executed: w("1000"),
          rows: [
            { target: `≥${w("1000")}个`, actual: `${w("1200")}个`, weight: "45" },
            { target: `≤${w("2000")}元`, actual: `${w("2500")}元`, weight: "45" },
          ],
        }),
        PROFILES.national
      );
    const expected = outcome(written(WRITINGS.plain));
    // 10 + 45 (1200 ÷ 1000, capped) + 33.75 (national: 1 − 500 ÷ 2000)
    expect(expected).toMatchObject({ budget: { rate: "1", score: "10" }, total: "88.75" });
    for (const w of Object.values(WRITINGS)) expect(outcome(written(w))).toEqual(expected);
  });

  test("random amounts, targets, actuals and weights in every writing, under every profile", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ProfileId>(...PROFILE_IDS),
        positiveDecimal(9_999_999, 2),
        decimalString(9_999_999, 2),
        fc.array(
          fc.tuple(
            kindArb,
            positiveDecimal(9_999_999, 2),
            decimalString(9_999_999, 2),
            fc.constantFrom("个", "元", "万元", "次")
          ),
          { minLength: 1, maxLength: 3 }
        ),
        fc.constantFrom(...Object.keys(WRITINGS)),
        (id, annual, executed, rows, writing) => {
          const build = (w: (s: string) => string): Form =>
            makeForm({
              annual: w(annual),
              executed: w(executed),
              weights: id !== "sichuan",
              rows: rows.map(([kind, a, b, unit]) =>
                indicatorRow(kind, w(a), w(b), unit, id === "sichuan" ? null : "30")
              ),
            });
          expect(outcome(score(build(WRITINGS[writing]), id))).toEqual(
            outcome(score(build(WRITINGS.plain), id))
          );
        }
      ),
      RUNS
    );
  });

  test("a number handed over as a number reads as the same number typed as text", () => {
    const asText = score(
      makeForm({
        annual: "322.06",
        executed: "290.88",
        rows: [{ target: "≥57期", actual: "67期", weight: "90" }],
      }),
      "national"
    );
    const asNumber = score(
      makeForm({
        annual: 322.06,
        executed: 290.88,
        rows: [{ target: "≥57期", actual: "67期", weight: 90 }],
      }),
      "national"
    );
    expect(outcome(asNumber)).toEqual(outcome(asText));
    expect(asNumber.budget?.rate?.equals(new Dec("290.88").dividedBy("322.06"))).toBe(true);
  });
});

// ---------------------------------------------------------------- (d) decimal, never float

/** A float artefact: 0.30000000000000004, 0.7000000000000001, 2.9999999999999996, or an exponent. */
const FLOAT_ARTEFACT = /\d\.\d*(?:0{8,}[1-9]|9{8,})|\de[+-]\d/;

function everyString(r: FormResult): string[] {
  return [
    r.budget?.explain ?? "",
    r.totalExplain,
    ...r.indicators.map((i) => i.explain),
    ...r.prompts.map((p) => p.message),
    // (ratios keep 40 digits and may rightly hold long runs of 0 or 9; what is shown is checked above)
    ...[r.total, r.budget?.score, ...r.indicators.map((i) => i.score)].map((x) =>
      x ? x.toString() : ""
    ),
  ];
}

const HALF_UP = Decimal.ROUND_HALF_UP;
const round2 = (x: Decimal): Decimal => x.toDecimalPlaces(2, HALF_UP);
const ONE = new Dec(1);

describe("(a) totals under the national default weights", () => {
  test("a form with every indicator met never totals more than 100", () => {
    const rows: Row[] = [
      { level1: "产出指标", target: "≥10个", actual: "10个" },
      { level1: "产出指标", target: "≥10个", actual: "10个" },
      { level1: "产出指标", target: "≥10个", actual: "10个" },
      { level1: "效益指标", level2: "社会效益指标", target: "≥10个", actual: "10个" },
      { level1: "满意度指标", level2: "服务对象满意度指标", target: "≥90%", actual: "95%" },
    ];
    const r = score(makeForm({ weights: false, rows }), "sichuan");
    expect(plain(r.total as Decimal)).toBe("100");
  });
});

describe("(d) money never passes through JavaScript floating point", () => {
  test("annual 0.3 and executed 0.1 + 0.2 written as 0.3: rate exactly 1, full score, no overspending", () => {
    for (const [annual, executed] of [
      ["0.3", "0.3"],
      ["0.30", "0.3"],
      [0.3, "0.3"],
      [0.3, 0.3],
    ] as const) {
      const r = score(
        makeForm({
          annual,
          executed,
          rows: [{ target: "≥0.3万元", actual: "0.30万元", weight: "90" }],
        }),
        "national"
      );
      expect(r.budget?.rate?.equals(1)).toBe(true);
      expect(plain(r.budget?.score as Decimal)).toBe("10");
      expect(r.prompts.map((p) => p.kind)).not.toContain("budget-overspent");
      expect(r.indicators[0].ratio?.equals(1)).toBe(true);
      expect(plain(r.total as Decimal)).toBe("100");
      for (const s of everyString(r)) expect(s).not.toMatch(FLOAT_ARTEFACT);
    }
  });

  test("where floating point goes wrong the result is exact: 0.07 ÷ 0.1 and 1.1 × 0.7", () => {
    // 0.07 / 0.1 === 0.7000000000000001 in JavaScript
    const r = score(
      makeForm({
        annual: "0.1",
        executed: "0.07",
        rows: [{ target: "≥0.1万元", actual: "0.07万元", weight: "1.1" }],
      }),
      "national"
    );
    expect(r.budget?.rate?.equals("0.7")).toBe(true);
    expect(plain(r.budget?.score as Decimal)).toBe("7");
    expect(r.budget?.explain).toBe("执行率 0.07 ÷ 0.1 = 70%；10 × 70% = 7");
    expect(r.indicators[0].ratio?.equals("0.7")).toBe(true);
    // 1.1 * 0.7 === 0.7700000000000001 in JavaScript
    expect(plain(r.indicators[0].score as Decimal)).toBe("0.77");
    for (const s of everyString(r)) expect(s).not.toMatch(FLOAT_ARTEFACT);
  });

  test(
    "a host number that is a float sum (0.1 + 0.2) reads as Excel shows it: rate 1, no overspending",
    () => {
      const r = score(
        makeForm({
          annual: 0.3,
          executed: 0.1 + 0.2,
          rows: [{ target: "≥10个", actual: "10个", weight: "90" }],
        }),
        "national"
      );
      expect(r.budget?.rate?.equals(1)).toBe(true);
      expect(r.prompts.map((p) => p.kind)).not.toContain("budget-overspent");
      for (const s of everyString(r)) expect(s).not.toMatch(FLOAT_ARTEFACT);
    }
  );

  test("budget rate and score equal a decimal.js recomputation exactly, for many-digit amounts", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ProfileId>("national", "beijing", "hubei", "xinjiang"),
        positiveDecimal(999_999_999_999, 6),
        decimalString(999_999_999_999, 6),
        (id, annual, executed) => {
          const r = score(
            makeForm({ annual, executed, rows: [{ target: "≥1个", actual: "1个", weight: "90" }] }),
            id
          );
          const rate = new Dec(executed).dividedBy(annual);
          expect(r.budget?.rate?.equals(rate)).toBe(true);
          const weight = new Dec(PROFILES[id].budgetWeight);
          const share =
            PROFILES[id].budgetMethod === "deviation" && rate.lessThan(1)
              ? Dec.max(0, ONE.minus(new Dec("2.5").times(ONE.minus(rate))))
              : Dec.min(rate, 1);
          expect(r.budget?.score?.equals(round2(weight.times(share)))).toBe(true);
          for (const s of everyString(r)) expect(s).not.toMatch(FLOAT_ARTEFACT);
        }
      ),
      RUNS
    );
  });

  test("indicator scores equal a decimal.js recomputation exactly, for many-digit targets, actuals and weights", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ProfileId>("national", "beijing", "hubei", "xinjiang"),
        fc.constantFrom<Kind>("positive", "negative", "deviation"),
        positiveDecimal(999_999_999, 6),
        decimalString(999_999_999, 6),
        weightString,
        (id, kind, a, b, w) => {
          const r = score(makeForm({ rows: [indicatorRow(kind, a, b, "个", w)] }), id);
          const ind = r.indicators[0];
          const A = new Dec(a);
          const B = new Dec(b);
          const W = new Dec(w);
          let share: Decimal;
          if (kind === "deviation" && id === "xinjiang") {
            const ratio = B.dividedBy(A);
            share = ratio.lessThan(1)
              ? Dec.max(0, ONE.minus(new Dec("2.5").times(ONE.minus(ratio))))
              : Dec.max(0, ONE.minus(ratio.minus(1)));
          } else if (kind === "negative") {
            if (B.isZero()) share = ONE;
            else if (PROFILES[id].negativeMethod === "ratio") share = Dec.min(A.dividedBy(B), 1);
            else
              share = B.lessThanOrEqualTo(A) ? ONE : Dec.max(0, ONE.minus(B.minus(A).dividedBy(A)));
          } else {
            const ratio = B.dividedBy(A);
            share = Dec.min(ratio, 1);
            const over = B.greaterThan(A) ? B.minus(A).dividedBy(A) : null;
            const tier =
              over &&
              PROFILES[id].overshootDeductions.find(
                (t) => over.greaterThanOrEqualTo(t.from) && (t.to === null || over.lessThan(t.to))
              );
            if (tier) share = ONE.minus(tier.deduct);
          }
          expect(ind.score?.equals(round2(W.times(share)))).toBe(true);
          expect(ind.explain).toContain(`= ${plain(round2(W.times(share)))}`);
          for (const s of everyString(r)) expect(s).not.toMatch(FLOAT_ARTEFACT);
        }
      ),
      RUNS
    );
  });
});
