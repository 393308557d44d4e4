/**
 * Issue 11 §1.2: weights printed only on block cells merged down the left (Hubei municipal:
 * 年度绩效目标（80分）, or two 年度绩效目标（40分） blocks), the level-1 cells without （N分）.
 */
import type { Grid } from "../../../src/form/grid";
import { scoreGrids } from "../../../src/form/pipeline";
import { recognizeSheet } from "../../../src/form/recognize";
import { correctForm, evenBlockWeights, layoutForm } from "../../support/layouts";

const result = (g: Grid) => scoreGrids([g], [], { profile: "national" })[0].forms[0].result;

describe("weights on block cells", () => {
  test("each row carries the block cell that covers it", () => {
    const g = layoutForm("一块", evenBlockWeights(correctForm(), "one"), { blocks: "one" });
    const [form] = recognizeSheet(g).forms;
    expect(form.indicators.map((r) => r.block?.address)).toEqual(["A6", "A6", "A6", "A6"]);
    expect(form.indicators[0].block?.value).toBe("年度绩效目标（90分）");
    expect(form.indicators[0].weight).toBeUndefined();
  });

  test("one block of 90: the rows share it evenly and are scored", () => {
    const r = result(layoutForm("一块", evenBlockWeights(correctForm(), "one"), { blocks: "one" }));
    expect(r.indicators.map((i) => i.weight?.toString())).toEqual(["22.5", "22.5", "22.5", "22.5"]);
    expect(r.indicators.map((i) => i.score?.toString())).toEqual(["22.5", "22.5", "22.5", "22.5"]);
    expect(r.total?.toString()).toBe("99.5");
    expect(r.prompts.map((p) => p.kind)).not.toContain("weight-sum");
  });

  test("two blocks weight the groups beside each: 产出 45 over two rows, the rest 45 over two", () => {
    const g = layoutForm("两块", evenBlockWeights(correctForm(), "two"), { blocks: "two" });
    const [form] = recognizeSheet(g).forms;
    expect(form.indicators.map((r) => r.block?.value)).toEqual([
      "年度绩效目标（45分）",
      "年度绩效目标（45分）",
      "年度绩效目标（45分）",
      "年度绩效目标（45分）",
    ]);
    expect(new Set(form.indicators.map((r) => r.block?.address)).size).toBe(2);
    const r = result(g);
    expect(r.total?.toString()).toBe("99.5");
  });

  test("half- and full-width brackets; printed scores of met rows are their implied weights", () => {
    const f = correctForm();
    const g = layoutForm("半角", f, { blocks: "one" });
    const values = g.values.map((row) =>
      row.map((v) => (v === "年度绩效目标（90分）" ? "年度绩效目标(90分)" : v))
    );
    const r = result({ ...g, values });
    expect(r.indicators.map((i) => [i.weight?.toString(), i.weightSource])).toEqual([
      ["30", "implied"],
      ["20", "implied"],
      ["30", "implied"],
      ["10", "implied"],
    ]);
    expect(r.total?.toString()).toBe("99.5");
  });

  test("a level-1 cell that prints its own （N分） keeps it inside the block", () => {
    const f = evenBlockWeights(correctForm(), "one");
    const g = layoutForm("组权重", f, { blocks: "one" });
    const values = g.values.map((row) =>
      row.map((v) => (v === "满意度指标" ? "满意度指标（10分）" : v))
    );
    const r = result({ ...g, values });
    expect(r.indicators.map((i) => i.weight?.toString())).toEqual([
      "26.67",
      "26.67",
      "26.66",
      "10",
    ]);
  });
});
