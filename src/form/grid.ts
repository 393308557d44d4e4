import type { CellScalar } from "../engine/types";

/**
 * What a host hands over for one sheet (design.md): the used range's values, formulas and number
 * formats as parallel row-major arrays (the shape Office.js returns), the range's top-left address,
 * and the merged areas. Nothing else.
 */
export interface Grid {
  readonly sheet: string;
  /** A1 address of values[0][0], e.g. "A1" or "B3". */
  readonly origin: string;
  /** Cell values; "" or null for an empty cell. Numbers as the host returns them. */
  readonly values: readonly (readonly CellScalar[])[];
  /** Formulas ("=SUM(H5:H20)") where the host has them, aligned with values; null/"" for none. */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /** Number formats ("0.00%", "General"), aligned with values. */
  readonly numberFormats?: readonly (readonly (string | null)[])[];
  /** Merged areas as A1 ranges ("B8:B12"), absolute on the sheet. */
  readonly merges: readonly string[];
  /** The sheet is protected: it can be read, not written. */
  readonly protected?: boolean;
  /** Notes (comments) by A1 address, where the host has them. */
  readonly notes?: Readonly<Record<string, string>>;
  /** Solid fill colours ("FFC7CE", no #) by A1 address, where the host has them. */
  readonly fills?: Readonly<Record<string, string>>;
  /**
   * A cell's own look by A1 address, opaque and host-specific (the .xlsx style index "s:5", the
   * add-in's cell properties as JSON), where the host has it: the ledger keeps it for 撤销 of a
   * style copy (CellEdit.style).
   */
  readonly looks?: Readonly<Record<string, string>>;
}
