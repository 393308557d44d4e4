/**
 * Issue 11 §1.1: the target split over 指标性质 | 指标值 | 度量单位 under a merged 年度指标值 (a
 * two-row header), the actual with its own unit column: one quantity, tied to the value cell.
 */
import { readValue, targetDirection } from "../../../src/engine/quantity";
import { scoreGrids } from "../../../src/form/pipeline";
import { recognizeSheet } from "../../../src/form/recognize";
import { correctForm, layoutForm, type PlainForm } from "../../support/layouts";

const split = (form: PlainForm) => layoutForm("云南", form, { splitTarget: true });

describe("a target split over sign | value | unit columns", () => {
  test("each row reads as one quantity from the value cell; the sub-header row is not an indicator", () => {
    const [form] = recognizeSheet(split(correctForm())).forms;
    expect(form.indicators.map((r) => r.row)).toEqual([7, 8, 9, 10]);
    // columns: A–C levels, D sign, E value, F unit, G actual value, H actual unit
    expect(form.indicators[0].target).toEqual({ address: "E7", value: "≥10期" });
    expect(form.indicators[0].actual).toEqual({ address: "G7", value: "12期" });
    expect(form.indicators[1].target).toEqual({ address: "E8", value: "≥95%" });
    expect(form.indicators[0].weight).toEqual({ address: "I7", value: 30 });
  });

  test("a correct split form scores as the same form printed in one column: same total, no prompt", () => {
    const [one] = scoreGrids([layoutForm("合并", correctForm())], []);
    const [out] = scoreGrids([split(correctForm())], []);
    const r = out.forms[0].result;
    expect(r.prompts).toEqual([]);
    expect(r.total?.toString()).toBe("99.5");
    expect(r.indicators.map((i) => i.score?.toString())).toEqual(
      one.forms[0].result.indicators.map((i) => i.score?.toString())
    );
  });

  test.each([
    ["≥", "atLeast"],
    ["≧", "atLeast"],
    ["＞", "atLeast"],
    ["不少于", "atLeast"],
    ["≤", "atMost"],
    ["≦", "atMost"],
    ["＜", "atMost"],
    ["不高于", "atMost"],
    ["不超过", "atMost"],
  ])("the sign %s composes into a target the engine reads as %s", (sign, direction) => {
    const f = correctForm();
    const form: PlainForm = {
      ...f,
      indicators: [{ ...f.indicators[0], target: { sign, value: 10, unit: "期" } }],
    };
    const [read] = recognizeSheet(split(form)).forms;
    const text = String(read.indicators[0].target?.value);
    expect(targetDirection(readValue(text))).toBe(direction);
    expect(readValue(text).quantities[0].value.toString()).toBe("10");
  });

  test.each(["＝", "═", "﹦", "="])(
    "the sign %s is an equal target: 10期 read as one quantity",
    (sign) => {
      const f = correctForm();
      const form: PlainForm = {
        ...f,
        indicators: [{ ...f.indicators[0], target: { sign, value: 10, unit: "期" } }],
      };
      const [read] = recognizeSheet(split(form)).forms;
      expect(read.indicators[0].target?.value).toBe("=10期");
      const q = readValue("=10期").quantities;
      expect(q).toHaveLength(1);
      expect(q[0].unit).toBe("期");
    }
  );

  test("an unmet split row is scored from the composed quantities and asks for its reason", () => {
    const f = correctForm();
    const form: PlainForm = {
      ...f,
      indicators: [
        { ...f.indicators[0], actual: { sign: "", value: 8, unit: "期" }, score: null },
        ...f.indicators.slice(1),
      ],
      total: null,
    };
    const r = scoreGrids([split(form)], [])[0].forms[0].result;
    expect(r.indicators[0].score?.toString()).toBe("24");
    expect(r.prompts.map((p) => [p.kind, p.cell])).toEqual([["deviation-reason-missing", "K7"]]);
  });

  test("定性 in 指标性质 adds no sign; a dash in the unit column adds no unit", () => {
    const f = correctForm();
    const form: PlainForm = {
      ...f,
      indicators: [
        {
          ...f.indicators[0],
          target: { sign: "定性", value: "有效提升", unit: "/" },
          actual: { sign: "", value: "有效提升", unit: "" },
        },
      ],
    };
    const [read] = recognizeSheet(split(form)).forms;
    expect(read.indicators[0].target).toEqual({ address: "E7", value: "有效提升" });
  });

  test("a one-row header with 指标性质 | 指标值 | 度量单位 and the actual's own 度量单位 column", () => {
    const g = {
      sheet: "一行表头",
      origin: "A1",
      merges: [],
      values: [
        [
          "一级指标",
          "二级指标",
          "三级指标",
          "指标性质",
          "指标值",
          "度量单位",
          "实际完成值",
          "度量单位",
          "分值",
          "得分",
        ],
        ["产出指标", "数量指标", "培训人次", "≥", 200, "人次", 230, "人次", 90, 90],
        ["总分", null, null, null, null, null, null, null, 90, 90],
      ],
    };
    const [form] = recognizeSheet(g).forms;
    expect(form.indicators).toHaveLength(1);
    expect(form.indicators[0].target).toEqual({ address: "E2", value: "≥200人次" });
    expect(form.indicators[0].actual).toEqual({ address: "G2", value: "230人次" });
  });
});
