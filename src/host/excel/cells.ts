/** The pure cell helpers both hosts use (moved to src/host/cells.ts); re-exported for this folder. */
export * from "../cells";
