/**
 * Issue 11 §1.4: budget blocks of other templates (调整后预算数 / 预算执行数, 全年预算数（A）/
 * 全年执行数（B）, 预算数 / 执行数, 资金总额), and a total row printed 0 or empty while the 其中 rows
 * carry the amounts: the amounts are their sum, and the explanation says so.
 */
import type { CellScalar } from "../../../src/engine/types";
import type { Grid } from "../../../src/form/grid";
import { scoreGrids } from "../../../src/form/pipeline";
import { correctForm, layoutForm } from "../../support/layouts";

/** The small form with its budget block replaced by the rows given (from row 3). */
function withBudget(rows: CellScalar[][]): Grid {
  const g = layoutForm("预算", correctForm());
  const width = g.values[0].length;
  const pad = (r: CellScalar[]) => [...r, ...Array<CellScalar>(width - r.length).fill(null)];
  const values = [...g.values.slice(0, 2), ...rows.map(pad), ...g.values.slice(4)];
  return { ...g, values };
}

const result = (g: Grid) => scoreGrids([g], [], { profile: "national" })[0].forms[0];

describe("budget blocks of other templates", () => {
  test.each([
    ["调整后预算数", "预算执行数"],
    ["全年预算数（A）", "全年执行数（B）"],
    ["预算数", "执行数"],
    ["预算数（A）", "执行数（B）"],
  ])("%s / %s", (annual, executed) => {
    const g = withBudget([
      ["项目资金（万元）", annual, executed, "分值", "执行率", "得分"],
      ["资金总额", 100, 95, 10, null, 9.5],
    ]);
    const { form, result: r } = result(g);
    expect(form.budget?.rows[0].annual).toEqual({ address: "B4", value: 100 });
    expect(form.budget?.rows[0].executed).toEqual({ address: "C4", value: 95 });
    expect(r.budget?.score?.toString()).toBe("9.5");
    expect(r.prompts).toEqual([]);
  });

  test("a total row printed empty: the 其中 rows' sum, said in the explanation", () => {
    const g = withBudget([
      ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", null, null, 10, null, null],
      ["其中：当年财政拨款", 80, 76, null, null, null],
      ["上年结转资金", 20, 19, null, null, null],
    ]);
    const { form, result: r } = result(g);
    expect(form.budget?.rows[0].annual).toEqual({ address: "B4", value: "100" });
    expect(form.budget?.rows[0].executed).toEqual({ address: "C4", value: "95" });
    expect(r.budget?.rate?.toString()).toBe("0.95");
    expect(r.budget?.score?.toString()).toBe("9.5");
    expect(r.budget?.cell).toBe("F4");
    expect(r.budget?.explain).toContain(
      "年度资金总额未填金额，按其中各行（其中：当年财政拨款、上年结转资金）合计"
    );
    expect(r.prompts).toEqual([]);
  });

  test("a total row printed 0 with 0% and 0: the sum is read, and the printed 0% and 0 disagree", () => {
    const g = withBudget([
      ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 0, 0, 10, "0%", 0],
      ["其中：财政拨款", 100, 95, null, null, null],
    ]);
    const { result: r } = result(g);
    expect(r.budget?.score?.toString()).toBe("9.5");
    expect(r.prompts.map((p) => [p.kind, p.cell]).sort()).toEqual([
      ["rate-mismatch", "E4"],
      ["score-mismatch", "F4"],
    ]);
  });

  test("a total row that prints its amounts is read as printed, whatever the 其中 rows say", () => {
    const g = withBudget([
      ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 100, 95, 10, null, 9.5],
      ["其中：财政拨款", 60, 50, null, null, null],
    ]);
    const { form } = result(g);
    expect(form.budget?.note).toBeUndefined();
    expect(form.budget?.rows[0].annual?.value).toBe(100);
  });
});
