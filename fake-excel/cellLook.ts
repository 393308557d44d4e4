/**
 * Range.setCellProperties (ExcelApi 1.9) on the fake's proxies (module augmentation, as format.ts
 * does): borders, font and alignment per cell (lookModel.ts), the array the shape of the range.
 * fake.ts imports this module once.
 */
import { FakeRange, jsonBytes } from "./api";
import { accessDenied, FakeOfficeError } from "./errors";
import { applyLook } from "./lookModel";
import type { SheetModel } from "./model";

declare module "./api" {
  interface FakeRange {
    setCellProperties(cellPropertiesData: { format?: Record<string, unknown> }[][]): void;
  }
}

// Range.setCellProperties (ExcelApi 1.9): one entry per cell, the array the shape of the range
FakeRange.prototype.setCellProperties = function setCellProperties(
  this: FakeRange,
  data: { format?: Record<string, unknown> }[][]
): void {
  if (!this.context.requires("1.9", "Range.setCellProperties")) return;
  this.context.queue({
    label: "Range.setCellProperties",
    request: 200 + jsonBytes(data),
    run: () => {
      const t = this.need();
      if (t.sheet.protected_) throw accessDenied(t.sheet.name, "Range.setCellProperties");
      const h = t.rect.bottom - t.rect.top + 1;
      const w = t.rect.right - t.rect.left + 1;
      if (data.length !== h || data.some((line) => line.length !== w))
        throw new FakeOfficeError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
          "Range.setCellProperties"
        );
      data.forEach((line, i) =>
        line.forEach((props, j) => {
          for (const k of Object.keys(props))
            if (k !== "format")
              throw new FakeOfficeError(
                "InvalidArgument",
                `The fake does not model SettableCellProperties.${k}.`,
                "Range.setCellProperties"
              );
          setOn(t.sheet, t.rect.top + i, t.rect.left + j, props.format ?? {});
        })
      );
    },
  });
};

function setOn(sheet: SheetModel, row: number, col: number, format: Record<string, unknown>): void {
  applyLook(sheet.ensure(row, col), format);
  sheet.tidy(row, col);
}
