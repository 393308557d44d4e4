import type { ProfileSpec } from "../../engine";
import { summaryLayout } from "../../form/layout/summaryLayout";
import { scoreWorkbookGrids, type WorkbookOutcome } from "../../form/pipeline";
import { STATE_SHEET, stateToRows } from "../../form/state";
import { writePackage, type NewSheet } from "./package";
import { readWorkbookGrids, type WorkbookGrids } from "./read";
import { newSheetFromLayout } from "./sheetLayoutXml";

/**
 * A workbook's bytes → its scored copy: the one function the command (src/cli/scoreFile.ts) and
 * the 网页版 (src/web) call, so both write the same workbook for the same input. The copy is the
 * input's own package with the plans' edits, the 评分汇总 sheet and the state sheet written into
 * it (nothing of the input is lost). No Node built-in: bytes in, bytes out.
 */
export interface ScoredBook {
  /** What was read (the grids, the package index, warnings). */
  readonly read: WorkbookGrids;
  readonly outcome: WorkbookOutcome;
  /** The scored copy; null for a dry run. */
  readonly bytes: Uint8Array | null;
}

export interface ScoreBookOptions {
  /** The file's name, for messages. */
  readonly name: string;
  readonly profile: ProfileSpec;
  /** Score only, write nothing. */
  readonly dryRun?: boolean;
  /** Told when the workbook is read and when it is scored (a page's progress bar). */
  readonly onStage?: (stage: "read" | "scored") => void;
  /**
   * The command's mark of the input this copy was made from (src/cli/outputs.ts), so a later run
   * knows the copy for its own: written as the zip archive's comment, in no part.
   */
  readonly sourceMark?: string;
}

/** Rejects with a Chinese message naming the file when it cannot be read or written. */
export async function scoreWorkbookBytes(
  input: Uint8Array,
  options: ScoreBookOptions
): Promise<ScoredBook> {
  // one package index: the cells are read from it, and the scored copy written into it
  const read = await readWorkbookGrids(input, { name: options.name });
  options.onStage?.("read");
  const outcome = scoreWorkbookGrids(read.grids, { profile: options.profile });
  options.onStage?.("scored");
  if (options.dryRun) return { read, outcome, bytes: null };
  const summary = newSheetFromLayout(summaryLayout(outcome.summary, outcome.summarySheet));
  const state: NewSheet = {
    name: STATE_SHEET,
    rows: stateToRows(outcome.state),
    state: "veryHidden",
  };
  const edits = outcome.sheets.flatMap((s) => s.plan.edits);
  const bytes = await writePackage(read.package, edits, [summary, state], {
    replaceSheets: outcome.replaceSheets,
    archiveComment: options.sourceMark,
  });
  return { read, outcome, bytes };
}
