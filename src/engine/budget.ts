import type Decimal from "decimal.js";
/** The budget block read (domain §3): its unit, the row that carries the figures, its amounts in 元. */
import { halfUnit } from "./agree";
import { Dec, ONE, ZERO } from "./decimal";
import type { BudgetMirror } from "./evaluation";
import { n } from "./format";
import { promptAt } from "./prompts";
import { readValue, type ValueReader } from "./quantity";
import { cellText, normalizeHeader, stripSpace } from "./text";
import { otherRowRates } from "./budgetRows";
import type { BudgetBlock, BudgetRow, Cell, Form, Prompt } from "./types";

const TOTAL_ROW = /^(年度资金总额|年度财政资金总额|资金总额|合计|总计|预算数|项目资金)/;

/** The unit the budget block's header names: 万元 (10⁴) unless it says 元. */
export function budgetScale(block: BudgetBlock): { scale: Decimal; unit: string } {
  const words = [cellText(block.header.value), ...block.columnHeaders]
    .map(normalizeHeader)
    .join("|");
  if (/\(万元\)|万元/.test(words)) return { scale: new Dec(10000), unit: "万元" };
  if (/\(元\)/.test(words)) return { scale: ONE, unit: "元" };
  return { scale: new Dec(10000), unit: "万元" };
}

/** The row that carries the figures: the total row when it has any, else the first row that has. */
export function chooseBudgetRow(block: BudgetBlock): BudgetRow | null {
  const filled = (r: BudgetRow): boolean =>
    stripSpace(cellText(r.annual?.value)) !== "" || stripSpace(cellText(r.executed?.value)) !== "";
  const usable = block.rows.filter(filled);
  return (
    usable.find((r) => TOTAL_ROW.test(normalizeHeader(cellText(r.label.value)))) ??
    usable[0] ??
    null
  );
}

export interface Amount {
  /** In 元. */
  readonly yuan: Decimal;
  /** In the header's unit, for display. */
  readonly shown: Decimal;
  readonly digits: string;
  /** Half a unit of the last printed decimal, in 元. */
  readonly tolerance: Decimal;
  readonly conversion: string | null;
}

/** An amount cell read in the header's unit; 680万 or 6727625.90元 are converted and the conversion said. */
export function readAmount(
  cell: Cell | undefined,
  scale: Decimal,
  unit: string,
  read: ValueReader = readValue
): Amount | { error: string } | null {
  if (!cell) return null;
  const text = cellText(cell.value);
  const r = read(text);
  if (r.status === "empty" || r.status === "na") return null;
  if (r.status === "error" || r.quantities.length !== 1)
    return { error: `“${text.trim()}”不是金额` };
  const q = r.quantities[0];
  if (q.unit !== "" && q.unit !== "元") return { error: `“${text.trim()}”不是金额` };
  const explicit = q.unit === "元" || !q.scale.equals(1);
  const yuan = explicit ? q.value : q.value.times(scale);
  // in the header's unit: the digits as printed unless the cell named its own unit
  const shown = explicit ? yuan.dividedBy(scale) : q.value;
  const unitOfDigits = explicit ? q.scale : scale;
  return {
    yuan,
    shown,
    digits: q.digits,
    tolerance: halfUnit(q.digits).times(unitOfDigits),
    conversion:
      explicit && !q.scale.equals(scale) ? `${stripSpace(text)} 折合 ${n(shown)}${unit}` : null,
  };
}

function isAmount(x: Amount | { error: string } | null): x is Amount {
  return !!x && !("error" in x);
}

/** The budget block read once: its row, its amounts in 元, and what an indicator may mirror. */
export interface BudgetReading {
  readonly row: BudgetRow | null;
  readonly annual: Amount | null;
  readonly executed: Amount | null;
  readonly mirror: BudgetMirror | null;
  readonly prompts: readonly Prompt[];
}

export function readBudget(form: Form, read: ValueReader = readValue): BudgetReading | null {
  const block = form.budget;
  if (!block) return null;
  const sheet = form.sheet;
  const prompts: Prompt[] = [];
  const row = chooseBudgetRow(block);
  if (!row) {
    const cell = block.rows[0]?.annual?.address ?? block.header.address;
    prompts.push(promptAt(sheet, cell, "missing-value", `全年预算数未填写，无法计算执行率`));
    return { row, annual: null, executed: null, mirror: null, prompts };
  }
  const { scale, unit } = budgetScale(block);
  const annual = readAmount(row.annual, scale, unit, read);
  const executed = readAmount(row.executed, scale, unit, read);
  const initial = readAmount(row.initial, scale, unit, read);
  for (const [amount, cell, what] of [
    [annual, row.annual, "全年预算数"],
    [executed, row.executed, "全年执行数"],
  ] as const) {
    if (amount && "error" in amount && cell) {
      prompts.push(promptAt(sheet, cell.address, "unparseable", `的${what}${amount.error}`));
    }
  }
  prompts.push(...otherRowRates(form, row, (cell) => readAmount(cell, scale, unit, read)));
  const mirror: BudgetMirror = {
    annual: isAmount(annual) ? annual.yuan : null,
    initial: isAmount(initial) ? initial.yuan : null,
    executed: isAmount(executed) ? executed.yuan : null,
    tolerance: Dec.max(
      isAmount(annual) ? annual.tolerance : ZERO,
      isAmount(executed) ? executed.tolerance : ZERO
    ),
  };
  if (isAmount(annual) && annual.yuan.isZero() && row.annual) {
    prompts.push(
      promptAt(sheet, row.annual.address, "unparseable", `全年预算数为 0，无法计算执行率`)
    );
  } else if (!annual && row.annual) {
    prompts.push(
      promptAt(sheet, row.annual.address, "missing-value", `全年预算数未填写，无法计算执行率`)
    );
  } else if (!executed && row.executed) {
    prompts.push(
      promptAt(sheet, row.executed.address, "missing-value", `全年执行数未填写，无法计算执行率`)
    );
  }
  return {
    row,
    annual: isAmount(annual) ? annual : null,
    executed: isAmount(executed) ? executed : null,
    mirror,
    prompts,
  };
}
