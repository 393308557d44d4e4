/** The run reports both hosts fill in (moved to src/host/runReport.ts, host-free); re-exported for this folder. */
export * from "../runReport";
