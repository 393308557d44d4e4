/**
 * The words `reason-inconsistent` turns on (domain §4, issue 24), as data: which words before a
 * percentage or an amount make it a statement of this row's completion, of the budget's execution
 * or of the row's actual amount, and which words around it make it something else (a target, a
 * plan, a part, another year, 满意度95%). Matched on whitespace-free, half-width text.
 */

export const REASON_WORDS = {
  /** Right before a percentage: the row's own completion (完成率76.67%, 完成目标的80%). Longest first. */
  rowCompletion: [
    "完成预期目标的",
    "完成目标值的",
    "完成目标的",
    "达到目标的",
    "达成目标的",
    "完成比例",
    "完成进度",
    "完成程度",
    "完成率",
    "达成率",
    "实现率",
    "完成了",
    "完成",
  ],
  /** Right before a percentage: the budget's execution (预算执行率68.33%). Longest first. */
  budgetExecution: [
    "预算执行率",
    "资金执行率",
    "资金支付率",
    "预算支付率",
    "资金支出率",
    "支付进度",
    "执行进度",
    "支出进度",
    "执行率",
  ],
  /** Right before an amount: the row's actual amount (实际支出89.97万元). Longest first. */
  actualAmount: ["实际支出", "实际执行", "实际使用", "实际支付", "实际完成", "实际发生"],
  /** What may stand between the word and the number: 完成率为76.67%, 执行率仅达68%. */
  links: ["仅为", "只有", "达到", "为", "达", "是", "了", "仅", "约", "共", ":"],
  /**
   * Earlier in the same clause, these make the figure not this row's result: a target or plan
   * (要求完成率达到90%), a part (其中), another period or place (上年, 全市), a cumulative figure.
   */
  otherSubject: [
    "要求",
    "目标为",
    "目标值",
    "计划",
    "预计",
    "预期",
    "力争",
    "确保",
    "考核",
    "标准",
    "应",
    "须",
    "需",
    "不低于",
    "不少于",
    "上年",
    "去年",
    "同期",
    "往年",
    "同比",
    "环比",
    "上半年",
    "季度",
    "其中",
    "累计",
    "全省",
    "全市",
    "全区",
    "全县",
    "全国",
    "平均",
  ],
  /** Right before the word, these make the figure a change, not a result: 超额完成20%. */
  changeBefore: ["超额", "超", "多", "提前", "提高", "增长", "增加", "下降", "降低", "减少"],
  /** Right after the figure, these make it a bound, not a result: 90%以上. */
  boundAfter: ["及以上", "以上", "以下", "以内", "左右"],
  /** Money units an amount is written in. */
  moneyUnits: ["亿元", "万元", "元", "万"],
  /** Where a clause ends: what stands before it in the same clause is its subject. */
  clauseEnd: ["，", ",", "。", "；", ";", "！", "!", "？", "?", "\n"],
} as const;

/** One percentage point: a stated rate within it of the row's own agrees (domain §4). */
export const RATE_TOLERANCE = "0.01";

/** The shortest project name looked for in another form's reasons (shorter ones are too common). */
export const PROJECT_NAME_MIN_LENGTH = 5;

/**
 * The 年度总体目标完成情况 text: the labels recognition finds it by (a row label with the text
 * beside it, or a column head with the text under it), and the words before the budget figures
 * it states. Longest first.
 */
export const GOAL_REPORT = {
  rowLabels: ["年度总体目标完成情况", "总体目标完成情况", "年度目标完成情况"],
  columnHeads: ["实际完成情况", "目标实际完成情况", "年度总体目标实际完成情况"],
  annual: ["全年预算数", "年度预算数", "全年预算", "年度预算", "预算总额", "预算资金", "预算数"],
  /** Before a budget word these make the amount the money spent: 完成预算资金89.97万元. */
  spentBefore: ["完成", "执行", "支出", "使用", "支付", "拨付"],
  executed: [
    "完成预算资金",
    "完成预算",
    "全年执行数",
    "全年支出数",
    "实际支出",
    "实际执行",
    "执行数",
    "支出数",
    "已支出",
    "已执行",
  ],
} as const;
