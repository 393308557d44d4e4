/**
 * Words the engine's rules turn on (domain §2–§3), as data: one place to read and extend them.
 */

/**
 * A reason cell "speaks of the money" when it holds one of these (domain §3). 招标 is added to
 * the domain's list: a tender not held is money not spent (docs/decisions.md, issue 11).
 */
export const MONEY_REASON_WORDS: readonly string[] = [
  "资金",
  "预算",
  "支付",
  "拨付",
  "执行",
  "结余",
  "结转",
  "中标",
  "招标",
  "采购",
  "收回",
];

/**
 * An actual that states its own completion (达成预期目标80%, 完成率95%, 完成目标的80%): the phrase
 * before the percentage. Matched on the whitespace-free, half-width text.
 */
export const STATED_COMPLETION =
  /(?:达成|达到|完成)(?:了)?(?:预期)?(?:目标|指标)(?:值)?(?:的)?(\d+(?:\.\d+)?)%|完成率(?:为|达)?(\d+(?:\.\d+)?)%|完成(\d+(?:\.\d+)?)%$/;

/**
 * A level-1 cell of the common framework (项目决策, 项目过程/项目管理, 项目产出, 项目效益; also 决策,
 * 过程): its rows with an empty target and a sentence actual are the accountant's to score (§9).
 */
export const FRAMEWORK_LEVEL1 =
  /^项目(?:决策|过程|管理|产出|效益)(?:指标)?$|^(?:决策|过程)(?:指标)?$/;

/** An indicator row that is the budget's execution rate (§9): 预算执行率, 资金执行率. */
export const BUDGET_RATE_ROW = /^(?:项目)?(?:预算|资金)(?:支出)?执行率$/;

/**
 * A name that measures a rate or a satisfaction: a percentage below 100% in its actual is that
 * value, not a completion judged against a words target (满意度 95% against 满意).
 */
export const MEASURED_RATE_NAME = /率|满意|占比|比例|比重/;

/**
 * Lower is better by name (§3 step 5), except a coverage or timeliness rate with a percentage
 * target (经费足额拨付率 ≥ 95% is higher-is-better); the bad rates stay lower-is-better.
 */
export const LOWER_IS_BETTER_NAME = /成本|费用|经费|支出|投诉|事故|差错|错误率|故障|发生率|下降率/;
export const COVERAGE_RATE_NAME = /(?:拨付|到位|保障|核算|执行|覆盖|支付|兑现|发放|落实)率/;
export const BAD_RATE_NAME = /(?:错误|差错|故障|发生|投诉|事故)率/;

/**
 * Units written in Latin letters, read as measure words (40TB, 12km, 3000m²). Longest first;
 * matched case-sensitively where case carries meaning (MB is not mb), and only when no further
 * letter follows (5G, App2 stay names).
 */
export const LATIN_UNITS: readonly string[] = [
  "Mbps",
  "Gbps",
  "kWh",
  "km²",
  "m²",
  "m³",
  "㎡",
  "TB",
  "GB",
  "MB",
  "KB",
  "PB",
  "kW",
  "MW",
  "km",
  "cm",
  "mm",
  "kg",
  "m",
];

/**
 * A level-3 cell that is only the template's placeholder label: 指标1：, 指标2, 指标3:/, 三级指标1,
 * 指标. Matched on the text as a header is read (no spaces, half-width, trailing colons dropped).
 */
export const PLACEHOLDER_NAME = /^(?:三级)?指标\d*(?::?[-—–－/／\\]+)?$/;

/** A cell holding only dots: an empty line of the template (……). */
export const PLACEHOLDER_CHARS = /^[.…。·]+$/;
