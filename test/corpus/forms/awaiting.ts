import type { CorpusForm } from "../types";
import { form as ezhou } from "./hb-ezhou-2021";
import { form as archives } from "./hb-huanggang-archives-2020";

/**
 * Real forms transcribed with their correct expectations that the product does not yet read as
 * domain.md says (issue 24: features under construction on other branches). They are NOT in the
 * test index; `npx tsx scripts/corpus-check.ts` lists their discrepancies. Per form: what the code on
 * this branch shows, and the domain rule that demands the expected result. A form moves to index.ts
 * as soon as it passes.
 */
export interface AwaitingForm {
  readonly form: CorpusForm;
  /** The discrepancies as scripts/corpus-check.ts printed them on this branch, word for word. */
  readonly discrepancies: readonly string[];
  /** The rule (domain.md section) each discrepancy waits for. */
  readonly waitsFor: readonly string[];
}

export const AWAITING: readonly AwaitingForm[] = [
  {
    form: ezhou,
    discrepancies: [
      "indicators read [13:预算执行率, 14:预算资金拨款率, 16:政务服务工作办结率, 17:大厅业务日常考核结果], want [13:预算执行率, 14:预算资金拨款率, 16:政务服务工作办结率, 17:大厅业务日常考核结果, 22:市民中心运行维护费, 25:大厅运行正常率]",
    ],
    waitsFor: [
      "domain.md §1 (a row whose every cell is empty is a placeholder row, not an indicator) and §9 (never silent): the two empty template rows 20 and 21 under the merged 时效指标 end the indicator table, so 成本指标 (row 22) and 效益指标 (row 25) vanish without a word; the table goes on to its 总分/end (recognition, branch recog).",
    ],
  },
  {
    form: archives,
    discrepancies: [
      "forms recognised on 档案专项经费: 0 (不是自评表：没有找到“一级指标、二级指标、三级指标”及目标值、实际完成值表头), want 1",
    ],
    waitsFor: [
      "domain.md §9 (a budget block with no indicator table is a form: its budget is read and scored, no total or grade, one form-unread 提示 未找到绩效指标表; a budget block is never dropped silently): the sheet is skipped as 不是自评表 (recognition, branch recog).",
    ],
  },
];
