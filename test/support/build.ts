/**
 * Small forms written the way a test reads: a budget line and indicator rows as text, laid out on
 * "Sheet1" in the columns of the Fengtai/Changji templates (budget C–H, indicators B–K).
 */
import type { Cell, CellScalar, Form, IndicatorRow } from "../../src/engine/types";

export interface RowSpec {
  level1?: string;
  level2?: string;
  name?: string;
  target?: CellScalar;
  actual?: CellScalar;
  weight?: CellScalar;
  score?: CellScalar;
  rate?: CellScalar;
  rule?: CellScalar;
  reason?: CellScalar;
}

export interface FormSpec {
  sheet?: string;
  headers?: string[];
  budget?: { annual?: CellScalar; executed?: CellScalar; weight?: CellScalar; rate?: CellScalar; score?: CellScalar; header?: string };
  rows: RowSpec[];
  total?: CellScalar;
  grade?: CellScalar;
  /** Columns the indicator table has (default: weight, score, reason). */
  columns?: { weight?: boolean; score?: boolean; rate?: boolean; rule?: boolean; reason?: boolean };
  formReason?: CellScalar;
}

const cell = (address: string, value: CellScalar | undefined): Cell => ({ address, value: value ?? null });

export function buildForm(spec: FormSpec): Form {
  const cols = { weight: true, score: true, reason: true, rate: false, rule: false, ...spec.columns };
  const b = spec.budget;
  const first = 8;
  const indicators: IndicatorRow[] = spec.rows.map((r, i) => {
    const row = first + i;
    return {
      row,
      level1: cell(`B${row}`, r.level1 ?? "产出指标"),
      level1Inherited: false,
      level2: cell(`C${row}`, r.level2 ?? "数量指标"),
      level2Inherited: false,
      name: cell(`D${row}`, r.name ?? `指标${i + 1}`),
      target: cell(`E${row}`, r.target),
      actual: cell(`F${row}`, r.actual),
      weight: cols.weight ? cell(`G${row}`, r.weight) : undefined,
      rate: cols.rate ? cell(`H${row}`, r.rate) : undefined,
      score: cols.score ? cell(`I${row}`, r.score) : undefined,
      rule: cols.rule ? cell(`J${row}`, r.rule) : undefined,
      reason: cols.reason ? cell(`K${row}`, r.reason) : undefined,
    };
  });
  const totalRow = first + spec.rows.length;
  return {
    sheet: spec.sheet ?? "Sheet1",
    anchor: "A1",
    project: cell("B2", "测试项目"),
    headers: spec.headers ?? ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    budget: b && {
      header: cell("A5", b.header ?? "项目资金（万元）"),
      columnHeaders: ["全年预算数", "全年执行数", "分值", "执行率", "得分"],
      rows: [
        {
          label: cell("B5", "年度资金总额"),
          annual: cell("D5", b.annual),
          executed: cell("E5", b.executed),
          weight: cell("F5", b.weight),
          rate: cell("G5", b.rate),
          score: cell("H5", b.score),
        },
      ],
    },
    indicators,
    total: spec.total !== undefined ? { label: cell(`D${totalRow}`, "总分"), score: cell(`I${totalRow}`, spec.total) } : undefined,
    grade: spec.grade !== undefined ? cell(`J${totalRow}`, spec.grade) : undefined,
    formReason: spec.formReason !== undefined ? cell(`C${totalRow + 1}`, spec.formReason) : undefined,
    hasReasonColumn: cols.reason,
  };
}
