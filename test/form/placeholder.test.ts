/**
 * Template placeholder rows are one definition (src/engine/placeholder.ts) for recognition and
 * scoring. The same row is dropped by both sides, or kept by both: recognition leaves it out of
 * the form, and a form built with it (another host, a test) is scored as if it were not there.
 * Before the one definition the sides differed on 指标 (scoring dropped it, recognition kept it),
 * on 指标１： with a full-width digit and on 指标1：： (recognition dropped them, scoring kept them),
 * and on dots (……) in the other cells (recognition: nothing written; scoring: something written).
 */
import type { CellScalar } from "../../src/engine/types";
import { PROFILES } from "../../src/engine";
import { isPlaceholderName, saysNothing } from "../../src/engine/placeholder";
import { scoreForm } from "../../src/engine/score";
import type { Grid } from "../../src/form/grid";
import { recognizeSheet } from "../../src/form/recognize";
import { correctForm, layoutForm } from "../support/layouts";

const PLACEHOLDERS = [
  "指标1:",
  "指标2：",
  "指标3",
  "三级指标1",
  "指标1:/",
  "指标1：—",
  " 指标 2 ：",
  "指标１：",
  "指标1：：",
  "指标",
  "指标：",
];
const NAMES = ["指标1:租车次数", "指标完成率", "群众满意度", "1指标", "三级指标说明", "指标1:2"];

/** The correct form with one more satisfaction row: `name`, and `target` in its 年度指标值. */
function withRow(name: string, target: CellScalar = null): Grid {
  const g = layoutForm("占位", correctForm());
  const values = g.values.map((r) => r.slice());
  values.splice(9, 0, ["满意度指标", "服务对象满意度指标", name, target, null, null, null, null]);
  return { ...g, values };
}

const names = (g: Grid): CellScalar[] =>
  recognizeSheet(g).forms[0].indicators.map((r) => r.name.value);

/** The form recognised with a real name in the row, then given `name`: as another host may build it. */
function scoredWith(name: string, target: CellScalar = null) {
  const [form] = recognizeSheet(withRow("群众满意度", target)).forms;
  const indicators = form.indicators.map((r) =>
    r.name.value === "群众满意度" ? { ...r, name: { ...r.name, value: name } } : r
  );
  return scoreForm({ ...form, indicators }, PROFILES.national);
}

describe("one definition of a placeholder row", () => {
  test.each(PLACEHOLDERS)("%j is a label", (name) => {
    expect(isPlaceholderName(name)).toBe(true);
  });

  test.each(NAMES)("%j is a name", (name) => {
    expect(isPlaceholderName(name)).toBe(false);
  });

  test.each(PLACEHOLDERS)("a row named %j with nothing else is dropped by both sides", (name) => {
    expect(names(withRow(name))).toHaveLength(4);
    const r = scoredWith(name);
    expect(r.indicators.map((i) => i.name)).not.toContain(name.trim());
    expect(r.indicators).toHaveLength(4);
    expect(r.prompts).toEqual([]);
    expect(r.total?.toString()).toBe("99.5");
  });

  test.each(NAMES)("a row named %j with nothing else is kept by both sides", (name) => {
    expect(names(withRow(name))).toContain(name);
    const r = scoredWith(name);
    expect(r.indicators).toHaveLength(5);
    expect(r.prompts.map((p) => p.kind)).toContain("missing-value");
  });

  test("dots are nothing written, on both sides; a value is something", () => {
    expect(names(withRow("指标5：", "……"))).toHaveLength(4);
    expect(scoredWith("指标5：", "……").indicators).toHaveLength(4);
    expect(names(withRow("指标5：", "≥90%"))).toHaveLength(5);
    expect(scoredWith("指标5：", "≥90%").indicators).toHaveLength(5);
  });

  test.each([
    [null, true],
    ["", true],
    ["  ", true],
    ["……", true],
    ["—", true],
    [" / ", true],
    ["-5", false],
    [0, false],
    [false, false],
    ["…完成", false],
  ] as const)("the cell %j says nothing: %s", (value, nothing) => {
    expect(saysNothing(value)).toBe(nothing);
  });
});
