/**
 * Several rectangles of one worksheet (RangeAreas, as Range.getMergedAreasOrNullObject answers)
 * and a collection of ranges (its `areas`).
 */
import { columnCount as cols, qualified, rowCount as rows, type Rect } from "../src/address";
import type { FakeContext } from "./context";
import type { SheetModel } from "./model";
import { FakeCollection, FakeObject, type Loadable, type Scalars } from "./proxy";
import { FakeRange } from "./range";
import type { RangeTarget } from "./rangeTarget";

export interface AreasTarget {
  readonly sheet: SheetModel;
  readonly rects: Rect[];
}

export class FakeRangeAreas extends FakeObject<AreasTarget> {
  get className(): string {
    return "RangeAreas";
  }

  protected scalars(): Scalars<AreasTarget> {
    return {
      address: { read: (t) => t.rects.map((r) => qualified(t.sheet.name, r)).join(",") },
      areaCount: { read: (t) => t.rects.length },
      cellCount: { read: (t) => t.rects.reduce((n, r) => n + rows(r) * cols(r), 0) },
    };
  }

  protected navs(): Record<string, () => Loadable> {
    return { areas: () => this.areas };
  }

  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }

  get areas(): FakeRangeCollection {
    return this.nav(
      "areas",
      () =>
        new FakeRangeCollection(this.ctx, () => {
          const t = this.target();
          return t ? t.rects.map((rect) => ({ sheet: t.sheet, rect })) : [];
        })
    );
  }
}

export class FakeRangeCollection extends FakeCollection<RangeTarget, FakeRange> {
  get className(): string {
    return "RangeCollection";
  }

  constructor(ctx: FakeContext, list: () => RangeTarget[]) {
    super(ctx, list, false);
  }

  protected item(model: RangeTarget): FakeRange {
    return new FakeRange(this.ctx, () => model);
  }
}
