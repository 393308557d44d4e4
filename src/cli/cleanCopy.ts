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

/**
 * `<name>.提交版.xlsx` beside the scored copy `<name>.scored.xlsx` (or `<name>.scored (2).xlsx`);
 * a macro workbook stays one (`.xlsm`).
 */
export function cleanCopyPath(scoredPath: string): string {
  const match = /^(.*?)(?:\.scored(?: \(\d+\))?)?\.(xls[xm])$/i.exec(path.basename(scoredPath));
  const [base, ext] = match ? [match[1], match[2]] : [path.basename(scoredPath), "xlsx"];
  return path.join(path.dirname(scoredPath), `${base}.提交版.${ext}`);
}

/** The 提交版 package of a scored workbook, from its source package and grids. */
export async function cleanCopyBytes(
  source: Uint8Array | PackageParts,
  grids: readonly Grid[],
  outcome: WorkbookOutcome,
  sourceMark?: string
): Promise<Uint8Array> {
  const { edits } = cleanCopyEdits(grids, outcome.sheets);
  return writePackage(source, edits, [], {
    replaceSheets: outcome.replaceSheets,
    archiveComment: sourceMark,
  });
}
