/**
 * Requirement sets: ExcelApi 1.4 at least (null objects, used range of values). 1.9 gives fills in
 * one call per block (getCellProperties) and tells "no fill" from white; 1.13 merged areas (else
 * none: recognition inherits empty level cells anyway); 1.18 notes, else 1.10 threaded comments,
 * else prompts only in 评分汇总 and the report; 1.9 change events for 自动评分, 1.14 tells the
 * add-in's own edits from a person's.
 */
import type { Capabilities } from "./contract";

const REQUIRED_API = "1.4";

const NONE: Omit<Capabilities, "reason"> = {
  supported: false,
  merges: false,
  notes: "none",
  cellProperties: false,
  events: false,
  triggerSource: false,
};

export function capabilities(): Capabilities {
  if (typeof Office === "undefined" || typeof Excel === "undefined")
    return { ...NONE, reason: "没有在 Excel 中运行（找不到 Office.js）" };
  const has = (v: string): boolean => Office.context.requirements.isSetSupported("ExcelApi", v);
  if (!has(REQUIRED_API))
    return {
      ...NONE,
      reason: `此版本的 Excel 过旧：需要 ExcelApi ${REQUIRED_API} 或更高版本；请使用 Microsoft 365 版 Excel 或 Excel 网页版`,
    };
  return {
    supported: true,
    reason: null,
    merges: has("1.13"),
    notes: has("1.18") ? "notes" : has("1.10") ? "comments" : "none",
    cellProperties: has("1.9"),
    events: has("1.9"),
    triggerSource: has("1.14"),
  };
}

/**
 * Whether this Excel has ExcelApi `version` (false outside Excel): the summary's finishing touches
 * (frozen row and links 1.7; filter, page setup and format copies 1.9) are left out below theirs.
 */
export function supportsApi(version: string): boolean {
  return (
    typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version)
  );
}

/** What an action reports about the features this Excel lacks. */
export function warningsFor(caps: Capabilities): string[] {
  const w: string[] = [];
  if (!caps.merges)
    w.push(
      "此版本的 Excel 不提供合并单元格信息（需要 ExcelApi 1.13），按空白一级/二级指标沿用上一行识别"
    );
  if (caps.notes === "comments")
    w.push("此版本的 Excel 不支持备注（需要 ExcelApi 1.18），提示写为批注");
  if (caps.notes === "none")
    w.push("此版本的 Excel 不支持备注和批注，提示只列在评分汇总表和结果列表中");
  return w;
}
