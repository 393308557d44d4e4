/**
 * The pane's contract as src/host/excel sees it: the shared contract (src/host/contract.ts, which
 * both hosts implement) and what only the Office.js gateway is configured with.
 */
export * from "../contract";

export interface GatewayConfig {
  /** Bytes queued before a write sync is sent (below Excel on the web's 5 MB, with room for overhead). */
  readonly payloadBudget?: number;
  /** Estimated response bytes per read sync when a workbook had to be read in parts. */
  readonly readChunkBudget?: number;
  /** A used range larger than this many cells is read only in part, with a warning. */
  readonly maxSheetCells?: number;
}
