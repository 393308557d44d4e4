/**
 * `selfeval score --clean` (issue 21): the 提交版 beside the scored copy — the input's package
 * with the corrected values, totals and grades written and none of the review marks (no notes or
 * fills of the add-in, no 评分汇总, no ledger sheet); every part nothing corrects keeps its bytes.
 */
import * as path from "path";
import { cleanCopyEdits } from "../form/clean";
import type { Grid } from "../form/grid";
import type { WorkbookOutcome } from "../form/pipeline";
import { writePackage } from "../host/xlsx/package";
import type { PackageParts } from "../host/xlsx/package/parts";

/** `<name>.提交版.xlsx` beside the scored copy `<name>.scored.xlsx`. */
export function cleanCopyPath(scoredPath: string): string {
  const base = path.basename(scoredPath).replace(/(\.scored)?\.xlsx$/i, "");
  return path.join(path.dirname(scoredPath), `${base}.提交版.xlsx`);
}

/** The 提交版 package of a scored workbook, from its source package and grids. */
export async function cleanCopyBytes(
  source: Buffer | PackageParts,
  grids: readonly Grid[],
  outcome: WorkbookOutcome
): Promise<Buffer> {
  const { edits } = cleanCopyEdits(grids, outcome.sheets);
  return writePackage(source, edits, [], { replaceSheets: outcome.replaceSheets });
}
