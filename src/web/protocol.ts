import type { RunReport } from "../host/excel/report";

/**
 * The messages between the 网页版's page and its Web Worker (worker.ts). Bytes travel as
 * transferred ArrayBuffers; everything else is plain data (RunReport is what the task pane shows).
 */
export type ToWorker =
  | {
      readonly type: "score";
      readonly id: number;
      readonly name: string;
      readonly data: ArrayBuffer;
    }
  | { readonly type: "report"; readonly id: number };

/** How far one file is: read → scored → written (the progress bar's steps). */
export type Stage = "read" | "scored" | "written";

export interface BookSummary {
  readonly forms: number;
  readonly average: string | null;
  readonly bandSentence: string;
  readonly prompts: number;
  /** Forms per grade ("优", "良" …), in the order first met. */
  readonly grades: readonly (readonly [string, number])[];
}

export type FromWorker =
  | { readonly type: "progress"; readonly id: number; readonly stage: Stage }
  | {
      readonly type: "scored";
      readonly id: number;
      readonly data: ArrayBuffer;
      readonly report: RunReport;
      readonly summary: BookSummary;
    }
  | {
      readonly type: "report";
      readonly id: number;
      readonly data: ArrayBuffer | null;
      readonly message: string | null;
    }
  | { readonly type: "error"; readonly id: number; readonly message: string };
