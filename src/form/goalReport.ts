/**
 * The form's 年度总体目标完成情况 text (issue 24): the cell that reports how the year's goals were
 * met, for the engine to check the budget figures it states. A row label has its text beside it;
 * a column head (实际完成情况 over 预期目标's neighbour) has it under it.
 */
import { GOAL_REPORT } from "../engine/reasonVocabulary";
import type { Cell } from "../engine/types";
import type { SheetView } from "./sheetView";
import { matcher } from "./vocabulary";

const isRowLabel = matcher({ words: GOAL_REPORT.rowLabels });
const isColumnHead = matcher({ words: GOAL_REPORT.columnHeads });

/** The text cell of the goals' completion report between rows from..to, if the form has one. */
export function readGoalReport(v: SheetView, from: number, to: number): Cell | undefined {
  const below = (at: { row: number; col: number }): Cell | undefined => {
    const m = v.merge(at.row, at.col);
    const row = (m ? m.bottom : at.row) + 1;
    return row <= to && !v.isEmpty(row, at.col) ? v.cell(row, at.col) : undefined;
  };
  // the common layout: 年度总体目标(完成情况) | 预期目标 | 实际完成情况, the text under the last
  const head = v.findLabelled(from, to, isColumnHead);
  if (head) return below(head);
  const label = v.findLabelled(from, to, isRowLabel);
  if (!label) return undefined;
  const right = v.valueRightOf(label.row, label.col, 1);
  return right ? v.cell(right.row, right.col) : below(label);
}
