import type Decimal from "decimal.js";

/** What a host hands over for one cell: its A1 address and what it holds. */
export type CellScalar = string | number | boolean | null;

export interface Cell {
  /** A1 address on the form's sheet, e.g. "H15". */
  readonly address: string;
  readonly value: CellScalar;
  readonly formula?: string;
  readonly numberFormat?: string;
}

/** One row of the budget block (年度资金总额, 其中：当年财政拨款, 本级财政资金 …). */
export interface BudgetRow {
  readonly label: Cell;
  readonly initial?: Cell; // 年初预算数
  readonly annual?: Cell; // 全年预算数 / 预算数（A）
  readonly executed?: Cell; // 全年执行数 / 执行数（B）/ 实际完成数
  readonly weight?: Cell; // 分值
  readonly rate?: Cell; // 执行率
  readonly score?: Cell; // 得分
}

export interface BudgetBlock {
  /** The header cell of the block, e.g. 项目资金（万元） or 预算执行情况（万元）（20分）. */
  readonly header: Cell;
  /** Other header texts of the block (column titles), for unit and weight evidence. */
  readonly columnHeaders: readonly string[];
  readonly rows: readonly BudgetRow[];
  /** How recognition read the amounts where the sheet does not print them (其中 rows summed). */
  readonly note?: string;
}

/** One indicator row (三级指标) of the indicator table. */
export interface IndicatorRow {
  readonly row: number;
  /** 一级指标 as it applies to this row (inherited from a merged cell above when empty). */
  readonly level1: Cell;
  readonly level1Inherited: boolean;
  readonly level2: Cell;
  readonly level2Inherited: boolean;
  readonly name: Cell; // 三级指标
  readonly target?: Cell;
  readonly actual?: Cell;
  readonly weight?: Cell;
  readonly score?: Cell;
  readonly rate?: Cell; // 完成率
  readonly rule?: Cell; // 赋分规则
  readonly reason?: Cell; // 偏差原因分析及改进措施
  /** Column offset the row was read with (Renhe's 满意度 rows are one column left). */
  readonly shift?: number;
  /** The block cell left of the level-1 cells that covers the row and prints a weight (年度绩效目标（40分）). */
  readonly block?: Cell;
}

/**
 * A recognised form: plain data, every value tied to the cell it came from.
 * Produced by recognition from a sheet, or in tests from the seed extraction.
 */
export interface Form {
  readonly sheet: string;
  readonly anchor: string;
  readonly title?: string;
  readonly project?: Cell;
  /** Whitespace-free header words of the form, the template's fingerprint (for `auto`). */
  readonly headers: readonly string[];
  /** Rule notes printed near the form (填报注意事项, 备注 1–4), as found. */
  readonly ruleText?: string;
  readonly budget?: BudgetBlock;
  /** Header cell of the indicator table that may carry a weight, e.g. 年度绩效目标（80分）. */
  readonly indicatorHeader?: Cell;
  readonly indicators: readonly IndicatorRow[];
  readonly total?: { readonly label: Cell; readonly weight?: Cell; readonly score?: Cell };
  /**
   * The form's total printed outside a 总分 row (自评得分 | 98, a title 项目总得分99分, a sentence
   * 得分合计100。): the cell it is printed in and the number it prints. Checked like a 总分, never written.
   */
  readonly printedTotal?: Cell;
  readonly grade?: Cell;
  /** A form-level deviation reason cell (Hubei: 偏差大或目标未完成原因分析). */
  readonly formReason?: Cell;
  /** True where the indicator table has a reason column. */
  readonly hasReasonColumn: boolean;
  /** The 年度总体目标完成情况 text (its budget figures are checked against the block's). */
  readonly goalReport?: Cell;
  /** What recognition could not place (domain §9, `form-unread`); absent when nothing is missing. */
  readonly unread?: FormUnread;
}

/** A part of a form the rules need that recognition did not find (domain §9). */
export type UnreadPart = "target" | "actual" | "weight" | "score" | "reason" | "budget" | "table";

/** Recognition's report of what it could not place: one `form-unread` prompt, no per-row walls. */
export interface FormUnread {
  /** The header cell the prompt stands on (the indicator table's, or the budget block's). */
  readonly cell: string;
  readonly missing: readonly UnreadPart[];
  /** The header texts that were not understood, as printed. */
  readonly headers: readonly string[];
}

export type Method = "positive" | "negative" | "deviation" | "qualitative" | "manual" | "unscored";

export type QualitativeLevel = "achieved" | "partial" | "failed";

export type PromptKind =
  | "score-mismatch"
  | "rate-mismatch"
  | "total-mismatch"
  | "weight-sum"
  | "grade-mismatch"
  | "deviation-reason-missing"
  | "overshoot"
  | "budget-low-execution"
  | "budget-overspent"
  | "execution-inconsistent"
  | "unit-mismatch"
  | "multi-value"
  | "deadline-missed"
  | "qualitative-judgement"
  | "layout-shift"
  | "unparseable"
  | "missing-value"
  | "unscored"
  | "reason-inconsistent"
  | "form-unread";

export type Severity = "error" | "warning" | "info";

export interface Prompt {
  readonly sheet: string;
  readonly cell: string;
  readonly kind: PromptKind;
  readonly severity: Severity;
  readonly message: string;
}

export interface BudgetResult {
  readonly row: number | null;
  readonly annual: Decimal | null;
  readonly executed: Decimal | null;
  readonly rate: Decimal | null;
  readonly rateCell?: string;
  readonly rateStated: Decimal | null;
  readonly rateValue: Decimal | null;
  readonly weight: Decimal | null;
  readonly score: Decimal | null;
  readonly stated: Decimal | null;
  readonly value: Decimal | null;
  readonly cell?: string;
  readonly explain: string;
}

export interface IndicatorResult {
  readonly row: number;
  readonly cell?: string; // where its score stands or is written
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly target: string;
  readonly actual: string;
  readonly weight: Decimal | null;
  readonly weightSource: "column" | "name" | "implied" | "split" | "default" | "none";
  readonly method: Method;
  readonly level: QualitativeLevel | null;
  readonly ratio: Decimal | null;
  /** Whether the indicator is fully met (no deviation reason owed). */
  readonly met: boolean | null;
  readonly completionRate: Decimal | null;
  readonly rateCell?: string;
  readonly rateStated: Decimal | null;
  readonly rateValue: Decimal | null;
  readonly score: Decimal | null;
  readonly stated: Decimal | null;
  readonly value: Decimal | null;
  readonly explain: string;
}

export interface FormResult {
  readonly sheet: string;
  readonly anchor: string;
  readonly project: string;
  readonly profile: string;
  readonly profileReason: string;
  readonly budget: BudgetResult | null;
  readonly indicators: readonly IndicatorResult[];
  readonly total: Decimal | null;
  readonly totalCell?: string;
  readonly statedTotal: Decimal | null;
  readonly totalExplain: string;
  readonly grade: string | null;
  readonly gradeCell?: string;
  readonly statedGrade: string | null;
  readonly prompts: readonly Prompt[];
}
