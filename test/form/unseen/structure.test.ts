/**
 * Issue 24 (domain §9, structure): total and grade rows are never indicators; weights printed as
 * percentages are points; a parent row (一、 over 1、2、; ★ over its rows) whose weight is its children's
 * sum is a heading; weightless 其中 rows under a weighted row are detail. Per cell: each indicator's
 * method and score, and no prompt on a row that is correct as printed. Then every seed sheet with
 * weights printed as percentages scores as printed.
 */
import type { CellScalar, FormResult } from "../../../src/engine/types";
import type { Grid } from "../../../src/form/grid";
import { findIndicatorHeaders } from "../../../src/form/indicatorHeader";
import { scoreGrids, scoreWorkbookGrids } from "../../../src/form/pipeline";
import { SheetView } from "../../../src/form/sheetView";
import { seedFiles, seedWorkbookSheets } from "../../support/seedGrids";

const grid = (values: CellScalar[][]): Grid => ({
  sheet: "结构",
  origin: "A1",
  merges: [],
  values: values.map((r) => [...r, ...Array<CellScalar>(8 - r.length).fill(null)]),
});
const HEAD: CellScalar[][] = [
  ["项目支出绩效自评表"],
  ["项目名称", "培训"],
  ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  ["年度资金总额", 100, 100, 10, "100%", 10],
  [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ],
];
const scored = (rows: CellScalar[][]) =>
  scoreGrids([grid([...HEAD, ...rows])], [], { profile: "national" })[0].forms[0];
const perCell = (r: FormResult): string[] =>
  r.indicators.map((i) => `${i.cell} ${i.method} ${i.weight?.toString()} ${i.value?.toString()}`);

describe("total and grade rows are never indicators", () => {
  test.each([
    "总分",
    "总分(100分)",
    "合计",
    "得分合计",
    "自评得分",
    "自评总分（100分）",
    "项目总得分",
  ])("%s | 100 | 100", (label) => {
    const { form, result } = scored([
      ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 50, 50],
      ["效益指标", "社会效益指标", "受益群众", "≥500人", "520人", 40, 40],
      [label, null, null, null, null, 100, 100],
      ["等级", "优"],
    ]);
    expect(form.indicators.map((i) => i.row)).toEqual([6, 7]);
    expect(form.total?.score?.address).toBe("G8");
    expect(perCell(result)).toEqual(["G6 positive 50 50", "G7 positive 40 40"]);
    expect(result.prompts).toEqual([]);
  });

  test("a grade row between the rows and the total is no indicator", () => {
    const { form, result } = scored([
      ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 90, 90],
      ["评价等级", null, "优"],
      ["总分", null, null, null, null, 100, 100],
    ]);
    expect(form.indicators.map((i) => i.row)).toEqual([6]);
    expect(result.prompts).toEqual([]);
  });
});

describe("weights printed as percentages are points", () => {
  test("50%, 30%, 10% (with the budget's 10): 50, 30, 10 points", () => {
    const { result } = scored([
      ["产出指标", "数量指标", "培训人数", "≥100人", "120人", "50%", 50],
      ["效益指标", "社会效益指标", "受益群众", "≥500人", "400人", "30%", 24],
      ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "93%", "10%", 10],
      ["总分", null, null, null, null, "100%", 94],
    ]);
    expect(perCell(result)).toEqual([
      "G6 positive 50 50",
      "G7 positive 30 24",
      "G8 positive 10 10",
    ]);
    expect(result.total?.toString()).toBe("94");
    expect(result.prompts.map((p) => `${p.kind}@${p.cell}`)).toEqual([
      "deviation-reason-missing@H7",
    ]);
  });

  test("weights that are not all percentages are read as printed", () => {
    const { result } = scored([
      ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 50, 50],
      ["效益指标", "社会效益指标", "受益群众", "≥500人", "520人", "40%", 40],
    ]);
    expect(result.indicators[1].weight?.toString()).not.toBe("40");
  });
});

describe("parent rows and detail rows", () => {
  test("一、 over 1、2、 with the sum of their weights: a heading", () => {
    const { form, result } = scored([
      ["产出指标", "数量指标", "一、培训工作", null, null, 50, 50],
      ["产出指标", "数量指标", "1、培训人数", "≥100人", "120人", 30, 30],
      ["产出指标", "数量指标", "2、培训场次", "≥4场", "5场", 20, 20],
      ["效益指标", "社会效益指标", "二、受益群众", "≥500人", "520人", 40, 40],
      ["总分", null, null, null, null, 100, 100],
    ]);
    expect(form.indicators.map((i) => i.row)).toEqual([7, 8, 9]);
    expect(perCell(result)).toEqual([
      "G7 positive 30 30",
      "G8 positive 20 20",
      "G9 positive 40 40",
    ]);
    expect(result.prompts).toEqual([]);
  });

  test("★ rows over their rows", () => {
    const { form, result } = scored([
      ["产出指标", "数量指标", "★培训", "完成培训", "已完成", 50, 50],
      ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 30, 30],
      ["产出指标", "质量指标", "考核合格率", "≥90%", "95%", 20, 20],
      ["效益指标", "社会效益指标", "★受益群众", "≥500人", "520人", 40, 40],
      ["总分", null, null, null, null, 100, 100],
    ]);
    expect(form.indicators.map((i) => i.row)).toEqual([7, 8, 9]);
    expect(result.prompts).toEqual([]);
  });

  test("a numbered row whose weight is not its children's sum is an indicator", () => {
    const { form } = scored([
      ["产出指标", "数量指标", "一、培训人数", "≥100人", "120人", 50, 50],
      ["产出指标", "数量指标", "1、培训场次", "≥4场", "5场", 40, 40],
    ]);
    expect(form.indicators.map((i) => i.row)).toEqual([6, 7]);
  });

  test("其中 rows with no weight under a weighted row: detail, no weight, no score, no prompt", () => {
    const { form, result } = scored([
      ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 50, 50],
      ["产出指标", "数量指标", "其中：干部", "≥40人", "30人", null, null],
      ["产出指标", "数量指标", "其中：群众", "≥60人", "90人", null, null],
      ["效益指标", "社会效益指标", "受益群众", "≥500人", "520人", 40, 40],
      ["总分", null, null, null, null, 100, 100],
    ]);
    expect(form.indicators.map((i) => i.row)).toEqual([6, 9]);
    expect(perCell(result)).toEqual(["G6 positive 50 50", "G9 positive 40 40"]);
    expect(result.prompts).toEqual([]);
  });
});

/** The sheet with every indicator weight printed as a percentage: 10 → "10%". */
function percentWeights(g: Grid): { grid: Grid; changed: number } {
  const v = new SheetView(g);
  const values = g.values.map((r) => r.slice());
  let changed = 0;
  for (const h of findIndicatorHeaders(v)) {
    const col = h.cols.weight;
    if (col === undefined) continue;
    for (let row = h.dataRow; row <= v.bottom; row++) {
      const x = values[row - v.top][col - v.left];
      if (typeof x === "number" || (typeof x === "string" && /^\d+(\.\d+)?$/.test(x.trim()))) {
        values[row - v.top][col - v.left] = `${String(x).trim()}%`;
        changed++;
      }
    }
  }
  return { grid: { ...g, values }, changed };
}

const listing = (grids: readonly Grid[]): string[][] =>
  scoreWorkbookGrids(grids).sheets.flatMap((s) =>
    s.forms.map((f) => [
      ...perCell(f.result),
      `total ${f.result.total?.toString()}`,
      ...f.result.prompts.map((p) => `${p.kind}@${p.cell}`).sort(),
    ])
  );

describe.each(["003", "004"])("seed %s with its weights printed as percentages", (id) => {
  test("scores as printed", () => {
    const file = seedFiles().find((f) => f.startsWith(id)) as string;
    const grids = seedWorkbookSheets(file).map((s) => s.grid);
    const variant = grids.map(percentWeights);
    expect(variant.every((x) => x.changed > 0)).toBe(true);
    expect(listing(variant.map((x) => x.grid))).toEqual(listing(grids));
  });
});
