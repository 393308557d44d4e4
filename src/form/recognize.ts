import type { Form } from "../engine/types";
import { type Grid } from "./grid";
import { parseAddress, toAddress } from "../address";
import { findBudgetHeader, readBudgetRows } from "./budgetBlock";
import { readGoalReport } from "./goalReport";
import { sumOfParts } from "./budgetSum";
import { readFormReason, readGrade, readTotal, ruleTextIn } from "./formParts";
import { findIndicatorHeaders, type IndicatorHeader } from "./indicatorHeader";
import { isProjectLabel, isTitle, readIndicators, type TableRead } from "./indicatorTable";
import { SheetView } from "./sheetView";
import { bracketWeight } from "../engine/text";
import { BLOCK_LABEL, YEAR_LINE, matcher } from "./vocabulary";
import { formUnread, tableMissing } from "./unread";
import { structureRows } from "./rowStructure";
import { printedTotalIn } from "./printedTotal";

const isBlockLabel = matcher(BLOCK_LABEL);

/**
 * Recognition: find every 项目支出绩效自评表 on a sheet by its header words (domain §1, the words in
 * vocabulary.ts), wherever it starts, through merged cells, blank rows, padding columns, shifted
 * rows, two-row headers and several forms stacked on one sheet. Pure. A sheet that is not a form
 * says why; a programming error is thrown, never reported as "不是自评表".
 */
export interface Recognition {
  readonly sheet: string;
  readonly forms: readonly Form[];
  /** "不是自评表：…" when the sheet holds no form. */
  readonly skipped: string | null;
}

/** Recognise every form on one sheet. */
export function recognizeSheet(grid: Grid): Recognition {
  const sheet = grid.sheet;
  if (grid.values.length === 0 || grid.values.every((r) => r.every((x) => x === null || x === "")))
    return { sheet, forms: [], skipped: "不是自评表：工作表是空的" };
  const v = new SheetView(grid);
  const headers = findIndicatorHeaders(v);
  if (headers.length === 0) {
    const alone = budgetAlone(v);
    if (alone) return { sheet, forms: [alone], skipped: null };
    return {
      sheet,
      forms: [],
      skipped: "不是自评表：没有找到“一级指标、二级指标、三级指标”及目标值、实际完成值表头",
    };
  }
  const headerRows = new Set(headers.map((h) => h.row));
  const forms: Form[] = [];
  let regionTop = v.top;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const read = (k: number): TableRead =>
      readIndicators(v, headers[k], (headers[k + 1]?.row ?? v.bottom + 1) - 1, headerRows);
    let table = read(i);
    // the next block of the same form (年度绩效目标2（40分）) under its own header row
    while (i + 1 < headers.length && continuesBlocks(v, h, table, headers[i + 1])) {
      const more = read(++i);
      table = { rows: [...table.rows, ...more.rows], end: more.end, totalRow: more.totalRow };
    }
    // the form's own rows after its table reach to where the next form's rows begin
    const nextTop =
      i + 1 < headers.length ? nextFormTop(v, table.end + 1, headers[i + 1].row) : v.bottom;
    const regionBottom = i + 1 < headers.length ? nextTop - 1 : v.bottom;
    forms.push(buildForm(v, h, table, regionTop, regionBottom));
    regionTop = nextTop;
  }
  return { sheet, forms, skipped: null };
}

/**
 * A header row that opens the next weighted block of the same form (Huanggang: 年度绩效目标1（40分）
 * and 年度绩效目标2（40分）, each with its own 一级指标 | 二级指标 | … row): both headers stand beside a
 * block cell printing a weight, in the same columns, with no 总分, title, project or budget between.
 */
function continuesBlocks(
  v: SheetView,
  h: IndicatorHeader,
  table: TableRead,
  next: IndicatorHeader
): boolean {
  const block = (x: IndicatorHeader): boolean => {
    if (!x.labelCell) return false;
    const { row, col } = x.labelCell;
    return isBlockLabel(v.norm(row, col)) && bracketWeight(v.text(row, col)) !== null;
  };
  const sameColumns = (Object.keys(h.cols) as (keyof IndicatorHeader["cols"])[]).every(
    (f) => h.cols[f] === next.cols[f]
  );
  return (
    table.totalRow === null &&
    block(h) &&
    block(next) &&
    sameColumns &&
    Object.keys(next.cols).length === Object.keys(h.cols).length &&
    nextFormTop(v, table.end + 1, next.row) === next.row
  );
}

/** The first row of the next form: its title, project label or budget block, after this table. */
function nextFormTop(v: SheetView, from: number, nextHeader: number): number {
  for (let row = from; row < nextHeader; row++) {
    for (let col = v.left; col <= v.right; col++) {
      const t = v.norm(row, col);
      if (t && (isTitle(t) || isProjectLabel(t) || YEAR_LINE.test(t))) return row;
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
  const title = v.findLabelled(top, h.row, isTitle);
  const projectLabel = v.findLabelled(top, h.row, isProjectLabel);
  const projectAt = projectLabel ? v.valueRightOf(projectLabel.row, projectLabel.col) : null;
  const printedTotal = table.totalRow !== null ? readTotal(v, h, table.totalRow) : undefined;
  const structured = structureRows(table.rows, printedTotal?.weight);
  const total = printedTotal && { ...printedTotal, weight: structured.totalWeight };
  const tableEnd = Math.max(table.end, table.totalRow ?? 0);
  const after = Math.min(bottom, tableEnd + 40);
  const headerTexts = [
    ...(budgetHeader?.headerTexts ?? []),
    ...Object.values(h.cols).map((c) => v.text(h.row, c as number)),
    ...(h.labelCell ? [v.text(h.labelCell.row, h.labelCell.col)] : []),
  ];
  const anchorRow = title?.row ?? budgetHeader?.row ?? h.row;
  const form: Form = {
    sheet: v.grid.sheet,
    anchor: toAddress(anchorRow, title?.col ?? v.left),
    title: title ? v.text(title.row, title.col) : undefined,
    project: projectAt ? v.cell(projectAt.row, projectAt.col) : undefined,
    headers: headerTexts,
    ruleText: ruleTextIn(v, tableEnd + 1, bottom) ?? ruleTextIn(v, top, h.row - 1),
    budget: budgetHeader
      ? sumOfParts({
          header: v.cell(budgetHeader.row, budgetHeader.labelCol),
          columnHeaders: budgetHeader.headerTexts,
          rows: budgetRows,
        })
      : undefined,
    indicatorHeader: h.labelCell ? v.cell(h.labelCell.row, h.labelCell.col) : undefined,
    indicators: structured.rows,
    total,
    grade: readGrade(v, top, after),
    formReason: readFormReason(v, h.row, after),
    hasReasonColumn: h.cols.reason !== undefined,
    goalReport: readGoalReport(v, top, h.row - 1),
  };
  // no 总分 row printing a score: the total where it is labelled as the form's, above or below
  const elsewhere = total?.score
    ? undefined
    : (printedTotalIn(v, top, h.row - 1) ?? printedTotalIn(v, lastRowOf(h, table) + 1, after));
  const unread = formUnread(v, h, form, budgetHeader);
  return {
    ...form,
    ...(unread ? { unread } : {}),
    ...(elsewhere ? { printedTotal: elsewhere } : {}),
  };
}

/**
 * A budget block with no indicator table under a form's title (domain §9): a form whose budget is
 * read, with no total or grade, and one form-unread prompt 未找到绩效指标表.
 */
function budgetAlone(v: SheetView): Form | null {
  const title = v.findLabelled(v.top, v.bottom, isTitle);
  if (!title) return null;
  const budgetHeader = findBudgetHeader(v, title.row + 1, v.bottom);
  if (!budgetHeader) return null;
  const projectLabel = v.findLabelled(v.top, budgetHeader.row, isProjectLabel);
  const projectAt = projectLabel ? v.valueRightOf(projectLabel.row, projectLabel.col) : null;
  const budgetRows = readBudgetRows(v, budgetHeader, v.bottom);
  if (budgetRows.length === 0) return null;
  return {
    sheet: v.grid.sheet,
    anchor: toAddress(title.row, title.col),
    title: v.text(title.row, title.col),
    project: projectAt ? v.cell(projectAt.row, projectAt.col) : undefined,
    headers: budgetHeader.headerTexts,
    budget: sumOfParts({
      header: v.cell(budgetHeader.row, budgetHeader.labelCol),
      columnHeaders: budgetHeader.headerTexts,
      rows: budgetRows,
    }),
    indicators: [],
    hasReasonColumn: false,
    unread: tableMissing(budgetHeader),
  };
}

/** The table's last row that holds an indicator, or its header. */
function lastRowOf(h: IndicatorHeader, table: TableRead): number {
  return Math.max(h.dataRow - 1, table.totalRow ?? 0, ...table.rows.map((r) => r.row));
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
    form.printedTotal,
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
