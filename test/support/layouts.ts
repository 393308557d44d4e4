/**
 * Forms as plain data, laid out on a sheet in the ways real templates print them (issue 11 §1):
 * a target split over 指标性质 | 指标值 | 度量单位 under a two-row header, the weight column before
 * the target, placeholder rows, 总分 merged across the row, header synonyms from the vocabulary.
 * The layout changes nothing an accountant reads: the scores must not change with it.
 */
import type { CellScalar } from "../../src/engine/types";
import { type Grid } from "../../src/form/grid";
import { columnLetters } from "../../src/address";
import { BUDGET_HEADERS, INDICATOR_HEADERS } from "../../src/form/vocabulary";

export interface Quantity {
  readonly sign: string;
  readonly value: number | string;
  readonly unit: string;
}

export interface PlainIndicator {
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly target: Quantity;
  readonly actual: Quantity;
  readonly weight: number | string;
  readonly score: number | null;
  readonly reason?: string;
}

export interface PlainForm {
  readonly project: string;
  readonly budget: {
    readonly annual: number;
    readonly executed: number;
    readonly score: number | null;
  };
  readonly indicators: readonly PlainIndicator[];
  readonly total: number | null;
}

export interface Layout {
  /** 年度指标值 merged over 指标性质 | 指标值 | 度量单位; 实际完成值 over 完成值 | 度量单位. */
  readonly splitTarget?: boolean;
  /** 分值 | 年度指标值 | 实际完成值 | 得分. */
  readonly weightFirst?: boolean;
  /** Placeholder rows inserted before these indicators (指标1： or a row of "/"). */
  readonly placeholders?: readonly { readonly before: number; readonly kind: "label" | "dashes" }[];
  /** 总分 | one cell merged across the rest of the row. */
  readonly mergedTotal?: boolean;
  /** Which synonym of each header word (index into the vocabulary, modulo its length). */
  readonly synonym?: number;
  /** Empty columns left of the form. */
  readonly pad?: number;
  /**
   * No weight column: the weights printed only on block cells merged down the left of the level-1
   * cells, one 年度绩效目标（90分） or two (产出 rows | the others); see evenBlockWeights.
   */
  readonly blocks?: "one" | "two";
}

const word = (words: readonly string[], i: number): string => words[i % words.length];

export function quantityText(q: Quantity): string {
  return `${q.sign}${q.value}${q.unit}`;
}

/** The form on a sheet, in the layout given. */
export function layoutForm(sheet: string, form: PlainForm, layout: Layout = {}): Grid {
  const syn = layout.synonym ?? 0;
  const pad = layout.pad ?? 0;
  const rows: CellScalar[][] = [];
  const merges: string[] = [];
  const put = (cells: CellScalar[]): number => {
    rows.push([...Array<CellScalar>(pad).fill(null), ...cells]);
    return rows.length;
  };
  const at = (row: number, col: number): string => `${columnLetters(pad + col + 1)}${row}`;
  const targetWord = word(INDICATOR_HEADERS.target.words, syn);
  const actualWord = word(INDICATOR_HEADERS.actual.words, syn);
  const weightWord = word(INDICATOR_HEADERS.weight.words, syn);
  const scoreWord = word(INDICATOR_HEADERS.score.words, syn);
  put(["项目支出绩效自评表"]);
  put(["项目名称", form.project]);
  put([
    "项目资金（万元）",
    word(BUDGET_HEADERS.annual.words, syn),
    word(BUDGET_HEADERS.executed.words, syn),
    "分值",
    "执行率",
    "得分",
  ]);
  put(["年度资金总额", form.budget.annual, form.budget.executed, 10, null, form.budget.score]);
  // the columns: levels, then target/actual parts, weight and score, reason
  const split = !!layout.splitTarget;
  const target: string[] = split ? ["sign", "value", "unit"] : ["text"];
  const actual: string[] = split ? ["value", "unit"] : ["text"];
  const middle: string[] = layout.weightFirst
    ? ["weight", ...target.map((p) => `t.${p}`), ...actual.map((p) => `a.${p}`), "score"]
    : [...target.map((p) => `t.${p}`), ...actual.map((p) => `a.${p}`), "weight", "score"];
  const blocks = layout.blocks;
  const cols = [
    ...(blocks ? ["block"] : []),
    "level1",
    "level2",
    "name",
    ...middle.filter((k) => !blocks || k !== "weight"),
    "reason",
  ];
  const col = (key: string): number => cols.indexOf(key);
  const header1: CellScalar[] = cols.map(() => null);
  header1[col("level1")] = "一级指标";
  header1[col("level2")] = "二级指标";
  header1[col("name")] = "三级指标";
  if (blocks) header1[col("block")] = "绩效指标";
  header1[col(split ? "t.sign" : "t.text")] = targetWord;
  header1[col(split ? "a.value" : "a.text")] = actualWord;
  if (!blocks) header1[col("weight")] = weightWord;
  header1[col("score")] = scoreWord;
  header1[col("reason")] = "偏差原因分析及改进措施";
  const h1 = put(header1);
  if (split) {
    const header2: CellScalar[] = cols.map(() => null);
    header2[col("t.sign")] = "指标性质";
    header2[col("t.value")] = "指标值";
    header2[col("t.unit")] = "度量单位";
    header2[col("a.value")] = "完成值";
    header2[col("a.unit")] = "度量单位";
    const h2 = put(header2);
    merges.push(`${at(h1, col("t.sign"))}:${at(h1, col("t.unit"))}`);
    merges.push(`${at(h1, col("a.value"))}:${at(h1, col("a.unit"))}`);
    for (const key of ["level1", "level2", "name", "weight", "score", "reason", "block"])
      if (col(key) >= 0) merges.push(`${at(h1, col(key))}:${at(h2, col(key))}`);
  }
  const placeholders = layout.placeholders ?? [];
  const indicatorRows: number[] = [];
  form.indicators.forEach((ind, i) => {
    for (const p of placeholders.filter((x) => x.before === i)) {
      const cells: CellScalar[] = cols.map(() => (p.kind === "dashes" ? "/" : null));
      if (p.kind === "label") cells[col("name")] = `指标${i + 1}：`;
      put(cells);
    }
    const cells: CellScalar[] = cols.map(() => null);
    cells[col("level1")] = ind.level1;
    cells[col("level2")] = ind.level2;
    cells[col("name")] = ind.name;
    if (split) {
      cells[col("t.sign")] = ind.target.sign || null;
      cells[col("t.value")] = ind.target.value;
      cells[col("t.unit")] = ind.target.unit || null;
      cells[col("a.value")] = ind.actual.value;
      cells[col("a.unit")] = ind.actual.unit || null;
    } else {
      cells[col("t.text")] = quantityText(ind.target);
      cells[col("a.text")] = quantityText(ind.actual);
    }
    if (!blocks) cells[col("weight")] = ind.weight;
    cells[col("score")] = ind.score;
    cells[col("reason")] = ind.reason ?? null;
    indicatorRows.push(put(cells));
  });
  if (blocks) {
    for (const b of blockParts(form, blocks)) {
      const top = indicatorRows[b.first];
      rows[top - 1][pad + col("block")] = `年度绩效目标（${b.weight}分）`;
      const bottom = indicatorRows[b.last];
      if (bottom > top) merges.push(`${at(top, col("block"))}:${at(bottom, col("block"))}`);
    }
  }
  const total: CellScalar[] = cols.map(() => null);
  total[0] = "总分";
  if (layout.mergedTotal) {
    total[1] = form.total;
    const r = put(total);
    merges.push(`${at(r, 1)}:${at(r, cols.length - 1)}`);
  } else {
    if (!blocks) total[col("weight")] = 100;
    total[col("score")] = form.total;
    put(total);
  }
  const width = Math.max(...rows.map((r) => r.length));
  return {
    sheet,
    origin: "A1",
    values: rows.map((r) => [...r, ...Array<CellScalar>(width - r.length).fill(null)]),
    merges,
  };
}

/** A correct small form: budget 95 of 100, four indicators all met, total 99.5 (优). */
export function correctForm(): PlainForm {
  return {
    project: "测试项目",
    budget: { annual: 100, executed: 95, score: 9.5 },
    indicators: [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "出版期数",
        target: { sign: "≥", value: 10, unit: "期" },
        actual: { sign: "", value: 12, unit: "期" },
        weight: 30,
        score: 30,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "合格率",
        target: { sign: "≥", value: 95, unit: "%" },
        actual: { sign: "", value: 98, unit: "%" },
        weight: 20,
        score: 20,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "受益人数",
        target: { sign: "≥", value: 500, unit: "人" },
        actual: { sign: "", value: 520, unit: "人" },
        weight: 30,
        score: 30,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "满意度",
        target: { sign: "≥", value: 90, unit: "%" },
        actual: { sign: "", value: 93, unit: "%" },
        weight: 10,
        score: 10,
      },
    ],
    total: 99.5,
  };
}

/** The blocks of a form: all its rows, or its 产出 rows and the rest (two when both exist). */
function blockParts(
  form: PlainForm,
  blocks: "one" | "two"
): { first: number; last: number; weight: number }[] {
  const n = form.indicators.length;
  const sum = (from: number, to: number): number =>
    Math.round(
      form.indicators.slice(from, to + 1).reduce((s, i) => s + Number(i.weight) * 100, 0)
    ) / 100;
  const output = form.indicators.filter((i) => i.level1 === "产出指标").length;
  if (blocks === "one" || output === 0 || output === n)
    return [{ first: 0, last: n - 1, weight: sum(0, n - 1) }];
  return [
    { first: 0, last: output - 1, weight: sum(0, output - 1) },
    { first: output, last: n - 1, weight: sum(output, n - 1) },
  ];
}

/**
 * The form with the weights a block layout implies: each block's weight split evenly in cents
 * (leftover cents to the first rows), and no printed scores, so that nothing is implied from them.
 * The 产出 rows come first (the two blocks are contiguous).
 */
export function evenBlockWeights(form: PlainForm, blocks: "one" | "two", total = 90): PlainForm {
  const sorted = [
    ...form.indicators.filter((i) => i.level1 === "产出指标"),
    ...form.indicators.filter((i) => i.level1 !== "产出指标"),
  ];
  const n = sorted.length;
  const output = sorted.filter((i) => i.level1 === "产出指标").length;
  const parts = blocks === "one" || output === 0 || output === n ? [n] : [output, n - output];
  // block weights in whole points, in proportion to the rows
  const blockWeights =
    parts.length === 1
      ? [total]
      : [Math.round((total * output) / n), total - Math.round((total * output) / n)];
  const weights: number[] = [];
  parts.forEach((size, k) => {
    const cents = blockWeights[k] * 100;
    const each = Math.floor(cents / size);
    for (let j = 0; j < size; j++) weights.push((each + (j < cents - each * size ? 1 : 0)) / 100);
  });
  return {
    ...form,
    indicators: sorted.map((ind, i) => ({ ...ind, weight: weights[i], score: null })),
    total: null,
  };
}
