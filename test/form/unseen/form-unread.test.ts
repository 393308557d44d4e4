/**
 * Issue 24 (domain §9, `form-unread`): one prompt per gap, never one per row, never silent. A column
 * the rules need that the reader could not place, with the header texts it did not understand, gives
 * ONE 提示 at the header row and none of the per-row prompts of that column; a budget block whose
 * amounts cannot be read is said; a budget block with no indicator table is a form without a total.
 */
import type { CellScalar, Prompt } from "../../../src/engine/types";
import type { Grid } from "../../../src/form/grid";
import { scoreGrids } from "../../../src/form/pipeline";
import { recognizeSheet } from "../../../src/form/recognize";

const grid = (sheet: string, values: CellScalar[][], merges: string[] = []): Grid => ({
  sheet,
  origin: "A1",
  merges,
  values: values.map((r) => [...r, ...Array<CellScalar>(9 - r.length).fill(null)]),
});
const scored = (g: Grid) => scoreGrids([g], [], { profile: "national" })[0].forms[0];
const where = (ps: readonly Prompt[]): string[] => ps.map((p) => `${p.kind}@${p.cell}`);

const TITLE = ["2023年度项目支出绩效自评表"];
const BUDGET: CellScalar[][] = [
  ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  ["年度资金总额", 100, 95, 10, "95%", 9.5],
];
/** Four indicator rows under the header given; the second row falls short with its reason written. */
function table(header: CellScalar[]): CellScalar[][] {
  return [
    header,
    ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 30, 30, null],
    ["产出指标", "质量指标", "合格率", "≥95%", "90%", 20, 18.95, "部分学员缺考"],
    ["效益指标", "社会效益指标", "受益群众", "≥500人", "520人", 30, 30, null],
    ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "93%", 10, 10, null],
  ];
}
const HEADER = [
  "一级指标",
  "二级指标",
  "三级指标",
  "年度指标值",
  "实际完成值",
  "分值",
  "得分",
  "偏差原因分析及改进措施",
];
const form = (header: CellScalar[], budget = BUDGET): Grid =>
  grid("自评表", [
    TITLE,
    ["项目名称", "培训项目"],
    ...budget,
    ...table(header),
    ["总分", null, null, null, null, 100, 98.45],
  ]);

describe("one form-unread per gap, replacing the per-row prompts of its column", () => {
  test("the form as printed is correct: no prompt", () => {
    expect(where(scored(form(HEADER)).result.prompts)).toEqual([]);
  });

  test("§9's annotated headers and synonyms are read: 指标值(A), 完成值(B), 参考分值, 未完成原因及改进措施", () => {
    const h = [
      "一级指标",
      "二级指标",
      "三级指标",
      "指标值(A)",
      "完成值（B）",
      "参考分值",
      "得分",
      "未完成原因及改进措施",
    ];
    const { form: f, result } = scored(form(h));
    expect(f.indicators[1].target?.address).toBe("D7");
    expect(f.indicators[1].actual?.address).toBe("E7");
    expect(f.indicators[1].weight?.address).toBe("F7");
    expect(f.indicators[1].reason?.value).toBe("部分学员缺考");
    expect(f.unread).toBeUndefined();
    expect(result.indicators.map((i) => `${i.method} ${i.value?.toString()}`)).toEqual([
      "positive 30",
      "positive 18.95",
      "positive 30",
      "positive 10",
    ]);
    expect(where(result.prompts)).toEqual([]);
  });

  test("a weight header not understood: one prompt at the header naming it, no 未赋分值 per row", () => {
    const h = [...HEADER.slice(0, 5), "权数分配", ...HEADER.slice(6)];
    const { result } = scored(form(h));
    const unread = result.prompts.filter((p) => p.kind === "form-unread");
    expect(unread).toHaveLength(1);
    expect(unread[0].cell).toBe("A5");
    expect(unread[0].message).toBe(
      "自评表!A5 未识别分值列（未识别的表头：权数分配），本表未逐行提示"
    );
    expect(where(result.prompts)).toEqual(["form-unread@A5"]);
  });

  test("a target header not understood: one prompt, no 目标值未填写 on any row", () => {
    const h = [...HEADER.slice(0, 3), "考核标准值", ...HEADER.slice(4)];
    const { result } = scored(form(h));
    expect(where(result.prompts)).toEqual(["form-unread@A5"]);
    expect(result.prompts[0].message).toContain("未识别目标值列（未识别的表头：考核标准值）");
    // every row is left to the accountant, its typed score kept
    expect(result.indicators.map((i) => `${i.method} ${i.value?.toString()}`)).toEqual([
      "manual 30",
      "manual 18.95",
      "manual 30",
      "manual 10",
    ]);
  });

  test("a reason header not understood: the reason the form owes is not asked row by row", () => {
    const h = [...HEADER.slice(0, 7), "情况说明"];
    const { result } = scored(form(h));
    expect(where(result.prompts)).toEqual(["form-unread@A5"]);
    expect(result.prompts[0].message).toContain("未识别偏差原因列（未识别的表头：情况说明）");
  });

  test("a template that simply has no reason column, nothing left over, is no gap", () => {
    const { form: f, result } = scored(form(HEADER.slice(0, 7)));
    expect(f.unread).toBeUndefined();
    // no form-unread; the short row's reason is still asked for on its actual, as domain §6's
    // worked example 001#0#3 (a template without a reason column) requires
    expect(where(result.prompts)).toEqual(["deviation-reason-missing@E7"]);
  });

  test("known asides (序号, 备注, 指标值设定依据) left over are no gap", () => {
    const h = [...HEADER, "备注"];
    const { form: f } = scored(form(h));
    expect(f.unread).toBeUndefined();
  });
});

describe("a budget block is never dropped without a word", () => {
  test("全年执行 (without 数) is the 全年执行数: the rate and score are computed", () => {
    const budget = [
      ["项目资金（万元）", "全年预算数", "全年执行", "分值", "执行率", "得分"],
      BUDGET[1],
    ];
    const { result } = scored(form(HEADER, budget));
    expect(result.budget?.rate?.toString()).toBe("0.95");
    expect(result.budget?.value?.toString()).toBe("9.5");
    expect(where(result.prompts)).toEqual([]);
  });

  test("an amount header not understood: one prompt on the block naming what was seen", () => {
    const budget = [
      ["项目资金（万元）", "全年预算数", "支出金额", "分值", "执行率", "得分"],
      BUDGET[1],
    ];
    const { form: f, result } = scored(form(HEADER, budget));
    expect(f.budget).toBeDefined();
    expect(f.unread?.missing).toEqual(["budget"]);
    const unread = result.prompts.filter((p) => p.kind === "form-unread");
    expect(unread.map((p) => p.message)).toEqual([
      "自评表!A3 未读出预算金额（全年预算数、全年执行数）（未识别的表头：支出金额），本表未逐行提示",
    ]);
  });

  test("a budget block with no indicator table is a form: budget read, no total, one prompt", () => {
    const g = grid("只有预算", [
      TITLE,
      ["项目名称", "培训项目"],
      ...BUDGET,
      ["年度总体目标", "完成培训"],
    ]);
    const rec = recognizeSheet(g);
    expect(rec.skipped).toBeNull();
    const { result } = scored(g);
    expect(result.budget?.rate?.toString()).toBe("0.95");
    expect(result.total).toBeNull();
    expect(result.grade).toBeNull();
    expect(result.prompts.map((p) => p.message)).toEqual([
      "只有预算!A3 未找到绩效指标表，本表只读取了预算",
    ]);
  });

  test("a sheet with no title and no table is still no form", () => {
    const g = grid("汇总", [
      ["项目", "全年预算数", "全年执行数", "执行率"],
      ["甲", 100, 90, "90%"],
    ]);
    expect(recognizeSheet(g).forms).toEqual([]);
  });
});
