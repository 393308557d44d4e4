/**
 * A person typing in a cell (cell edit mode), as Excel treats the add-in meanwhile: a batch
 * (each context.sync) fails with InvalidOperationInCellEditMode and nothing of it runs, unless its
 * Excel.run asked to wait (`Excel.run({ delayForCellEdit: true }, batch)`, ExcelApi 1.11): that
 * batch waits until the person leaves the cell, and runs after what they typed is in the cell.
 * Below ExcelApi 1.11 the option is not honoured: the batch fails as without it.
 */
import { FakeOfficeError } from "./errors";

export class CellEditMode {
  /** The cell being typed in, or null. */
  editing: { readonly sheet: string; readonly address: string } | null = null;
  /** Batches waiting for the edit to end. */
  private waiters: (() => void)[] = [];

  start(sheet: string, address: string): void {
    if (this.editing) throw new Error("fake Excel: a cell is already being edited");
    this.editing = { sheet, address };
  }

  /** The person leaves the cell: the batches that waited run (after the caller committed the edit). */
  end(): void {
    if (!this.editing) throw new Error("fake Excel: no cell is being edited");
    this.editing = null;
    const waiting = this.waiters.splice(0);
    for (const go of waiting) go();
  }

  /** Before a batch runs: fails it in cell edit mode, or makes it wait when it may (`delay`). */
  async gate(delay: boolean): Promise<void> {
    if (!this.editing) return;
    if (!delay)
      throw new FakeOfficeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
        "RequestContext.sync"
      );
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** How many batches wait for the edit to end. */
  get waiting(): number {
    return this.waiters.length;
  }
}

/** Excel.run's options as the fake reads them (Excel.RunOptions): only delayForCellEdit. */
export function delayForCellEdit(options: unknown): boolean {
  return (
    !!options &&
    typeof options === "object" &&
    (options as { delayForCellEdit?: unknown }).delayForCellEdit === true
  );
}
