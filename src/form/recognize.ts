import { cellText, normalizeHeader, stripSpace } from "../engine/text";
import type { BudgetRow, Cell, CellScalar, Form, IndicatorRow } from "../engine/types";
import { parseAddress, parseRange, toAddress, type Grid } from "./grid";

/**
 * Recognition: find every 项目支出绩效自评表 on a sheet by its header words (domain §1), wherever it
 * starts, through merged cells, blank rows, padding columns, shifted rows and several forms stacked
 * on one sheet. Pure; never throws: a sheet that is not a form says why.
 */
export interface Recognition {
  readonly sheet: string;
  readonly forms: readonly Form[];
  /** "不是自评表：…" when the sheet holds no form. */
  readonly skipped: string | null;
}

type IndicatorField =
  | "level1"
  | "level2"
  | "name"
  | "target"
  | "actual"
  | "weight"
  | "score"
  | "rate"
  | "rule"
  | "reason";
type BudgetField = "initial" | "annual" | "executed" | "weight" | "rate" | "score";

/** Whole-cell header words after whitespace and bracket normalisation (domain §1). */
const INDICATOR_HEADERS: readonly [IndicatorField, RegExp][] = [
  ["level1", /^一级指标$/],
  ["level2", /^二级指标$/],
  ["name", /^三级指标$/],
  [
    "target",
    /^(年度指标值|年初目标值\(A\)|目标值|目标值\(A\)|预期指标值|年度设定指标值|年度目标值|指标值|预期目标值)$/,
  ],
  [
    "actual",
    /^(实际完成值|实际完成值\(B\)|全年实际值|全年实际值\(B\)|业绩值|实际完成指标值|实际值|完成值)$/,
  ],
  ["weight", /^(分值|权重|分值权重|权重\(%\)|分值\(分\))$/],
  ["score", /^(得分|指标得分|自评得分|得分\(分\))$/],
  ["rate", /^(完成率|完成率\(%\)|指标完成率)$/],
  ["rule", /^赋分规则$/],
  [
    "reason",
    /^(偏差原因分析及改进措施|未完成原因和改进措施|未完成原因分析及改进措施|偏差原因及改进措施|偏差原因分析及改进措施说明)$/,
  ],
];

const BUDGET_HEADERS: readonly [BudgetField, RegExp][] = [
  ["initial", /^年初预算数$/],
  ["annual", /^(全年预算数|全年预算数\(A\)|预算数\(A\)|预算数|调整后预算数)$/],
  ["executed", /^(全年执行数|全年执行数\(B\)|执行数\(B\)|执行数|实际完成数|实际支出数)$/],
  ["weight", /^(分值|分值权重)$/],
  ["rate", /^(执行率|执行率\(B\/A\)|执行率\(%\)|预算执行率)$/],
  ["score", /^(得分|得分\(.*\)|得分（.*）)$/],
];

const TITLE =
  /(项目支出绩效自评表|项目支出绩效评价表|绩效目标自评|整体支出绩效自评表|项目自评表|绩效自评表)/;
const PROJECT_LABEL = /^(项目名称|专项\(项目\)名称|专项名称|项目名)$/;
const GRADE_LABEL = /^(等级|评价等级|自评等级)$/;
const TOTAL_LABEL = /^(总分|合计|总计|总分值)$/;
const FORM_REASON = /^(偏差大或目标未完成原因分析|偏差原因分析)$/;
const END_OF_TABLE =
  /^(单位主要负责人签批意见|填报注意事项|备注|偏差大或目标未完成原因分析|改进措施及结果应用方案|附件)/;
const GOALS =
  /^(年度总体目标|年度总体目标完成情况|年度总体目标完成情况|预期目标|年度设定目标|总体目标)/;
const LEVEL_WORD =
  /^(产出|效益|满意度|成本|履职效能|完成)指标|^(数量|质量|时效|经济效益|社会效益|生态效益|可持续影响|可持续影|服务对象满意度|经济成本|社会成本|生态成本)指标|^履职效能$/;
const PLACEHOLDER = /^[.…。·]+$/;
const IN_ROW_ANNUAL = /^预算数[:：]$/;
const IN_ROW_EXECUTED = /^执行数[:：]$/;

class SheetView {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly norms = new Map<number, string>();
  private readonly mergeOf = new Map<
    number,
    { top: number; left: number; bottom: number; right: number }
  >();

  constructor(readonly grid: Grid) {
    const origin = safeOrigin(grid.origin);
    this.top = origin.row;
    this.left = origin.col;
    this.bottom = origin.row + grid.values.length - 1;
    this.right = origin.col + Math.max(0, ...grid.values.map((r) => r.length)) - 1;
    for (const m of grid.merges) {
      try {
        const r = parseRange(m);
        if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 100000) continue;
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) this.mergeOf.set(this.key(row, col), r);
      } catch {
        // a malformed merge is ignored: the cells still read as they are
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 20000 + col;
  }

  raw(row: number, col: number): CellScalar {
    const v = this.grid.values[row - this.top]?.[col - this.left];
    return v === undefined ? null : v;
  }

  text(row: number, col: number): string {
    return cellText(this.raw(row, col)).trim();
  }

  norm(row: number, col: number): string {
    const k = this.key(row, col);
    let n = this.norms.get(k);
    if (n === undefined) {
      n = normalizeHeader(this.text(row, col));
      this.norms.set(k, n);
    }
    return n;
  }

  isEmpty(row: number, col: number): boolean {
    const t = this.norm(row, col);
    return t === "" || PLACEHOLDER.test(t);
  }

  merge(
    row: number,
    col: number
  ): { top: number; left: number; bottom: number; right: number } | undefined {
    return this.mergeOf.get(this.key(row, col));
  }

  /** The cell at (row, col) as the engine sees it: address, value, formula and number format. */
  cell(row: number, col: number): Cell {
    const r = row - this.top;
    const c = col - this.left;
    const formula = this.grid.formulas?.[r]?.[c];
    const numberFormat = this.grid.numberFormats?.[r]?.[c];
    const value = this.raw(row, col);
    return {
      address: toAddress(row, col),
      value: value === "" ? null : value,
      ...(formula ? { formula } : {}),
      ...(numberFormat && numberFormat !== "General" ? { numberFormat } : {}),
    };
  }

  rowIsEmpty(row: number): boolean {
    for (let col = this.left; col <= this.right; col++) if (!this.isEmpty(row, col)) return false;
    return true;
  }

  /** The next cell to the right holding something, past the merge the label stands in. */
  valueRightOf(row: number, col: number, limit = 6): { row: number; col: number } | null {
    const m = this.merge(row, col);
    const start = (m ? m.right : col) + 1;
    for (let c = start; c <= Math.min(this.right, start + limit); c++) {
      if (!this.isEmpty(row, c)) return { row, col: c };
    }
    return null;
  }
}

function safeOrigin(origin: string): { row: number; col: number } {
  try {
    return parseAddress(origin || "A1");
  } catch {
    return { row: 1, col: 1 };
  }
}

interface IndicatorHeader {
  readonly row: number;
  readonly cols: Partial<Record<IndicatorField, number>>;
  readonly labelCell: { row: number; col: number } | null;
}

function findIndicatorHeaders(v: SheetView): IndicatorHeader[] {
  const headers: IndicatorHeader[] = [];
  for (let row = v.top; row <= v.bottom; row++) {
    const cols: Partial<Record<IndicatorField, number>> = {};
    for (let col = v.left; col <= v.right; col++) {
      const t = v.norm(row, col);
      if (t === "") continue;
      for (const [field, re] of INDICATOR_HEADERS)
        if (cols[field] === undefined && re.test(t)) cols[field] = col;
    }
    const levels = [cols.level1, cols.level2, cols.name].filter((c) => c !== undefined).length;
    if (levels >= 2 && (cols.target !== undefined || cols.actual !== undefined)) {
      const first = Math.min(...(Object.values(cols) as number[]));
      let label: { row: number; col: number } | null = null;
      for (let col = first - 1; col >= v.left; col--) {
        if (!v.isEmpty(row, col)) {
          label = { row, col };
          break;
        }
      }
      headers.push({ row, cols, labelCell: label });
    }
  }
  return headers;
}

interface BudgetHeader {
  readonly row: number;
  readonly cols: Partial<Record<BudgetField, number>>;
  readonly labelCol: number;
  readonly headerTexts: string[];
}

function findBudgetHeader(v: SheetView, from: number, to: number): BudgetHeader | null {
  for (let row = from; row <= to; row++) {
    const cols: Partial<Record<BudgetField, number>> = {};
    const texts: string[] = [];
    let inRow: BudgetHeader | null = null;
    for (let col = v.left; col <= v.right; col++) {
      const t = v.norm(row, col);
      if (t === "") continue;
      texts.push(v.text(row, col));
      if (IN_ROW_ANNUAL.test(v.text(row, col).replace(/\s/g, "")))
        inRow = { row, cols: {}, labelCol: v.left, headerTexts: texts };
      for (const [field, re] of BUDGET_HEADERS)
        if (cols[field] === undefined && re.test(t)) cols[field] = col;
    }
    if (inRow) return { ...inRow, row, headerTexts: texts };
    const found = [cols.annual, cols.executed, cols.rate].filter((c) => c !== undefined).length;
    if (found >= 2) {
      const firstValue = Math.min(...(Object.values(cols) as number[]));
      let labelCol = v.left;
      for (let col = v.left; col < firstValue; col++)
        if (!v.isEmpty(row, col)) {
          labelCol = col;
          break;
        }
      return { row, cols, labelCol, headerTexts: texts };
    }
  }
  return null;
}

function readBudgetRows(v: SheetView, h: BudgetHeader, stop: number): BudgetRow[] {
  const rows: BudgetRow[] = [];
  const valueCols = Object.values(h.cols) as number[];
  if (valueCols.length === 0) return readInRowBudget(v, h, stop);
  const firstValue = Math.min(...valueCols);
  const headerMerge = v.merge(h.row, h.labelCol);
  for (let row = h.row + 1; row <= stop && rows.length < 10; row++) {
    if (v.rowIsEmpty(row)) break;
    const lead = firstNonEmpty(v, row);
    if (lead && (GOALS.test(v.norm(row, lead)) || /^(一级指标|绩效指标)$/.test(v.norm(row, lead))))
      break;
    // the row label: the text left of the values that is not the block's own (merged) header cell
    let label: { row: number; col: number } | null = null;
    for (let col = firstValue - 1; col >= v.left; col--) {
      const m = v.merge(row, col);
      if (headerMerge && m && m.top === headerMerge.top && m.left === headerMerge.left) continue;
      if (!v.isEmpty(row, col)) {
        label = { row, col };
        break;
      }
    }
    // a row shifted into the label column still counts (Renhe's 其他资金)
    if (!label && lead !== null && lead < firstValue) label = { row, col: lead };
    if (!label) break;
    if (GOALS.test(v.norm(label.row, label.col))) break;
    const get = (f: BudgetField): Cell | undefined =>
      h.cols[f] === undefined ? undefined : v.cell(row, h.cols[f] as number);
    rows.push({
      label: v.cell(label.row, label.col),
      initial: get("initial"),
      annual: get("annual"),
      executed: get("executed"),
      weight: get("weight"),
      rate: get("rate"),
      score: get("score"),
    });
  }
  return rows;
}

/** Renhe 2022: 预算数： 100 执行数： 16 written inside the rows. */
function readInRowBudget(v: SheetView, h: BudgetHeader, stop: number): BudgetRow[] {
  const rows: BudgetRow[] = [];
  for (let row = h.row; row <= stop && rows.length < 6; row++) {
    if (v.rowIsEmpty(row)) break;
    const lead = firstNonEmpty(v, row);
    if (lead !== null && GOALS.test(v.norm(row, lead))) break;
    const labels: number[] = [];
    for (let col = v.left; col <= v.right; col++) {
      const raw = v.text(row, col).replace(/\s/g, "");
      if (
        IN_ROW_ANNUAL.test(raw) ||
        IN_ROW_EXECUTED.test(raw) ||
        /^其中[:：]/.test(raw) ||
        /^(其他资金|上年结转资金)$/.test(raw)
      )
        labels.push(col);
    }
    if (labels.length === 0) break;
    const rightOf = (col: number): Cell | undefined => {
      const next = labels.find((c) => c > col) ?? v.right + 1;
      for (let c = col + 1; c < next; c++) if (!v.isEmpty(row, c)) return v.cell(row, c);
      return v.cell(row, col + 1);
    };
    const label = v.cell(row, labels[0]);
    const annual = rightOf(labels[0]);
    const executed = labels[1] !== undefined ? rightOf(labels[1]) : undefined;
    rows.push({ label, annual, executed });
  }
  return rows;
}

function firstNonEmpty(v: SheetView, row: number): number | null {
  for (let col = v.left; col <= v.right; col++) if (!v.isEmpty(row, col)) return col;
  return null;
}

/**
 * The column offset of a row whose level keyword stands left or right of its header column
 * (Renhe prints its 满意度 rows one column left, into the 绩效指标 label column, and a 时效 row one
 * column right). A cell covered by a merge from above is not the row's own text.
 */
function rowShift(
  v: SheetView,
  row: number,
  cols: Partial<Record<IndicatorField, number>>
): number {
  const own = (c: number): boolean => {
    if (c < v.left || c > v.right) return false;
    const m = v.merge(row, c);
    return (!m || m.top === row) && LEVEL_WORD.test(v.norm(row, c));
  };
  const first = cols.level1 ?? cols.level2;
  if (first === undefined) return 0;
  const leftmost = Math.min(...(Object.values(cols) as number[]));
  for (const d of [-1, -2]) if (leftmost + d >= v.left && own(first + d)) return d;
  const level2 = cols.level2 ?? first;
  const emptyLevels = [cols.level1, cols.level2].every((c) => c === undefined || v.isEmpty(row, c));
  if (emptyLevels) for (const d of [1, 2]) if (own(level2 + d)) return d;
  return 0;
}

function isEndOfTable(v: SheetView, row: number, indicatorHeaders: ReadonlySet<number>): boolean {
  if (indicatorHeaders.has(row)) return true;
  for (let col = v.left; col <= Math.min(v.right, v.left + 4); col++) {
    const t = v.norm(row, col);
    if (t === "") continue;
    if (TOTAL_LABEL.test(t) || END_OF_TABLE.test(t) || TITLE.test(t) || PROJECT_LABEL.test(t))
      return true;
  }
  return false;
}

interface TableRead {
  readonly rows: IndicatorRow[];
  readonly end: number;
  readonly totalRow: number | null;
}

function readIndicators(
  v: SheetView,
  h: IndicatorHeader,
  limit: number,
  headerRows: ReadonlySet<number>
): TableRead {
  const rows: IndicatorRow[] = [];
  let level1: Cell | null = null;
  let level2: Cell | null = null;
  let blank = 0;
  let row = h.row + 1;
  let totalRow: number | null = null;
  for (; row <= limit; row++) {
    if (isEndOfTable(v, row, headerRows)) {
      if (firstTotal(v, row) !== null) totalRow = row;
      break;
    }
    if (v.rowIsEmpty(row)) {
      if (++blank >= 2) break;
      continue;
    }
    blank = 0;
    const shift = rowShift(v, row, h.cols);
    const at = (f: IndicatorField): Cell | undefined => {
      const col = h.cols[f];
      return col === undefined ? undefined : v.cell(row, col + shift);
    };
    const own1 = at("level1");
    const own2 = at("level2");
    const name = at("name");
    const target = at("target");
    const actual = at("actual");
    const filled = (c: Cell | undefined): boolean =>
      !!c &&
      stripSpace(cellText(c.value)) !== "" &&
      !PLACEHOLDER.test(stripSpace(cellText(c.value)));
    // a new level 1 resets the level 2 it would otherwise inherit
    const l1Own = filled(own1);
    if (l1Own && own1) {
      level1 = own1;
      if (!filled(own2)) level2 = null;
    }
    if (filled(own2) && own2) level2 = own2;
    if (!filled(name) && !filled(target) && !filled(actual)) continue;
    const address = (f: IndicatorField): string =>
      toAddress(row, (h.cols[f] ?? h.cols.name ?? v.left) + shift);
    rows.push({
      row,
      level1: l1Own && own1 ? own1 : { address: address("level1"), value: level1?.value ?? null },
      level1Inherited: !l1Own,
      level2:
        filled(own2) && own2 ? own2 : { address: address("level2"), value: level2?.value ?? null },
      level2Inherited: !filled(own2),
      name: name ?? { address: address("name"), value: null },
      target,
      actual,
      weight: at("weight"),
      score: at("score"),
      rate: at("rate"),
      rule: at("rule"),
      reason: at("reason"),
      ...(shift !== 0 ? { shift } : {}),
    });
  }
  return { rows, end: row - 1, totalRow };
}

function firstTotal(v: SheetView, row: number): number | null {
  for (let col = v.left; col <= Math.min(v.right, v.left + 4); col++)
    if (TOTAL_LABEL.test(v.norm(row, col))) return col;
  return null;
}

function findLabelled(
  v: SheetView,
  from: number,
  to: number,
  label: RegExp
): { row: number; col: number } | null {
  for (let row = from; row <= to; row++)
    for (let col = v.left; col <= v.right; col++)
      if (label.test(v.norm(row, col))) return { row, col };
  return null;
}

function ruleTextIn(v: SheetView, from: number, to: number): string | undefined {
  const at = findLabelled(v, from, to, /^(填报注意事项|备注)/);
  if (!at) return undefined;
  const lines: string[] = [];
  for (let row = at.row; row <= Math.min(to, at.row + 8); row++) {
    const texts: string[] = [];
    for (let col = v.left; col <= v.right; col++)
      if (!v.isEmpty(row, col)) texts.push(v.text(row, col));
    if (texts.length) lines.push(texts.join(" "));
  }
  return lines.join("\n");
}

/** Recognise every form on one sheet. */
export function recognizeSheet(grid: Grid): Recognition {
  const sheet = grid.sheet;
  try {
    if (
      grid.values.length === 0 ||
      grid.values.every((r) => r.every((x) => x === null || x === ""))
    ) {
      return { sheet, forms: [], skipped: "不是自评表：工作表是空的" };
    }
    const v = new SheetView(grid);
    const headers = findIndicatorHeaders(v);
    if (headers.length === 0) {
      return {
        sheet,
        forms: [],
        skipped: "不是自评表：没有找到“一级指标、二级指标、三级指标”及目标值、实际完成值表头",
      };
    }
    const headerRows = new Set(headers.map((h) => h.row));
    const forms: Form[] = [];
    let regionTop = v.top;
    headers.forEach((h, i) => {
      const nextHeader = headers[i + 1]?.row ?? v.bottom + 1;
      const table = readIndicators(v, h, nextHeader - 1, headerRows);
      // the form's own rows after its table reach to where the next form's rows begin
      const nextTop =
        i + 1 < headers.length ? nextFormTop(v, table.end + 1, headers[i + 1].row) : v.bottom;
      const regionBottom = i + 1 < headers.length ? nextTop - 1 : v.bottom;
      forms.push(buildForm(v, h, table, regionTop, regionBottom));
      regionTop = nextTop;
    });
    return { sheet, forms, skipped: null };
  } catch (e) {
    return {
      sheet,
      forms: [],
      skipped: `不是自评表：读取时出错（${e instanceof Error ? e.message : String(e)}）`,
    };
  }
}

/** The first row of the next form: its title, project label or budget block, after this table. */
function nextFormTop(v: SheetView, from: number, nextHeader: number): number {
  for (let row = from; row < nextHeader; row++) {
    for (let col = v.left; col <= v.right; col++) {
      const t = v.norm(row, col);
      if (t && (TITLE.test(t) || PROJECT_LABEL.test(t) || /^\(?\d{4}年度\)?$/.test(t))) return row;
    }
  }
  const budget = findBudgetHeader(v, from, nextHeader - 1);
  return budget ? budget.row : nextHeader;
}

function buildForm(
  v: SheetView,
  h: IndicatorHeader,
  table: TableRead,
  top: number,
  bottom: number
): Form {
  const budgetHeader = findBudgetHeader(v, top, h.row - 1);
  const budgetRows = budgetHeader ? readBudgetRows(v, budgetHeader, h.row - 1) : [];
  const title = findLabelled(v, top, h.row, TITLE);
  const projectLabel = findLabelled(v, top, h.row, PROJECT_LABEL);
  const projectAt = projectLabel ? v.valueRightOf(projectLabel.row, projectLabel.col) : null;
  let total: Form["total"];
  if (table.totalRow !== null) {
    const row = table.totalRow;
    const labelCol = firstTotal(v, row) as number;
    const scoreCol = h.cols.score;
    const weightCol = h.cols.weight;
    let score = scoreCol !== undefined ? v.cell(row, scoreCol) : undefined;
    if (!score) {
      // a template without a score column prints the total elsewhere on the row: the last number
      // on it that is not the weight total
      for (let col = v.right; col > labelCol; col--) {
        if (col !== weightCol && !v.isEmpty(row, col)) {
          score = v.cell(row, col);
          break;
        }
      }
    }
    total = {
      label: v.cell(row, labelCol),
      weight: weightCol !== undefined ? v.cell(row, weightCol) : undefined,
      score,
    };
  }
  const after = Math.min(bottom, Math.max(table.end, table.totalRow ?? 0) + 40);
  const gradeLabel = findLabelled(v, top, after, GRADE_LABEL);
  const gradeAt = gradeLabel
    ? (v.valueRightOf(gradeLabel.row, gradeLabel.col, 2) ?? {
        row: gradeLabel.row,
        col: (v.merge(gradeLabel.row, gradeLabel.col)?.right ?? gradeLabel.col) + 1,
      })
    : null;
  const reasonLabel = findLabelled(v, h.row, after, FORM_REASON);
  const reasonAt = reasonLabel
    ? {
        row: reasonLabel.row,
        col: (v.merge(reasonLabel.row, reasonLabel.col)?.right ?? reasonLabel.col) + 1,
      }
    : null;
  const headerTexts = [
    ...(budgetHeader?.headerTexts ?? []),
    ...Object.values(h.cols).map((c) => v.text(h.row, c as number)),
    ...(h.labelCell ? [v.text(h.labelCell.row, h.labelCell.col)] : []),
  ];
  const anchorRow = title?.row ?? budgetHeader?.row ?? h.row;
  return {
    sheet: v.grid.sheet,
    anchor: toAddress(anchorRow, title?.col ?? v.left),
    title: title ? v.text(title.row, title.col) : undefined,
    project: projectAt ? v.cell(projectAt.row, projectAt.col) : undefined,
    headers: headerTexts,
    ruleText:
      ruleTextIn(v, Math.max(table.end, table.totalRow ?? 0) + 1, bottom) ??
      ruleTextIn(v, top, h.row - 1),
    budget: budgetHeader
      ? {
          header: v.cell(budgetHeader.row, budgetHeader.labelCol),
          columnHeaders: budgetHeader.headerTexts,
          rows: budgetRows,
        }
      : undefined,
    indicatorHeader: h.labelCell ? v.cell(h.labelCell.row, h.labelCell.col) : undefined,
    indicators: table.rows,
    total,
    grade: gradeAt ? v.cell(gradeAt.row, gradeAt.col) : undefined,
    formReason: reasonAt ? v.cell(reasonAt.row, reasonAt.col) : undefined,
    hasReasonColumn: h.cols.reason !== undefined,
  };
}

/** Recognise every sheet of a workbook. */
export function recognizeWorkbook(grids: readonly Grid[]): Recognition[] {
  return grids.map(recognizeSheet);
}

/** Every cell a form was read from (project, budget, indicators, total, grade), in reading order. */
export function formCells(form: Form): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const address = (node as { address?: unknown }).address;
      if (typeof address === "string") out.push(address);
      else Object.values(node).forEach(visit);
    }
  };
  visit([
    form.project,
    form.budget,
    form.indicatorHeader,
    form.indicators,
    form.total,
    form.grade,
    form.formReason,
  ]);
  return out;
}

/**
 * The rows a form spans on its sheet: from its title to its last cell. An edit in these rows may
 * change its score; an edit elsewhere cannot.
 */
export function formRows(form: Form): { readonly top: number; readonly bottom: number } {
  const rows = [form.anchor, ...formCells(form)].map((a) => parseAddress(a).row);
  return { top: Math.min(...rows), bottom: Math.max(...rows) };
}
