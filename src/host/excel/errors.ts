/**
 * Errors: what Excel refuses (a protected sheet, a sheet deleted meanwhile, a payload too large) is
 * reported in Chinese in the RunReport; a misuse of Office.js (PropertyNotLoaded, ApiNotFound, a
 * stale context) is thrown, so that it cannot hide in a message.
 */

export class ProgrammingError extends Error {}

function codeOf(e: unknown): string | undefined {
  return (e as { code?: string } | null)?.code;
}

/** Errors that mean the add-in used Office.js wrongly: they must reach the tests, never become a message. */
export function isProgrammingError(e: unknown): boolean {
  const code = codeOf(e);
  return (
    e instanceof ProgrammingError ||
    e instanceof TypeError ||
    e instanceof ReferenceError ||
    code === "PropertyNotLoaded" ||
    code === "ValueNotLoaded" ||
    code === "InvalidObjectPath" ||
    code === "InvalidRequestContext" ||
    code === "ApiNotFound"
  );
}

export function isPayloadError(e: unknown): boolean {
  const code = codeOf(e);
  return (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RangeExceedsLimit" ||
    code === "OperationCellsExceedLimit"
  );
}

/** What a person reads when Excel refused something. */
export function describeExcelError(e: unknown): string {
  const code = codeOf(e);
  const where = (e as { debugInfo?: { errorLocation?: string } } | null)?.debugInfo?.errorLocation;
  switch (code) {
    case "AccessDenied":
      return "Excel 拒绝写入：工作表或单元格受保护（或工作簿为只读）";
    case "ItemNotFound":
      return "Excel 找不到要写入的工作表或单元格（评分期间可能已被删除或改名）";
    case "ItemAlreadyExists":
      return "已有同名的工作表";
    case "InvalidOperationInCellEditMode":
      return "Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 结束编辑后再试";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "一次传输的数据超过了 Excel 网页版 5 MB 的上限";
    default:
      return `Excel 报告错误 ${code ?? "未知"}${where ? `（${where}）` : ""}：${(e as Error)?.message ?? String(e)}`;
  }
}
