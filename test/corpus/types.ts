import type { PromptKind } from "../../src/engine/types";

/**
 * One real published 项目支出绩效自评表, transcribed cell by cell as the stored copy prints it, and
 * what a correct reading of it gives (domain.md, under the profile domain.md §5 assigns).
 * Expectations come from the printed form and the rules, never from what the code does today.
 */
export interface CorpusForm {
  readonly id: string;
  readonly source: {
    /** The address as the search result gave it; null where the result carried none. */
    readonly url: string | null;
    /** The page's title or heading as stored, to find it again where the address is missing. */
    readonly title: string;
  };
  readonly province: string;
  readonly unit: string;
  readonly year: number;
  /** Issue 11 §1 layout features this form shows (e.g. "§1.1 split target"). */
  readonly features: readonly string[];
  /** Where the stored copy stops before the end of the form (rows below it are not transcribed). */
  readonly truncated?: string;
  readonly sheet: string;
  /** The cells as printed, row 1 first, column A first; null for an empty cell. */
  readonly rows: readonly (readonly PrintedCell[])[];
  /** Merged areas as printed (A1 ranges); the value sits in the top-left cell. */
  readonly merges: readonly string[];
  readonly expected: Expected;
  /** Where domain.md is silent or the stored copy is ambiguous: what was decided, and why. */
  readonly decisions: readonly string[];
}

/** A printed cell: text, a number, or a number with the format it is shown in (10.00, 86%). */
export type PrintedCell = string | number | null | { readonly n: number; readonly fmt: string };

export interface Expected {
  readonly profile: string;
  /** The budget figures; null where the form prints no budget block at all. */
  readonly budget: { readonly annual: string; readonly executed: string } | null;
  /** Every indicator row, in order (placeholder rows are not indicators and are absent). */
  readonly indicators: readonly ExpectedIndicator[];
  /** The printed 总分 (its score cell), null where the form prints none. */
  readonly statedTotal: string | null;
  /**
   * The total a correct scoring gives (agreeing printed scores kept, disagreeing ones replaced), null
   * where none may be written (weights over 100); absent where the transcription cannot say (truncated).
   */
  readonly total?: string | null;
  /** The grade that goes with it (优/良/中/差), null where none; absent where not checked. */
  readonly grade?: string | null;
  /** Every prompt a correct reading raises: the form's hand errors, and nothing else. */
  readonly prompts: readonly ExpectedPrompt[];
}

export interface ExpectedIndicator {
  readonly row: number;
  /** 三级指标 as printed (whitespace removed). */
  readonly name: string;
  /** The target as one quantity: sign, value and unit joined (whitespace removed). */
  readonly target: string;
  readonly actual: string;
  /** The weight a correct reading assigns (column, block, implied), null where none. */
  readonly weight: string | null;
  /** The printed score, null where the cell is empty. */
  readonly stated: string | null;
}

/**
 * A prompt kind domain.md §4 defines: the engine's kinds, and the issue-24 kinds (form-unread,
 * reason-inconsistent) that forms awaiting those features already expect.
 */
export type ExpectedKind = PromptKind | "form-unread" | "reason-inconsistent";

export interface ExpectedPrompt {
  readonly kind: ExpectedKind;
  /** The cell the prompt belongs on; "*" where the form gives no natural cell (truncated copy). */
  readonly cell: string;
  /** What is wrong, recomputed by domain.md's rules. */
  readonly why: string;
}
