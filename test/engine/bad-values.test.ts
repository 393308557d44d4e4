/**
 * domain.md §2 "Errors and blanks" and §3: every bad value a form can hold yields a prompt of the
 * right kind on the right cell, with a Chinese message that names sheet and cell, never an
 * exception, and nothing is guessed from it.
 */
import { PROFILE_IDS, PROFILES, scoreForm, scoreWorkbook } from "../../src/engine";
import { plain } from "../../src/engine/decimal";
import type {
  Cell,
  CellScalar,
  Form,
  FormResult,
  IndicatorRow,
  Prompt,
  PromptKind,
} from "../../src/engine/types";

const SHEET = "自评表（3）";

interface Row {
  readonly level1?: CellScalar;
  readonly level2?: CellScalar;
  readonly name?: CellScalar;
  readonly target?: CellScalar;
  readonly actual?: CellScalar;
  readonly weight?: CellScalar;
  readonly score?: CellScalar;
  readonly rate?: CellScalar;
  readonly reason?: CellScalar;
}

interface Spec {
  readonly annual?: CellScalar;
  readonly executed?: CellScalar;
  readonly rows?: readonly Row[];
}

const cell = (address: string, value: CellScalar): Cell => ({ address, value });
const has = <K extends keyof Row>(row: Row, key: K, fallback: CellScalar): CellScalar =>
  key in row ? (row[key] as CellScalar) : fallback;

/** A correct one-indicator form (budget 100 → 100, ≥10个 → 10个, weight 90) with the given cells replaced. */
const GOOD_ROW: Row = { target: "≥10个", actual: "10个", weight: "90" };

function makeForm(spec: Spec = {}): Form {
  const rows = spec.rows ?? [GOOD_ROW];
  const indicators: IndicatorRow[] = rows.map((x, i) => {
    const r = 10 + i;
    return {
      row: r,
      level1: cell(`A${r}`, has(x, "level1", "产出指标")),
      level1Inherited: false,
      level2: cell(`B${r}`, has(x, "level2", "数量指标")),
      level2Inherited: false,
      name: cell(`C${r}`, has(x, "name", `完成数量${i + 1}`)),
      target: cell(`D${r}`, has(x, "target", null)),
      actual: cell(`E${r}`, has(x, "actual", null)),
      weight: cell(`F${r}`, has(x, "weight", null)),
      score: cell(`G${r}`, has(x, "score", null)),
      rate: cell(`H${r}`, has(x, "rate", null)),
      reason: cell(`I${r}`, has(x, "reason", null)),
    };
  });
  return {
    sheet: SHEET,
    anchor: "A1",
    headers: [],
    budget: {
      header: cell("A4", "项目资金（万元）"),
      columnHeaders: ["全年预算数", "全年执行数", "分值", "执行率", "得分"],
      rows: [
        {
          label: cell("B5", "年度资金总额"),
          annual: cell("D5", "annual" in spec ? (spec.annual as CellScalar) : "100"),
          executed: cell("E5", "executed" in spec ? (spec.executed as CellScalar) : "100"),
          weight: cell("F5", null),
          rate: cell("G5", null),
          score: cell("H5", null),
        },
      ],
    },
    indicators,
    total: { label: cell("C20", "总分"), weight: cell("F20", null), score: cell("G20", null) },
    hasReasonColumn: true,
  };
}

/** Scored under every profile and auto without an exception; the national result is returned. */
function scoreEverywhere(form: Form): FormResult {
  for (const id of PROFILE_IDS) expect(() => scoreWorkbook([form], { profile: id })).not.toThrow();
  expect(() =>
    scoreWorkbook([form], { profile: "sichuan", overrides: { useDefaultWeights: true } })
  ).not.toThrow();
  expect(() => scoreWorkbook([form])).not.toThrow();
  return scoreForm(form, PROFILES.national);
}

const CHINESE = /[\u4e00-\u9fff]/;

/** The one prompt of `kind` on `address`; its message is Chinese and names sheet and cell. */
function promptAt(r: FormResult, kind: PromptKind, address: string): Prompt {
  const found = r.prompts.filter((p) => p.kind === kind && p.cell === address);
  expect(found.map((p) => `${p.kind}@${p.cell}`)).toEqual([`${kind}@${address}`]);
  const p = found[0];
  expect(p.sheet).toBe(SHEET);
  expect(p.message).toMatch(CHINESE);
  expect(p.message).toContain(`${SHEET}!${address}`);
  return p;
}

const kinds = (r: FormResult): string[] => r.prompts.map((p) => `${p.kind}@${p.cell}`);

describe("the correct form the cases start from", () => {
  test("gets no prompt", () => {
    const r = scoreEverywhere(makeForm());
    expect(r.prompts).toEqual([]);
    expect(plain(r.total!)).toBe("100");
  });
});

describe("Excel errors", () => {
  test.each([["#REF!"], ["#DIV/0!"], ["#N/A"], ["#VALUE!"]])(
    "%s as the actual: unparseable, manual, nothing guessed",
    (err) => {
      const r = scoreEverywhere(makeForm({ rows: [{ ...GOOD_ROW, actual: err }] }));
      const p = promptAt(r, "unparseable", "E10");
      expect(p.message).toBe(`${SHEET}!E10 “${err}”不是数值`);
      expect(p.severity).toBe("error");
      const ind = r.indicators[0];
      expect(ind.method).toBe("manual");
      expect(ind.score).toBeNull();
      expect(ind.ratio).toBeNull();
      expect(r.total).toBeNull();
    }
  );

  test("#REF! as the target: unparseable on the row, manual", () => {
    const r = scoreEverywhere(makeForm({ rows: [{ ...GOOD_ROW, target: "#REF!" }] }));
    const p = r.prompts.find((x) => x.kind === "unparseable");
    expect(p?.message).toMatch(
      new RegExp(`^${SHEET.replace(/[()（）]/g, ".")}![DE]10 目标值“#REF!”不是数值$`)
    );
    expect(r.indicators[0].method).toBe("manual");
    expect(r.indicators[0].score).toBeNull();
  });

  test.each([
    ["annual", "D5", "全年预算数", "#REF!"],
    ["executed", "E5", "全年执行数", "#DIV/0!"],
    ["annual", "D5", "全年预算数", "#N/A"],
  ] as const)(
    "%s budget cell holding an error: unparseable on %s, no rate, no score",
    (key, address, what, err) => {
      const r = scoreEverywhere(makeForm({ [key]: err }));
      const p = promptAt(r, "unparseable", address);
      expect(p.message).toBe(`${SHEET}!${address} 的${what}“${err}”不是金额`);
      expect(r.budget?.rate).toBeNull();
      expect(r.budget?.score).toBeNull();
      expect(r.total).toBeNull();
    }
  );

  test("#N/A as the weight: unparseable on the weight cell, the indicator is manual (domain §3, revised)", () => {
    const r = scoreEverywhere(makeForm({ rows: [{ ...GOOD_ROW, weight: "#N/A" }] }));
    expect(r.indicators[0].method).toBe("manual");
    expect(promptAt(r, "unparseable", "F10").message).toBe(
      `${SHEET}!F10 的分值“#N/A”不是数值，该指标按人工评分，所填得分计入总分`
    );
    expect(r.indicators[0].weight).toBeNull();
    expect(r.indicators[0].score).toBeNull();
  });

  test("#REF! as the printed score: unparseable on the score cell, the computed score stands", () => {
    const r = scoreEverywhere(makeForm({ rows: [{ ...GOOD_ROW, score: "#REF!" }] }));
    expect(promptAt(r, "unparseable", "G10").message).toBe(`${SHEET}!G10 的得分“#REF!”不是数值`);
    expect(plain(r.indicators[0].score!)).toBe("90");
  });
});

describe("blanks", () => {
  test("an empty actual: missing-value, manual", () => {
    for (const empty of ["", "   ", null]) {
      const r = scoreEverywhere(makeForm({ rows: [{ ...GOOD_ROW, actual: empty }] }));
      expect(promptAt(r, "missing-value", "E10").message).toBe(`${SHEET}!E10 实际完成值未填写`);
      expect(r.indicators[0].method).toBe("manual");
      expect(r.indicators[0].score).toBeNull();
      expect(r.total).toBeNull();
    }
  });

  test("an empty budget: missing-value on 全年预算数, no rate, no division", () => {
    for (const empty of ["", null]) {
      const r = scoreEverywhere(makeForm({ annual: empty }));
      expect(promptAt(r, "missing-value", "D5").message).toBe(
        `${SHEET}!D5 全年预算数未填写，无法计算执行率`
      );
      expect(r.budget?.rate).toBeNull();
      expect(r.budget?.score).toBeNull();
    }
  });

  test("an empty 全年执行数: missing-value on it", () => {
    const r = scoreEverywhere(makeForm({ executed: "" }));
    expect(promptAt(r, "missing-value", "E5").message).toBe(
      `${SHEET}!E5 全年执行数未填写，无法计算执行率`
    );
    expect(r.budget?.rate).toBeNull();
  });

  test("a budget row whose cells are all null: missing-value on 全年预算数", () => {
    const r = scoreEverywhere(makeForm({ annual: null, executed: null }));
    promptAt(r, "missing-value", "D5");
    expect(r.budget?.rate).toBeNull();
    expect(r.total).toBeNull();
  });

  test("an indicator row whose every cell is empty is a template placeholder (domain §1, revised): no prompt", () => {
    const empty: Row = {
      level1: "",
      level2: "",
      name: "",
      target: "",
      actual: "",
      weight: "",
      score: "",
      rate: "",
      reason: "",
    };
    const r = scoreEverywhere(makeForm({ rows: [GOOD_ROW, empty] }));
    expect(kinds(r)).toEqual([]);
    expect(r.indicators).toHaveLength(1);
    expect(plain(r.total!)).toBe("100");
    // alone, it leaves a form without indicator rows, which is said once
    const alone = scoreEverywhere(makeForm({ rows: [empty] }));
    expect(kinds(alone)).toEqual(["missing-value@A1"]);
    expect(alone.total).toBeNull();
  });

  test("a placeholder label (指标1:, 指标2：) with nothing else filled is not an indicator either", () => {
    for (const name of ["指标1:", "指标2：", "指标3", "—"]) {
      const r = scoreEverywhere(makeForm({ rows: [GOOD_ROW, { name, actual: "/", weight: "—" }] }));
      expect(kinds(r)).toEqual([]);
      expect(r.indicators).toHaveLength(1);
    }
  });

  test("a row with a real name and nothing else is an indicator with missing values: missing-value and unscored", () => {
    const named: Row = {
      level1: "",
      level2: "",
      name: "完成数量2",
      target: "",
      actual: "",
      weight: "",
      score: "",
    };
    const r = scoreEverywhere(makeForm({ rows: [GOOD_ROW, named] }));
    promptAt(r, "missing-value", "E11");
    promptAt(r, "unscored", "F11");
    expect(r.indicators[1].method).toBe("unscored");
    // the good row is still scored
    expect(plain(r.indicators[0].score!)).toBe("90");
  });

  test("null cells everywhere but the name: the same prompts as empty text", () => {
    const nulls: Row = {
      level1: null,
      level2: null,
      name: "完成数量2",
      target: null,
      actual: null,
      weight: null,
      score: null,
      rate: null,
      reason: null,
    };
    const r = scoreEverywhere(makeForm({ rows: [GOOD_ROW, nulls] }));
    expect(kinds(r)).toEqual(["missing-value@E11", "unscored@F11"]);
    expect(
      r.prompts.every((p) => CHINESE.test(p.message) && p.message.includes(`${SHEET}!${p.cell}`))
    ).toBe(true);
  });

  test("a form with no indicators: scored without an exception, nothing invented", () => {
    const r = scoreEverywhere(makeForm({ rows: [] }));
    expect(r.indicators).toEqual([]);
    expect(r.total).toBeNull();
    expect(plain(r.budget!.rate!)).toBe("1");
    for (const p of r.prompts) expect(p.message).toContain(`${SHEET}!`);
  });
});

describe("text where a number must be", () => {
  test("weight 十分: unparseable on the weight cell", () => {
    const r = scoreEverywhere(makeForm({ rows: [{ ...GOOD_ROW, weight: "十分" }] }));
    expect(promptAt(r, "unparseable", "F10").message).toBe(
      `${SHEET}!F10 的分值“十分”不是数值，该指标按人工评分，所填得分计入总分`
    );
    expect(r.indicators[0].score).toBeNull();
  });

  test("budget 约三十万: unparseable on 全年预算数, not read as 30万", () => {
    const r = scoreEverywhere(makeForm({ annual: "约三十万" }));
    expect(promptAt(r, "unparseable", "D5").message).toBe(
      `${SHEET}!D5 的全年预算数“约三十万”不是金额`
    );
    expect(r.budget?.rate).toBeNull();
    expect(r.budget?.annual).toBeNull();
  });

  test("an actual of words with no level word against a number target: qualitative-judgement, manual", () => {
    const r = scoreEverywhere(makeForm({ rows: [{ ...GOOD_ROW, actual: "见附件" }] }));
    expect(promptAt(r, "qualitative-judgement", "E10").message).toBe(
      `${SHEET}!E10 实际值“见附件”无法判断达成等级，请人工评分`
    );
    expect(r.indicators[0].method).toBe("manual");
  });
});

describe("full-width digits are read, not refused", () => {
  test("１００ / ９０ / ≥１０个 / ９个 / ９０ score exactly as their ASCII writing, with no unparseable prompt", () => {
    const full = scoreEverywhere(
      makeForm({
        annual: "１００",
        executed: "９０",
        rows: [{ target: "≥１０个", actual: "９个", weight: "９０" }],
      })
    );
    const ascii = scoreForm(
      makeForm({
        annual: "100",
        executed: "90",
        rows: [{ target: "≥10个", actual: "9个", weight: "90" }],
      }),
      PROFILES.national
    );
    expect(kinds(full)).toEqual(kinds(ascii));
    expect(kinds(full)).not.toContain("unparseable@D5");
    expect(plain(full.budget!.rate!)).toBe("0.9");
    expect(plain(full.indicators[0].score!)).toBe("81");
    expect(plain(full.total!)).toBe(plain(ascii.total!));
  });
});

describe("zero and negative numbers", () => {
  test.each([["0"], [0], ["0.00"], ["０"]])(
    "全年预算数 %j: unparseable, no division by zero",
    (zero) => {
      const r = scoreEverywhere(makeForm({ annual: zero, executed: "10" }));
      expect(promptAt(r, "unparseable", "D5").message).toBe(
        `${SHEET}!D5 全年预算数为 0，无法计算执行率`
      );
      expect(r.budget?.rate).toBeNull();
      expect(r.budget?.score).toBeNull();
      expect(r.total).toBeNull();
    }
  );

  test("a weight of 0 on the only indicator: weight-sum on the total's weight cell (10 + 0 is not 100), scored 0", () => {
    const r = scoreEverywhere(makeForm({ rows: [{ ...GOOD_ROW, weight: "0" }] }));
    const p = promptAt(r, "weight-sum", "F20");
    expect(p.message).toBe(`${SHEET}!F20 预算执行 10 分与各指标分值 0 分合计 10 分，应为 100 分`);
    expect(plain(r.indicators[0].score!)).toBe("0");
  });

  test.each([["-5个"], ["-5"], [-5], ["－5个"]])(
    "a negative actual %j: unparseable, not read as 5",
    (neg) => {
      const r = scoreEverywhere(makeForm({ rows: [{ ...GOOD_ROW, actual: neg }] }));
      expect(promptAt(r, "unparseable", "E10").message).toBe(
        `${SHEET}!E10 “${String(neg)}”不是数值`
      );
      expect(r.indicators[0].method).toBe("manual");
      expect(r.indicators[0].score).toBeNull();
    }
  );

  test.each([["-5"], [-5]])("a negative weight %j: unparseable, never a negative score", (neg) => {
    const r = scoreEverywhere(makeForm({ rows: [{ ...GOOD_ROW, weight: neg }] }));
    expect(promptAt(r, "unparseable", "F10").message).toBe(
      `${SHEET}!F10 的分值“-5”不是数值，该指标按人工评分，所填得分计入总分`
    );
    expect(r.indicators[0].weight).toBeNull();
    expect(r.indicators[0].score).toBeNull();
  });

  test.each([
    ["annual", "D5", "全年预算数", "-100"],
    ["executed", "E5", "全年执行数", -50],
  ] as const)("a negative %s: unparseable on %s, no rate", (key, address, what, neg) => {
    const r = scoreEverywhere(makeForm({ [key]: neg }));
    expect(promptAt(r, "unparseable", address).message).toBe(
      `${SHEET}!${address} 的${what}“${String(neg)}”不是金额`
    );
    expect(r.budget?.rate).toBeNull();
    expect(r.budget?.score).toBeNull();
  });

  test("a negative printed score: unparseable on the score cell", () => {
    const r = scoreEverywhere(makeForm({ rows: [{ ...GOOD_ROW, score: -3 }] }));
    expect(promptAt(r, "unparseable", "G10").message).toBe(`${SHEET}!G10 的得分“-3”不是数值`);
    expect(plain(r.indicators[0].score!)).toBe("90");
  });
});

describe("absurdly long text (10,000 characters)", () => {
  const long = "甲乙丙丁".repeat(2500);

  test("as the actual: qualitative-judgement, promptly", () => {
    expect(long).toHaveLength(10000);
    const started = Date.now();
    const r = scoreEverywhere(makeForm({ rows: [{ ...GOOD_ROW, actual: long }] }));
    expect(Date.now() - started).toBeLessThan(2000);
    promptAt(r, "qualitative-judgement", "E10");
    expect(r.indicators[0].method).toBe("manual");
  });

  test("as the target, the weight and the budget: a prompt on each, never an exception", () => {
    const r = scoreEverywhere(
      makeForm({ annual: long, rows: [{ target: long, actual: "已完成", weight: long }] })
    );
    promptAt(r, "unparseable", "D5");
    promptAt(r, "unparseable", "F10");
  });

  test("10,000 digits as the actual: read as a number far over the target, overshoot", () => {
    const r = scoreEverywhere(
      makeForm({ rows: [{ ...GOOD_ROW, actual: `${"9".repeat(9999)}个` }] })
    );
    promptAt(r, "overshoot", "E10");
    expect(plain(r.indicators[0].score!)).toBe("90");
  });
});

describe("emoji", () => {
  test("an actual of emoji only: qualitative-judgement, manual", () => {
    const r = scoreEverywhere(makeForm({ rows: [{ ...GOOD_ROW, actual: "😀👍" }] }));
    expect(promptAt(r, "qualitative-judgement", "E10").message).toBe(
      `${SHEET}!E10 实际值“😀👍”无法判断达成等级，请人工评分`
    );
  });

  test("emoji as the weight or the budget: unparseable", () => {
    const r = scoreEverywhere(makeForm({ annual: "💰", rows: [{ ...GOOD_ROW, weight: "🔥" }] }));
    expect(promptAt(r, "unparseable", "D5").message).toBe(`${SHEET}!D5 的全年预算数“💰”不是金额`);
    expect(promptAt(r, "unparseable", "F10").message).toBe(
      `${SHEET}!F10 的分值“🔥”不是数值，该指标按人工评分，所填得分计入总分`
    );
  });

  test("emoji around a number do not hide it", () => {
    const r = scoreEverywhere(
      makeForm({ rows: [{ ...GOOD_ROW, target: "🎯≥10个", actual: "10个✅" }] })
    );
    expect(r.prompts).toEqual([]);
    expect(plain(r.indicators[0].score!)).toBe("90");
  });

  test("a reason of 5,000 emoji is accepted as a reason", () => {
    const r = scoreEverywhere(
      makeForm({ rows: [{ ...GOOD_ROW, actual: "5个", reason: "😀".repeat(5000) }] })
    );
    expect(kinds(r)).not.toContain("deviation-reason-missing@I10");
    expect(plain(r.indicators[0].score!)).toBe("45");
  });
});

describe("other host values", () => {
  test("booleans, NaN and Infinity are not numbers: prompts, no exception", () => {
    const r = scoreEverywhere(
      makeForm({
        annual: Number.NaN,
        executed: Number.POSITIVE_INFINITY,
        rows: [{ target: "≥10个", actual: true, weight: false }],
      })
    );
    promptAt(r, "missing-value", "D5");
    promptAt(r, "unparseable", "F10");
    expect(r.budget?.rate).toBeNull();
    expect(r.total).toBeNull();
  });
});
