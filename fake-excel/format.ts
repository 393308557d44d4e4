/**
 * The fake's sheet-finishing APIs, strict like the rest of the fake (api.ts): range borders
 * (ExcelApi 1.1), hyperlinks (1.7), Range.copyFrom (1.9), frozen panes (1.7), the auto-filter
 * (1.9), print titles and footers (1.9, on PageLayout), a chart's value axis step (1.1). An API of
 * a newer requirement set than the fake is given fails at sync with ApiNotFound. They are added
 * to api.ts' proxy classes here (module augmentation), so that api.ts does not grow; fake.ts
 * imports this module once.
 */
import { readRange as parseLocal, rectAddress, splitSheet, type Rect } from "../src/address";
import {
  FakeChart,
  FakePageLayout,
  FakeRange,
  FakeRangeFont,
  FakeRangeFormat,
  FakeWorksheet,
  jsonBytes,
  type FakeObject,
  type RangeTarget,
} from "./api";
import { accessDenied, FakeOfficeError } from "./errors";
import type { SheetModel } from "./model";

declare module "./api" {
  interface FakeRange {
    hyperlink: { documentReference?: string; address?: string; textToDisplay?: string };
    copyFrom(source: FakeRange | string, copyType?: string): void;
  }
  interface FakeRangeFont {
    color: string;
    underline: string;
  }
  interface FakeRangeFormat {
    readonly borders: FakeBorders;
  }
  interface FakeWorksheet {
    readonly freezePanes: FakeFreezePanes;
    readonly autoFilter: FakeAutoFilter;
  }
  interface FakePageLayout {
    centerHorizontally: boolean;
    setPrintTitleRows(range: FakeRange | string): void;
    readonly headersFooters: { readonly defaultForAllPages: { centerFooter: string } };
  }
  interface FakeChart {
    readonly axes: { readonly valueAxis: { majorUnit: number } };
  }
}

const BORDER_SIDES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

/** Queues a change on the object behind `obj`, applied at sync (as FakeObject.act does). */
function queueOn<T>(
  obj: FakeObject<T>,
  label: string,
  payload: unknown,
  run: (t: T) => void
): void {
  obj.context.queue({
    label,
    request: 200 + jsonBytes(payload ?? null),
    run: () => run(obj.need()),
  });
}

function writable(t: RangeTarget | SheetModel, label: string): void {
  const s = "sheet" in t ? t.sheet : t;
  if (s.protected_) throw accessDenied(s.name, label);
}

/** A local address on `sheet` from a Range proxy or an address string (checked at sync). */
function localOf(sheet: SheetModel, source: FakeRange | string, label: string): Rect {
  if (source instanceof FakeRange) {
    const t = source.need();
    if (t.sheet !== sheet)
      throw new FakeOfficeError("InvalidArgument", "The range is on another sheet.", label);
    return t.rect;
  }
  const { sheet: name, local } = splitSheet(source);
  const rect = parseLocal(local);
  if (!rect || (name !== null && name.toLowerCase() !== sheet.name.toLowerCase()))
    throw new FakeOfficeError("InvalidArgument", `Invalid range '${source}'.`, label);
  return rect;
}

export class FakeBorders {
  constructor(private readonly format: FakeRangeFormat) {}

  getItem(index: string): { style: string; color: string } {
    const format = this.format;
    if (!BORDER_SIDES.includes(index))
      throw new FakeOfficeError("InvalidArgument", `Invalid border '${index}'.`, "RangeBorder");
    const label = `RangeBorder(${index})`;
    return {
      get style(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "RangeBorder.style", "RangeBorder");
      },
      set style(style: string) {
        queueOn(format, `${label}.style=`, style, (t) => {
          writable(t, label);
          t.sheet.look.borders.push({ rect: t.rect, side: index, style });
        });
      },
      get color(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "RangeBorder.color", "RangeBorder");
      },
      set color(c: string) {
        queueOn(format, `${label}.color=`, c, (t) => writable(t, label));
      },
    };
  }
}

export class FakeFreezePanes {
  constructor(private readonly ws: FakeWorksheet) {}

  freezeRows(count?: number): void {
    queueOn(this.ws, "WorksheetFreezePanes.freezeRows", count ?? 0, (s) => {
      if (!Number.isInteger(count ?? 0) || (count ?? 0) < 0)
        throw new FakeOfficeError("InvalidArgument", "Invalid row count.", "freezeRows");
      s.look.freezeRows = count ?? 0;
    });
  }

  unfreeze(): void {
    queueOn(this.ws, "WorksheetFreezePanes.unfreeze", null, (s) => {
      s.look.freezeRows = 0;
    });
  }
}

export class FakeAutoFilter {
  constructor(private readonly ws: FakeWorksheet) {}

  apply(range: FakeRange | string, columnIndex?: number, criteria?: unknown): void {
    queueOn(this.ws, "AutoFilter.apply", [columnIndex ?? null, criteria ?? null], (s) => {
      writable(s, "AutoFilter.apply");
      s.look.autoFilter = rectAddress(localOf(s, range, "AutoFilter.apply"));
    });
  }
}

function defineGetter<P>(
  proto: P,
  name: string,
  version: string | null,
  get: (self: P) => unknown
): void {
  Object.defineProperty(proto, name, {
    configurable: true,
    get(this: P & { context: { requires(v: string, api: string): boolean } }) {
      if (version) this.context.requires(version, name);
      return get(this);
    },
  });
}

// Range.hyperlink (1.7) and Range.copyFrom (1.9)
Object.defineProperty(FakeRange.prototype, "hyperlink", {
  configurable: true,
  get(): never {
    throw new FakeOfficeError("PropertyNotLoaded", "Range.hyperlink", "Range");
  },
  set(
    this: FakeRange,
    link: { documentReference?: string; address?: string; textToDisplay?: string }
  ) {
    if (!this.context.requires("1.7", "Range.hyperlink")) return;
    queueOn(this, "Range.hyperlink=", link, (t) => {
      writable(t, "Range.hyperlink");
      const at = rectAddress({ ...t.rect, bottom: t.rect.top, right: t.rect.left });
      t.sheet.look.hyperlinks.set(at, {
        ...(link.documentReference ? { documentReference: link.documentReference } : {}),
        ...(link.address ? { address: link.address } : {}),
      });
      if (link.textToDisplay !== undefined) {
        const cell = t.sheet.ensure(t.rect.top, t.rect.left);
        cell.value = link.textToDisplay;
        cell.formula = null;
      }
    });
  },
});

FakeRange.prototype.copyFrom = function copyFrom(
  this: FakeRange,
  source: FakeRange | string,
  copyType = "All"
): void {
  if (!this.context.requires("1.9", "Range.copyFrom")) return;
  queueOn(this, "Range.copyFrom", [typeof source === "string" ? source : "", copyType], (t) => {
    writable(t, "Range.copyFrom");
    if (copyType !== "Formats")
      throw new FakeOfficeError("InvalidArgument", "Only formats are copied here.", "copyFrom");
    const from = localOf(t.sheet, source, "Range.copyFrom");
    const h = from.bottom - from.top + 1;
    const w = from.right - from.left + 1;
    for (let r = t.rect.top; r <= t.rect.bottom; r++)
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        const src = t.sheet.get(
          from.top + ((r - t.rect.top) % h),
          from.left + ((c - t.rect.left) % w)
        );
        const cell = t.sheet.ensure(r, c);
        cell.numberFormat = src?.numberFormat ?? "General";
        cell.fill = src?.fill ?? null;
        cell.bold = src?.bold ?? false;
        if (src?.look) cell.look = src.look;
        else delete cell.look;
        t.sheet.tidy(r, c);
      }
    t.sheet.look.formatCopies.push({ from: rectAddress(from), to: rectAddress(t.rect) });
  });
};

defineGetter(FakeRangeFormat.prototype, "borders", null, (f) => new FakeBorders(f));
defineGetter(FakeWorksheet.prototype, "freezePanes", "1.7", (ws) => new FakeFreezePanes(ws));
defineGetter(FakeWorksheet.prototype, "autoFilter", "1.9", (ws) => new FakeAutoFilter(ws));

// PageLayout (1.9, checked by Worksheet.pageLayout): centring, print titles, the footer
function setting(p: FakePageLayout, key: string, value: unknown): void {
  queueOn(p, `PageLayout.${key}=`, value, (s) => {
    s.pageLayout[key] = value;
  });
}
Object.defineProperty(FakePageLayout.prototype, "centerHorizontally", {
  configurable: true,
  set(this: FakePageLayout, on: boolean) {
    setting(this, "centerHorizontally", on);
  },
});
FakePageLayout.prototype.setPrintTitleRows = function setPrintTitleRows(
  this: FakePageLayout,
  range: FakeRange | string
): void {
  queueOn(this, "PageLayout.setPrintTitleRows", typeof range === "string" ? range : "", (s) => {
    if (typeof range === "string") {
      const m = /^\$?(\d+):\$?(\d+)$/.exec(splitSheet(range).local);
      if (!m)
        throw new FakeOfficeError(
          "InvalidArgument",
          `Invalid rows '${range}'.`,
          "setPrintTitleRows"
        );
      s.pageLayout.printTitleRows = `$${m[1]}:$${m[2]}`;
    } else {
      const r = localOf(s, range, "setPrintTitleRows");
      s.pageLayout.printTitleRows = `$${r.top}:$${r.bottom}`;
    }
  });
};
defineGetter(FakePageLayout.prototype, "headersFooters", null, (p) => ({
  defaultForAllPages: {
    set centerFooter(text: string) {
      setting(p, "centerFooter", text);
    },
  },
}));

// Chart.axes.valueAxis.majorUnit (1.1)
defineGetter(FakeChart.prototype, "axes", null, (chart) => ({
  valueAxis: {
    set majorUnit(step: number) {
      queueOn(chart, "ChartAxis.majorUnit=", step, (r) => {
        if (!(typeof step === "number" && step > 0))
          throw new FakeOfficeError("InvalidArgument", `Invalid axis step ${step}.`, "ChartAxis");
        r.chart.majorUnit = step;
      });
    },
  },
}));

// RangeFont.color and .underline (1.1), write-only here
for (const key of ["color", "underline"] as const)
  Object.defineProperty(FakeRangeFont.prototype, key, {
    configurable: true,
    set(this: FakeRangeFont, v: string) {
      queueOn(this, `RangeFont.${key}=`, v, (t) => {
        writable(t, `RangeFont.${key}`);
        t.sheet.look.fonts.push({ rect: t.rect, [key]: v });
      });
    },
  });
