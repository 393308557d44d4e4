/**
 * What recognition could not place (domain §9): a column the rules need (target, actual, weight,
 * score, reason) missing while the header rows hold text the reader did not understand, or a budget
 * block whose amounts were not found. Reported on the Form (Form.unread); the engine turns it into one
 * `form-unread` prompt and leaves out the per-row prompts of that part. A template that simply has no
 * such column (no header text left over) is no gap.
 */
import { bracketWeight, cellText, normalizeHeader } from "../engine/text";
import type { BudgetBlock, Form, FormUnread, IndicatorRow, UnreadPart } from "../engine/types";
import { toAddress } from "../address";
import type { BudgetHeader } from "./budgetBlock";
import { labelField } from "./budgetLabels";
import type { IndicatorHeader } from "./indicatorHeader";
import type { SheetView } from "./sheetView";
import { BUDGET_TOTAL_ROW, matcher } from "./vocabulary";

const isBudgetTotal = matcher(BUDGET_TOTAL_ROW);

/** A weight printed outside a weight column: a block cell, a （N分） in a level or a name. */
function weightsElsewhere(rows: readonly IndicatorRow[], header: string): boolean {
  if (bracketWeight(header) !== null) return true;
  return rows.some(
    (r) =>
      r.block !== undefined ||
      [r.level1, r.level2, r.name].some((c) => bracketWeight(cellText(c.value)) !== null)
  );
}

/** The indicator table's gaps: the columns the rules need that are missing, with texts left over. */
function tableGaps(
  h: IndicatorHeader,
  rows: readonly IndicatorRow[],
  labelText: string,
  formReason: boolean
): UnreadPart[] {
  if (h.unknown.length === 0) return [];
  const weighted = h.cols.weight !== undefined || weightsElsewhere(rows, labelText);
  const missing: UnreadPart[] = [];
  if (h.cols.target === undefined) missing.push("target");
  if (h.cols.actual === undefined) missing.push("actual");
  if (!weighted) missing.push("weight");
  if (weighted && h.cols.score === undefined) missing.push("score");
  if (h.cols.reason === undefined && !formReason) missing.push("reason");
  return missing;
}

/** The budget block's header texts that name no amount, no total row and not the block itself. */
function budgetUnknown(v: SheetView, h: BudgetHeader): string[] {
  const own = v.text(h.row, h.labelCol);
  return h.headerTexts
    .filter((t) => t !== own)
    .filter((t) => {
      const norm = normalizeHeader(t);
      return labelField(norm) === null && !isBudgetTotal(norm);
    })
    .map((t) => t.trim());
}

/** A budget block with no row giving the annual budget, or none giving the execution. */
function budgetUnread(block: BudgetBlock | undefined): boolean {
  if (!block) return false;
  return !block.rows.some((r) => r.annual) || !block.rows.some((r) => r.executed);
}

export function formUnread(
  v: SheetView,
  h: IndicatorHeader,
  form: Omit<Form, "unread">,
  budgetHeader: BudgetHeader | null
): FormUnread | undefined {
  const labelText = h.labelCell ? v.text(h.labelCell.row, h.labelCell.col) : "";
  const missing = tableGaps(h, form.indicators, labelText, form.formReason !== undefined);
  const budget = budgetHeader && budgetUnread(form.budget);
  if (missing.length === 0 && !budget) return undefined;
  const first = Math.min(...(Object.values(h.cols) as number[]));
  return {
    cell:
      missing.length || !budgetHeader
        ? toAddress(h.row, first)
        : toAddress(budgetHeader.row, budgetHeader.labelCol),
    missing: budget ? ["budget", ...missing] : missing,
    headers: [
      ...(budget && budgetHeader ? budgetUnknown(v, budgetHeader) : []),
      ...(missing.length ? h.unknown : []),
    ],
  };
}

/** A budget block standing with no indicator table: read, no total, one prompt (§9). */
export function tableMissing(budgetHeader: BudgetHeader): FormUnread {
  return {
    cell: toAddress(budgetHeader.row, budgetHeader.labelCol),
    missing: ["table"],
    headers: [],
  };
}
