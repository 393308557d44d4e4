/**
 * Issue 11 §1.3, §1.5, weight text: placeholder rows are not indicators, a real name with nothing
 * else is; the weight column may stand before the target; a weight cell holding text reaches the
 * engine as printed. And a programming error in recognition is thrown, not called "不是自评表".
 */
import type { Grid } from "../../../src/form/grid";
import { scoreGrids } from "../../../src/form/pipeline";
import { recognizeSheet } from "../../../src/form/recognize";
import { correctForm, layoutForm, type PlainForm } from "../../support/layouts";

const kindsAndCells = (g: Grid) =>
  scoreGrids([g], [])[0].forms[0].result.prompts.map((p) => [p.kind, p.cell]);

describe("template placeholder rows", () => {
  test("指标2： rows and rows of / are dropped: same indicators, same total, no prompt", () => {
    const g = layoutForm("占位", correctForm(), {
      placeholders: [
        { before: 1, kind: "label" },
        { before: 3, kind: "dashes" },
        { before: 3, kind: "label" },
      ],
    });
    const [form] = recognizeSheet(g).forms;
    expect(form.indicators.map((r) => r.name.value)).toEqual([
      "出版期数",
      "合格率",
      "受益人数",
      "满意度",
    ]);
    const r = scoreGrids([g], [])[0].forms[0].result;
    expect(r.total?.toString()).toBe("99.5");
    expect(r.prompts).toEqual([]);
  });

  test("a placeholder label with a value filled is an indicator (the person used the row)", () => {
    const f = correctForm();
    const form: PlainForm = {
      ...f,
      indicators: [...f.indicators.slice(0, 3), { ...f.indicators[3], name: "指标4：" }],
    };
    expect(recognizeSheet(layoutForm("用了", form)).forms[0].indicators).toHaveLength(4);
  });

  test("a real name with nothing else stays an indicator with missing values", () => {
    const g = layoutForm("缺值", correctForm());
    const values = g.values.map((r) => r.slice());
    values.splice(9, 0, [
      "满意度指标",
      "服务对象满意度指标",
      "群众满意度",
      null,
      null,
      null,
      null,
      null,
    ]);
    const [form] = recognizeSheet({ ...g, values }).forms;
    expect(form.indicators.map((r) => r.name.value)).toContain("群众满意度");
    expect(kindsAndCells({ ...g, values }).map((x) => x[0])).toContain("missing-value");
  });
});

describe("the weight column before the target (分值 | 年度指标值 | 实际完成值 | 得分)", () => {
  test("reads every column where it stands and scores as the usual order", () => {
    const g = layoutForm("分值在前", correctForm(), { weightFirst: true });
    const [form] = recognizeSheet(g).forms;
    expect(form.indicators[0].weight).toEqual({ address: "D6", value: 30 });
    expect(form.indicators[0].target).toEqual({ address: "E6", value: "≥10期" });
    const r = scoreGrids([g], [])[0].forms[0].result;
    expect(r.total?.toString()).toBe("99.5");
    expect(r.prompts).toEqual([]);
  });
});

describe("a weight cell holding text", () => {
  test.each(["待定", "见附件", "#REF!"])(
    "%s reaches the engine as printed and is reported on the weight cell",
    (w) => {
      const f = correctForm();
      const form: PlainForm = {
        ...f,
        indicators: [{ ...f.indicators[0], weight: w }, ...f.indicators.slice(1)],
      };
      const g = layoutForm("分值文字", form);
      const [read] = recognizeSheet(g).forms;
      expect(read.indicators[0].weight).toEqual({ address: "F6", value: w });
      expect(kindsAndCells(g)).toContainEqual(["unparseable", "F6"]);
    }
  );
});

describe("recognition errors", () => {
  test("a programming error surfaces as an error, not as 不是自评表", () => {
    const broken = { sheet: "坏", origin: "A1", values: [null], merges: [] } as unknown as Grid;
    expect(() => recognizeSheet(broken)).toThrow(TypeError);
  });

  test("a sheet that is not a form still says why", () => {
    const r = recognizeSheet({ sheet: "说明", origin: "A1", values: [["说明"]], merges: [] });
    expect(r.skipped).toMatch(/^不是自评表：/);
  });
});
