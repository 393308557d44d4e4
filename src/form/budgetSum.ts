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
 * A total row (年度资金总额, 合计) printed 0 or empty while the 其中 rows under it (中央补助, 省级补助,
 * 本级资金 …) carry the amounts: each amount is the 其中 rows' sum, separately for 预算数 and 执行数
 * (domain §1, §9): a total row printing its 预算数 but not its 执行数 takes only the 执行数 sum. The
 * total row's cells then hold the sums, tied to their own addresses, and the block says so in a note
 * the budget explanation quotes; a printed 0% / 0 on the total row is left as printed, to disagree.
 */
export function sumOfParts(block: BudgetBlock): BudgetBlock {
  const i = block.rows.findIndex((r) => isTotalRow(normalizeHeader(cellText(r.label.value))));
  if (i < 0) return block;
  const total = block.rows[i];
  const parts = block.rows.slice(i + 1);
  const sum = (f: "annual" | "executed"): Decimal | null => {
    if (!zeroOrEmpty(total[f])) return null;
    let s = new Decimal(0);
    let printed = false;
    for (const r of parts) {
      const a = amount(r[f]);
      if (a === null) return null;
      if (a !== "empty") [s, printed] = [s.plus(a), true];
    }
    return printed ? s : null;
  };
  const annual = sum("annual");
  const executed = sum("executed");
  // the annual budget summed from rows that print none is no budget: nothing to divide by
  if (!annual && !executed) return block;
  if ((!annual || annual.isZero()) && zeroOrEmpty(total.annual)) return block;
  const cell = (c: Cell | undefined, v: Decimal | null): Cell | undefined =>
    c && v ? { address: c.address, value: v.toString() } : c;
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
  const said = [
    ...(annual ? [`预算数 ${annual.toString()}`] : []),
    ...(executed ? [`执行数 ${executed.toString()}`] : []),
  ];
  return {
    ...block,
    rows,
    note: `${label}未填金额，按其中各行（${labels.join("、")}）合计：${said.join("，")}`,
  };
}
