import Decimal from "decimal.js";
import { cellText, isNotApplicable, normalizeHeader, stripSpace } from "../engine/text";
import type { BudgetBlock, BudgetRow, Cell } from "../engine/types";
import { BUDGET_TOTAL_ROW, matcher } from "./vocabulary";

const isTotalRow = matcher(BUDGET_TOTAL_ROW);

/** A plain amount (a number, or digits with a decimal point); null for anything else. */
function amount(cell: Cell | undefined): Decimal | null | "empty" {
  const t = stripSpace(cellText(cell?.value)).replace(/,/g, "");
  if (t === "" || isNotApplicable(t)) return "empty";
  return /^-?\d+(\.\d+)?$/.test(t) ? new Decimal(t) : null;
}

const zeroOrEmpty = (c: Cell | undefined): boolean => {
  const a = amount(c);
  return a === "empty" || (a !== null && a.isZero());
};

/**
 * A total row (年度资金总额) printed 0 or empty while the 其中 rows under it carry the amounts: the
 * amounts are the 其中 rows' sum (domain §1). The total row's cells then hold the sums, tied to
 * their own addresses, and the block says so in a note the budget explanation quotes; a printed
 * 0% / 0 on the total row is left as printed, to disagree.
 */
export function sumOfParts(block: BudgetBlock): BudgetBlock {
  const i = block.rows.findIndex((r) => isTotalRow(normalizeHeader(cellText(r.label.value))));
  if (i < 0) return block;
  const total = block.rows[i];
  if (!zeroOrEmpty(total.annual) || !zeroOrEmpty(total.executed)) return block;
  const parts = block.rows.slice(i + 1);
  const sum = (f: "annual" | "executed"): Decimal | null => {
    let s = new Decimal(0);
    for (const r of parts) {
      const a = amount(r[f]);
      if (a === null) return null;
      if (a !== "empty") s = s.plus(a);
    }
    return s;
  };
  const annual = sum("annual");
  const executed = sum("executed");
  if (!annual || !executed || annual.isZero()) return block;
  const cell = (c: Cell | undefined, v: Decimal): Cell | undefined =>
    c ? { address: c.address, value: v.toString() } : undefined;
  const labels = parts
    .filter((r) => amount(r.annual) !== "empty" || amount(r.executed) !== "empty")
    .map((r) => stripSpace(cellText(r.label.value)));
  const rows: BudgetRow[] = block.rows.slice();
  rows[i] = {
    ...total,
    annual: cell(total.annual, annual),
    executed: cell(total.executed, executed),
  };
  const label = stripSpace(cellText(total.label.value));
  return {
    ...block,
    rows,
    note: `${label}未填金额，按其中各行（${labels.join("、")}）合计：预算数 ${annual.toString()}，执行数 ${executed.toString()}`,
  };
}
