/**
 * Excel.run for every action of the gateway: where Excel can (ExcelApi 1.11) the batch waits
 * while the person is still typing in a cell (delayForCellEdit) instead of failing with
 * InvalidOperationInCellEditMode: 自动评分 fires while they edit, and a click on the pane can come
 * before they pressed Enter. Below 1.11 Excel refuses; the action then fails with errors.ts's
 * Chinese sentence (press Enter or Esc, then try again), its code kept.
 */
import { supportsApi } from "./capabilities";
import { describeExcelError } from "./errors";

const CELL_EDIT = "InvalidOperationInCellEditMode";

export async function runExcel<T>(
  batch: (context: Excel.RequestContext) => Promise<T>
): Promise<T> {
  if (supportsApi("1.11")) return Excel.run({ delayForCellEdit: true }, batch);
  try {
    return await Excel.run(batch);
  } catch (e) {
    if ((e as { code?: string } | null)?.code !== CELL_EDIT) throw e;
    throw Object.assign(new Error(describeExcelError(e)), { code: CELL_EDIT });
  }
}
