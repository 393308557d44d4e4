/**
 * domain.md §2 "Reading a value": readValue() (src/engine/quantity.ts) and align() /
 * pairQuantities() (src/engine/units.ts), one rule at a time.
 */
import { plain } from "../../src/engine/decimal";
import { evaluateIndicator } from "../../src/engine/evaluate";
import { PROFILES } from "../../src/engine/profiles";
import { compareDays } from "../../src/engine/dates";
import { readValue, targetDirection, type Quantity } from "../../src/engine/quantity";
import { align, isAligned, pairQuantities, type Aligned } from "../../src/engine/units";

const national = PROFILES.national;

/** The only (or i-th) quantity of a cell. */
function q(text: string, i = 0): Quantity {
  const r = readValue(text);
  expect(r.status).toBe("ok");
  const found = r.quantities[i];
  if (!found)
    throw new Error(`no quantity ${i} in ${JSON.stringify(text)}: ${JSON.stringify(r.words)}`);
  return found;
}

/** value, unit and per of the only quantity, as plain strings. */
function read(text: string): { value: string; unit: string; per: string | null } {
  const r = readValue(text);
  expect(r.status).toBe("ok");
  expect(r.quantities).toHaveLength(1);
  const x = r.quantities[0];
  return { value: plain(x.value), unit: x.unit, per: x.per };
}

function aligned(target: string, actual: string): Aligned {
  const al = align(q(target), q(actual), national);
  if (!isAligned(al)) throw new Error(`${target} / ${actual} did not align: ${al.mismatch}`);
  return al;
}

function ab(al: Aligned): [string, string] {
  return [plain(al.a), plain(al.b)];
}

describe("direction: from the sign or words written with the number", () => {
  test.each([
    ["≥16套"],
    [">=16套"],
    ["＞=16套"],
    ["≧95%"],
    ["不少于50次"],
    ["不低于95%"],
    ["不小于90%"],
    ["至少3个"],
    ["100人以上"],
    ["100人及以上"],
    ["超过10次"],
    [">10"],
  ])("%s is at least", (text) => {
    expect(q(text).direction).toBe("atLeast");
    expect(targetDirection(readValue(text))).toBe("atLeast");
  });

  test.each([
    ["≤48小时"],
    ["<=3.84万元"],
    ["不超过5%"],
    ["不高于1%"],
    ["不大于3次"],
    ["不多于2起"],
    ["30天以内"],
    ["5%以下"],
    ["30天内"],
    ["控制在5万元内"],
    ["低于5%"],
    ["<1"],
  ])("%s is at most", (text) => {
    expect(q(text).direction).toBe("atMost");
  });

  test("a negated word is the opposite of the word it ends in: 不超过 is at most although it ends in 超过", () => {
    expect(q("超过10次").direction).toBe("atLeast");
    expect(q("不超过10次").direction).toBe("atMost");
    expect(q("高于90%").direction).toBe("atLeast");
    expect(q("不高于90%").direction).toBe("atMost");
    expect(q("少于3起").direction).toBe("atMost");
    expect(q("不少于3起").direction).toBe("atLeast");
  });

  test("= and ＝ are no direction, written explicitly; a bare number is no direction, not explicit", () => {
    expect(q("=10件")).toMatchObject({ direction: "none", explicitEqual: true });
    expect(q("＝10件")).toMatchObject({ direction: "none", explicitEqual: true });
    expect(q("10件")).toMatchObject({ direction: "none", explicitEqual: false });
    expect(q(">=10件").explicitEqual).toBe(false);
    expect(targetDirection(readValue("完成项目建设4个"))).toBe("none");
    expect(targetDirection(readValue("有所提升"))).toBe("none");
  });

  test("内 after a measure word is at most only as 以内/之内/…内, not in 内容 or 内部", () => {
    expect(q("3个月内完成").direction).toBe("atMost");
    expect(q("发布10条内容").direction).toBe("none");
    expect(q("完成3个内部审计").direction).toBe("none");
  });
});

describe("numbers", () => {
  test("ASCII and full-width digits read the same", () => {
    expect(read("１２３")).toEqual({ value: "123", unit: "", per: null });
    expect(read("１２３个")).toEqual({ value: "123", unit: "个", per: null });
    expect(read("≥１６套")).toEqual(read("≥16套"));
    expect(read("９８．７５％")).toEqual({ value: "0.9875", unit: "%", per: null });
  });

  test.each([
    ["1,000", "1000"],
    ["1，000", "1000"],
    ["1,000,000", "1000000"],
    ["1，000，000元", "1000000"],
    ["1,000.5", "1000.5"],
    ["１，０００", "1000"],
  ])("thousands separators: %s is %s", (text, value) => {
    expect(read(text).value).toBe(value);
  });

  test("a comma not followed by exactly three digits separates two numbers", () => {
    const r = readValue("12,34");
    expect(r.quantities.map((x) => plain(x.value))).toEqual(["12", "34"]);
  });

  test("decimals keep their printed digits", () => {
    expect(q("3.86").digits).toBe("3.86");
    expect(plain(q("3.86").value)).toBe("3.86");
    expect(q("3.0").digits).toBe("3.0");
    expect(plain(q("3.0").value)).toBe("3");
    expect(plain(q("0.0001").value)).toBe("0.0001");
  });

  test("a trailing 余 or 多 is approximate, the number is kept", () => {
    expect(q("2500余篇")).toMatchObject({ unit: "篇", approximate: true });
    expect(plain(q("2500余篇").value)).toBe("2500");
    expect(q("100多次")).toMatchObject({ unit: "次", approximate: true });
    expect(plain(q("3万余人").value)).toBe("30000");
    expect(q("3万余人")).toMatchObject({ unit: "人", approximate: true });
    expect(q("2500篇").approximate).toBe(false);
  });

  test.each([
    ["95%", "0.95"],
    ["95%%", "0.95"],
    ["95％", "0.95"],
    ["≥ 90 %", "0.9"],
    ["100%", "1"],
    ["0.5%", "0.005"],
  ])("percentage %s is the fraction %s", (text, value) => {
    expect(read(text)).toEqual({ value, unit: "%", per: null });
  });

  test("list numbering (1、 (1)) and digits glued to letters (5G) are not quantities", () => {
    expect(readValue("1、培训2次").quantities.map((x) => x.source)).toEqual(["2次"]);
    expect(readValue("(1)完成3个").quantities.map((x) => x.source)).toEqual(["3个"]);
    expect(readValue("5G基站3个").quantities.map((x) => x.source)).toEqual(["3个"]);
  });
});

describe("scales and units", () => {
  test("万, 亿, 千, 百 scale the number; the printed digits and the scale are kept", () => {
    const x = q("6352.3万");
    expect(plain(x.value)).toBe("63523000");
    expect(plain(x.scale)).toBe("10000");
    expect(x.digits).toBe("6352.3");
    expect(x.unit).toBe("");
    expect(read("1.2亿").value).toBe("120000000");
    expect(read("5千").value).toBe("5000");
    expect(read("5百人")).toEqual({ value: "500", unit: "人", per: null });
    expect(read("10万人次")).toEqual({ value: "100000", unit: "人次", per: null });
  });

  test("千米 is a measure word, not 千 × 米", () => {
    expect(read("3千米")).toEqual({ value: "3", unit: "千米", per: null });
  });

  test("money: 元, 万元 and 亿元 are all read in 元", () => {
    expect(read("110.40万元")).toEqual({ value: "1104000", unit: "元", per: null });
    expect(read("1亿元")).toEqual({ value: "100000000", unit: "元", per: null });
    expect(read("6727625.90元")).toEqual({ value: "6727625.9", unit: "元", per: null });
    expect(read("<=3.84万元")).toEqual({ value: "38400", unit: "元", per: null });
  });

  test("money converts between 元, 万元 and 亿元 when aligned, an explicit 元 is never rescaled", () => {
    expect(ab(aligned("1亿元", "5000万元"))).toEqual(["100000000", "50000000"]);
    expect(ab(aligned("10万元", "95000元"))).toEqual(["100000", "95000"]);
    expect(ab(aligned("100元", "50万元"))).toEqual(["100", "500000"]);
    expect(ab(aligned("≥500元", "0.06万元"))).toEqual(["500", "600"]);
    // a scaled number without 元 against 元: read in 元
    expect(ab(aligned("680万", "6727625.90元"))).toEqual(["6800000", "6727625.9"]);
  });

  test("per-unit amounts: 5.4万/部 is per 部, 310元/条 is 元 per 条", () => {
    expect(read("5.4万/部")).toEqual({ value: "54000", unit: "", per: "部" });
    expect(read("310元/条")).toEqual({ value: "310", unit: "元", per: "条" });
    expect(read("1.5万元/人")).toEqual({ value: "15000", unit: "元", per: "人" });
  });

  test("per-unit amounts compare only with the same denominator", () => {
    expect(ab(aligned("5.4万/部", "5万/部"))).toEqual(["54000", "50000"]);
    const other = align(q("5.4万/部"), q("5万/集"), national);
    expect(isAligned(other)).toBe(false);
    expect((other as { mismatch: string }).mismatch).toContain("部");
    expect((other as { mismatch: string }).mismatch).toContain("集");
    expect(isAligned(align(q("5.4万/部"), q("310元"), national))).toBe(false);
  });

  test.each([
    ["57期", "期"],
    ["2000篇", "篇"],
    ["5条", "条"],
    ["50次", "次"],
    ["4个", "个"],
    ["10件", "件"],
    ["16套", "套"],
    ["300人", "人"],
    ["6场", "场"],
    ["3项", "项"],
    ["9部", "部"],
    ["6718集", "集"],
    ["4台", "台"],
    ["3家", "家"],
    ["0起", "起"],
    ["365天", "天"],
    ["2小时", "小时"],
    ["30分钟", "分钟"],
    ["5个工作日", "工作日"],
    ["3个月", "个月"],
    ["200人次", "人次"],
    ["3个百分点", "个百分点"],
  ])("measure word: %s counts in %s", (text, unit) => {
    expect(q(text).unit).toBe(unit);
  });
});

describe("a bare actual takes the target's unit and scale, within [0.01, 100]", () => {
  test("11 against ≥16套 is 11套", () => {
    const al = aligned("≥16套", "11");
    expect(ab(al)).toEqual(["16", "11"]);
    expect(al.equivalence).toBe(false);
  });

  test("136 against 150万 is 136万, and the assumption is stated", () => {
    const al = aligned("150万", "136");
    expect(ab(al)).toEqual(["1500000", "1360000"]);
    expect(al.note).toContain("136万");
    expect(al.equivalence).toBe(false);
  });

  test("1360000 against 150万 is already in units: the scaled reading (ratio 9066) is refused", () => {
    expect(ab(aligned("150万", "1360000"))).toEqual(["1500000", "1360000"]);
  });

  test("96 against ≥95% is 96%", () => {
    const al = aligned("≥95%", "96");
    expect(ab(al)).toEqual(["0.95", "0.96"]);
    expect(al.note).toContain("96%");
  });

  test("100 × and 1/100 of the target are the limits, both included", () => {
    expect(ab(aligned("≥16套", "1600"))).toEqual(["16", "1600"]);
    expect(ab(aligned("≥100套", "1"))).toEqual(["100", "1"]);
  });

  test.each([
    ["≥16套", "1601"],
    ["≥100套", "0.99"],
    ["150万", "0.001"],
  ])("outside the limits (%s against %s) it does not convert", (target, actual) => {
    const al = align(q(target), q(actual), national);
    expect(isAligned(al)).toBe(false);
    expect((al as { mismatch: string }).mismatch).toMatch(/单位/);
  });

  test("zero is zero in any unit", () => {
    expect(ab(aligned("≤3起", "0"))).toEqual(["3", "0"]);
  });

  test("a number with its own scale against a percentage does not compare", () => {
    expect(isAligned(align(q("≥95%"), q("1.5万"), national))).toBe(false);
  });
});

describe("measure words an accountant treats as the same", () => {
  test.each([
    ["≥2000篇", "2500余条", "篇", "条"],
    ["5篇", "5稿", "篇", "稿"],
    ["10次", "10场", "次", "场"],
    ["4个", "4项", "个", "项"],
    ["3人", "3人次", "人", "人次"],
  ])("%s against %s compares, with the note 按 %s=%s 计算", (target, actual, u, v) => {
    const al = aligned(target, actual);
    expect(al.equivalence).toBe(true);
    expect(al.note).toBe(`按 ${u}=${v} 计算`);
    expect(plain(al.a)).toBe(plain(q(target).value));
    expect(plain(al.b)).toBe(plain(q(actual).value));
  });

  test.each([
    ["10件", "10个"],
    ["8部", "8集"],
    ["5篇", "5次"],
    ["3人", "3个"],
  ])("%s against %s does not convert: a mismatch naming both units", (target, actual) => {
    const al = align(q(target), q(actual), national);
    expect(isAligned(al)).toBe(false);
    const message = (al as { mismatch: string }).mismatch;
    expect(message).toContain(q(target).unit);
    expect(message).toContain(q(actual).unit);
  });

  test("the table is the profile's: without it 篇/条 does not convert", () => {
    const bare = { ...national, measureWordEquivalents: [] };
    expect(isAligned(align(q("2000篇"), q("2500条"), bare))).toBe(false);
  });
});

describe("small Chinese numerals before a measure word", () => {
  test.each([
    ["两次", "2", "次"],
    ["三个", "3", "个"],
    ["十二期", "12", "期"],
    ["十次", "10", "次"],
    ["二十个", "20", "个"],
    ["一批", "1", "批"],
  ])("%s is %s%s", (text, value, unit) => {
    expect(read(text)).toEqual({ value, unit, per: null });
  });

  test("ordinals and larger numerals are left as text", () => {
    expect(readValue("第三期").quantities).toEqual([]);
    expect(readValue("统一三个标准").quantities).toEqual([]);
    expect(readValue("一百个").quantities).toEqual([]);
  });
});

describe("dates and deadlines", () => {
  test.each([
    ["2023年12月31日前", { y: 2023, m: 12, d: 31 }],
    ["当年12月底完成", { y: null, m: 12, d: 31 }],
    ["12月底", { y: null, m: 12, d: 31 }],
    ["本年10月底", { y: null, m: 10, d: 31 }],
    ["12月31日前", { y: null, m: 12, d: 31 }],
    ["2024年8月", { y: 2024, m: 8, d: 31 }],
    ["2024年2月", { y: 2024, m: 2, d: 29 }],
    ["2023年2月", { y: 2023, m: 2, d: 28 }],
    ["2024年6月份", { y: 2024, m: 6, d: 30 }],
    ["2023年底", { y: 2023, m: 12, d: 31 }],
    ["2023.12.31", { y: 2023, m: 12, d: 31 }],
    ["2023-12-31", { y: 2023, m: 12, d: 31 }],
    ["截至2024年12月31日", { y: 2024, m: 12, d: 31 }],
  ])("%s is due %o", (text, day) => {
    const r = readValue(text);
    expect(r.date).toEqual(day);
    expect(r.quantities).toEqual([]);
  });

  test.each([
    ["2023年1月1日-2023年12月31日"],
    ["2022年9月至12月"],
    ["2023年1-12月"],
    ["2023年1月1日-2023年12月31日;按进度完成"],
  ])("a range (%s) means its last day", (text) => {
    const r = readValue(text);
    expect(r.date?.m).toBe(12);
    expect(r.date?.d).toBe(31);
    expect(r.quantities).toEqual([]);
  });

  test("ranges keep their year", () => {
    expect(readValue("2022年9月至12月").date).toEqual({ y: 2022, m: 12, d: 31 });
    expect(readValue("2023年1-12月").date).toEqual({ y: 2023, m: 12, d: 31 });
    expect(readValue("2023年1月1日-2023年12月26日").date).toEqual({ y: 2023, m: 12, d: 26 });
  });

  test("the digits of a date are not read as quantities", () => {
    const r = readValue("2023年12月31日前完成3个");
    expect(r.quantities.map((x) => x.source)).toEqual(["3个"]);
    expect(r.date).toEqual({ y: 2023, m: 12, d: 31 });
  });

  test("compareDays: a year-less day takes the other's year", () => {
    expect(compareDays({ y: 2023, m: 12, d: 20 }, { y: 2023, m: 12, d: 31 })).toBeLessThan(0);
    expect(compareDays({ y: 2024, m: 1, d: 5 }, { y: 2023, m: 12, d: 31 })).toBeGreaterThan(0);
    expect(compareDays({ y: 2023, m: 12, d: 31 }, { y: null, m: 12, d: 31 })).toBe(0);
    expect(compareDays({ y: null, m: 11, d: 30 }, { y: 2023, m: 12, d: 31 })).toBeLessThan(0);
  });

  test.each([
    ["每月25日前", 25, false],
    ["每月10号前", 10, false],
    ["次月10日前", 10, false],
    ["次月10日后", 10, true],
    ["偶有次月10日以后", 10, true],
  ])("recurring deadline %s: day %d, late %s", (text, day, late) => {
    const r = readValue(text);
    expect(r.recurringDay).toBe(day);
    expect(r.recurringLate).toBe(late);
    expect(r.quantities).toEqual([]);
    expect(r.date).toBeNull();
  });
});

describe("zero in words", () => {
  test.each([["无"], ["零"], ["没有"], ["未发生"], ["无事故"], ["零投诉"], ["没有发生"], ["=无"]])(
    "%s is zero",
    (text) => {
      const r = readValue(text);
      expect(r.status).toBe("ok");
      expect(r.zero).toBe(true);
      expect(r.quantities).toEqual([]);
    }
  );

  test("没有完成 is a failure phrase to judge (§3), not a count of zero", () => {
    expect(readValue("没有完成").zero).toBe(false);
  });

  test("numbers are not zero words: 0 is a quantity, 5起 is not zero", () => {
    const r = readValue("0");
    expect(r.zero).toBe(false);
    expect(plain(r.quantities[0].value)).toBe("0");
    expect(readValue("5起").zero).toBe(false);
    expect(readValue("已完成").zero).toBe(false);
  });
});

describe("errors, blanks and not-applicable cells", () => {
  test.each([["#REF!"], ["#DIV/0!"], ["#N/A"], ["#VALUE!"], [" #REF! "], ["#ref!"]])(
    "%s is an error",
    (text) => {
      const r = readValue(text);
      expect(r.status).toBe("error");
      expect(r.quantities).toEqual([]);
      expect(r.date).toBeNull();
      expect(r.zero).toBe(false);
    }
  );

  test.each([["-5"], ["-5个"], ["－5个"], ["=-3"], ["≥-5%"]])(
    "a negative number (%s) is not read: error",
    (text) => {
      const r = readValue(text);
      expect(r.status).toBe("error");
      expect(r.quantities).toEqual([]);
    }
  );

  test("a hyphen between numbers is a range, not a sign", () => {
    expect(readValue("5-10个").status).toBe("ok");
    expect(readValue("第1-3期").status).toBe("ok");
    expect(readValue("2023年1月1日-2023年12月31日").status).toBe("ok");
  });

  test.each([[""], ["   "], ["\n"], ["\u3000"]])("%j is empty", (text) => {
    const r = readValue(text);
    expect(r.status).toBe("empty");
    expect(r.quantities).toEqual([]);
  });

  test.each([["-"], ["—"], ["/"], ["／"], [" - "], ["——"]])("%s is not applicable", (text) => {
    const r = readValue(text);
    expect(r.status).toBe("na");
    expect(r.quantities).toEqual([]);
  });

  test("the original text is kept", () => {
    expect(readValue(" #REF! ").text).toBe(" #REF! ");
    expect(readValue("≥１６套").text).toBe("≥１６套");
  });
});

describe("several quantities in a cell", () => {
  const target = "转载内容日更量5条。转发不少于50次。";

  test("转载内容日更量5条。转发不少于50次。 reads 5条 and 50次, each with its own direction", () => {
    const r = readValue(target);
    expect(r.quantities.map((x) => [x.source, x.unit, plain(x.value), x.direction])).toEqual([
      ["5条", "条", "5", "none"],
      ["50次", "次", "50", "atLeast"],
    ]);
  });

  test("they pair with the actual's quantities by measure word, in any order", () => {
    const t = readValue(target).quantities;
    for (const actual of ["日更5条，转发60次", "转发60次，日更5条"]) {
      const pairs = pairQuantities(t, readValue(actual).quantities, national)?.pairs;
      expect(pairs?.map((p) => [p.t.source, p.b.source])).toEqual([
        ["5条", "5条"],
        ["50次", "60次"],
      ]);
    }
  });

  test("equivalent measure words pair too", () => {
    const pairs = pairQuantities(
      readValue("5篇，50次").quantities,
      readValue("5条，50场").quantities,
      national
    )?.pairs;
    expect(pairs?.map((p) => [p.t.source, p.b.source])).toEqual([
      ["5篇", "5条"],
      ["50次", "50场"],
    ]);
  });

  test("a target quantity the actual does not mention is left out (domain §2, revised); null only when nothing pairs", () => {
    const one = pairQuantities(readValue(target).quantities, readValue("6次").quantities, national);
    expect(one?.pairs.map((p) => [p.t.source, p.b.source])).toEqual([["50次", "6次"]]);
    expect(one?.leftOut.map((q) => q.source)).toEqual(["5条"]);
    const issues = pairQuantities(
      readValue("12期、每期800份").quantities,
      readValue("12期").quantities,
      national
    );
    expect(issues?.pairs.map((p) => [p.t.source, p.b.source])).toEqual([["12期", "12期"]]);
    expect(issues?.leftOut.map((q) => q.source)).toEqual(["800份"]);
    expect(
      pairQuantities(readValue(target).quantities, readValue("6个").quantities, national)
    ).toBeNull();
    expect(pairQuantities(readValue(target).quantities, [], national)).toBeNull();
  });

  test("one quantity on each side always pairs (align decides whether they compare)", () => {
    const pairs = pairQuantities(
      readValue("10件").quantities,
      readValue("10个").quantities,
      national
    )?.pairs;
    expect(pairs).toHaveLength(1);
    expect(isAligned(align(pairs![0].t, pairs![0].b, national))).toBe(false);
  });

  test("bare numbers pair in order only when both sides have as many", () => {
    const pairs = pairQuantities(
      readValue("5，50").quantities,
      readValue("6，60").quantities,
      national
    )?.pairs;
    expect(pairs?.map((p) => [p.t.source, p.b.source])).toEqual([
      ["5", "6"],
      ["50", "60"],
    ]);
    expect(
      pairQuantities(readValue("5，50").quantities, readValue("6，60，7").quantities, national)
    ).toBeNull();
  });
});

describe("same text, achieved (before any parsing)", () => {
  const evaluate = (target: string, actual: string): ReturnType<typeof evaluateIndicator> =>
    evaluateIndicator(
      { target, actual, rule: "", name: "完成数量", level1: "产出指标", level2: "数量指标" },
      national,
      null
    );

  test.each([
    ["≤48小时", "≤48小时"],
    ["公众满意度≥90%", "公众满意度≥90%"],
    ["完成项目建设4个", "已完成项目建设4个"],
    ["1,000个", "1000个"],
  ])("%s → %s is achieved, ratio 1", (target, actual) => {
    const ev = evaluate(target, actual);
    expect(ev.sameText).toBe(true);
    expect(ev.met).toBe(true);
    expect(plain(ev.completion!)).toBe("1");
  });

  test("a different number is not the same text", () => {
    const ev = evaluate("≥16套", "≥11套");
    expect(ev.sameText).toBe(false);
    expect(plain(ev.share!.ratio!)).toBe("0.6875");
  });

  test("a decimal point is not punctuation: 125个 → 12.5个 is 10%, not the same text", () => {
    const ev = evaluate("125个", "12.5个");
    expect(ev.sameText).toBe(false);
    expect(plain(ev.share!.ratio!)).toBe("0.1");
  });
});
