/**
 * The fake of WPS's Worksheet, its Worksheets collection, Comments and Comment, a range's Interior
 * and Font, and the chart objects 评分汇总 adds — each the plain object behind a strict face
 * (fake.ts wraps them), over fake-excel's sheet model.
 */
import { parseRange, toAddress, type Rect } from "../src/address";
import type { ChartModel, SheetModel, Visibility } from "../fake-excel/model";
import { CHART, CHART_OBJECT, CHART_TITLE, XL } from "./members";
import { hexFromBgr, type Book, type FakeRange } from "./range";
import { FakeWpsError, TARGET } from "./strict";

/** What a sheet needs of the workbook beyond a range's Book. */
export interface SheetBook extends Book {
  sheets(): SheetModel[];
  addSheet(position: number): SheetModel;
  removeSheet(sheet: SheetModel): void;
  activate(sheet: SheetModel): void;
  readonly displayAlerts: boolean;
  comments(sheet: SheetModel): unknown;
  chartObjects(sheet: SheetModel): unknown;
  newId(prefix: string): string;
  face<T extends object>(kind: string, members: readonly string[], target: T): T;
}

const VISIBILITY: Record<Visibility, number> = {
  Visible: XL.sheetVisible,
  Hidden: XL.sheetHidden,
  VeryHidden: XL.sheetVeryHidden,
};

export class FakeWorksheet {
  constructor(
    readonly book: SheetBook,
    readonly model: SheetModel
  ) {}

  get Name(): string {
    return this.model.name;
  }

  set Name(name: string) {
    if (this.book.sheets().some((s) => s !== this.model && s.name === name))
      throw new FakeWpsError(`已有名为“${name}”的工作表`);
    this.model.name = name;
  }

  get Index(): number {
    return this.book.sheets().indexOf(this.model) + 1;
  }

  get Visible(): number {
    return VISIBILITY[this.model.visibility];
  }

  set Visible(v: number) {
    const found = (Object.keys(VISIBILITY) as Visibility[]).find((k) => VISIBILITY[k] === v);
    if (!found) throw new FakeWpsError(`Visible 不能为 ${v}`);
    this.model.visibility = found;
  }

  get ProtectContents(): boolean {
    return this.model.protected_;
  }

  /** Every cell with a value, a formula or formatting; A1 on an empty sheet (as in Excel). */
  get UsedRange(): unknown {
    const rect = this.model.usedRect(false) ?? { top: 1, left: 1, bottom: 1, right: 1 };
    return this.book.range(this.model, rect);
  }

  Range(Cell1: unknown, Cell2?: unknown): unknown {
    if (typeof Cell1 !== "string") throw new FakeWpsError("伪 WPS 的 Range 只接受 A1 地址文本");
    let rect: Rect = parseRange(Cell1);
    if (Cell2 !== undefined) {
      if (typeof Cell2 !== "string") throw new FakeWpsError("Range 的第二个参数应为 A1 地址");
      const b = parseRange(Cell2);
      rect = {
        top: Math.min(rect.top, b.top),
        left: Math.min(rect.left, b.left),
        bottom: Math.max(rect.bottom, b.bottom),
        right: Math.max(rect.right, b.right),
      };
    }
    return this.book.range(this.model, rect);
  }

  get Comments(): unknown {
    return this.book.comments(this.model);
  }

  ChartObjects(): unknown {
    return this.book.chartObjects(this.model);
  }

  Activate(): void {
    if (this.model.visibility !== "Visible") throw new FakeWpsError("隐藏的工作表不能激活");
    this.book.activate(this.model);
  }

  Delete(): void {
    if (this.book.displayAlerts)
      throw new FakeWpsError("删除工作表会弹出确认框：先把 Application.DisplayAlerts 设为 false");
    if (
      this.book.sheets().filter((s) => s.visibility === "Visible").length <= 1 &&
      this.model.visibility === "Visible"
    )
      throw new FakeWpsError("工作簿至少要有一个可见工作表");
    this.book.removeSheet(this.model);
  }
}

export class FakeWorksheets {
  constructor(readonly book: SheetBook) {}

  get Count(): number {
    return this.book.sheets().length;
  }

  Item(Index: unknown): unknown {
    const all = this.book.sheets();
    const s =
      typeof Index === "number"
        ? all[Index - 1]
        : all.find((x) => x.name.toLowerCase() === String(Index).toLowerCase());
    if (!s) throw new FakeWpsError(`下标越界：没有工作表 ${String(Index)}`);
    return this.book.sheetFace(s);
  }

  /** Add(Before, After): a new sheet before `Before`, after `After`, or before the active sheet. */
  Add(Before?: unknown, After?: unknown): unknown {
    const all = this.book.sheets();
    const indexOf = (face: unknown): number => {
      const name = (face as { Name: string }).Name;
      const i = all.findIndex((s) => s.name === name);
      if (i < 0) throw new FakeWpsError("Add 的 Before/After 不是此工作簿的工作表");
      return i;
    };
    const active = all.findIndex((s) => this.book.isActive(s));
    const position =
      Before !== undefined && Before !== null
        ? indexOf(Before)
        : After !== undefined && After !== null
          ? indexOf(After) + 1
          : Math.max(0, active);
    const s = this.book.addSheet(position);
    this.book.activate(s);
    return this.book.sheetFace(s);
  }
}

export class FakeComments {
  constructor(
    readonly book: SheetBook,
    readonly model: SheetModel
  ) {}

  private addresses(): string[] {
    const pos = (a: string): [number, number] => {
      const r = parseRange(a);
      return [r.top, r.left];
    };
    return [...this.model.notes.keys()].sort((a, b) => {
      const [ra, ca] = pos(a);
      const [rb, cb] = pos(b);
      return ra - rb || ca - cb;
    });
  }

  get Count(): number {
    return this.model.notes.size;
  }

  Item(Index: number): unknown {
    const a = this.addresses()[Index - 1];
    if (!a) throw new FakeWpsError(`下标越界：没有第 ${Index} 个批注`);
    return this.book.comment(this.model, a);
  }
}

export class FakeComment {
  constructor(
    readonly book: SheetBook,
    readonly model: SheetModel,
    readonly address: string
  ) {}

  private note(): { content: string } {
    const n = this.model.notes.get(this.address);
    if (!n) throw new FakeWpsError(`${this.address} 的批注已删除`);
    return n;
  }

  /** Text() reads; Text(text) replaces the whole text (Start and Overwrite are not modelled). */
  Text(Text?: unknown, Start?: unknown): string {
    if (Start !== undefined) throw new FakeWpsError("伪 WPS 未模拟 Comment.Text 的 Start 参数");
    if (Text !== undefined) {
      this.guard();
      this.note().content = String(Text);
    }
    return this.note().content;
  }

  Delete(): void {
    this.guard();
    this.note();
    this.model.notes.delete(this.address);
  }

  get Parent(): unknown {
    return this.book.range(this.model, parseRange(this.address));
  }

  private guard(): void {
    if (this.model.protected_)
      throw new FakeWpsError(`工作表“${this.model.name}”受保护：不能更改批注`);
  }
}

export class FakeInterior {
  constructor(readonly range: FakeRange) {}

  get Color(): number | null {
    return this.range.fillColor();
  }

  set Color(bgr: number) {
    if (typeof bgr !== "number") throw new FakeWpsError("Interior.Color 应为颜色数值（BGR）");
    this.range.setFill(hexFromBgr(bgr));
  }

  /** Only xlColorIndexNone is modelled: the fill removed. */
  set ColorIndex(index: number) {
    if (index !== XL.colorIndexNone)
      throw new FakeWpsError("伪 WPS 只模拟 ColorIndex = xlColorIndexNone（清除填充）");
    this.range.setFill(null);
  }
}

export class FakeFont {
  constructor(readonly range: FakeRange) {}

  set Bold(bold: boolean) {
    this.range.setBold(!!bold);
  }
}

export class FakeChartObjects {
  constructor(
    readonly book: SheetBook,
    readonly model: SheetModel
  ) {}

  get Count(): number {
    return this.model.charts.length;
  }

  Add(Left: number, Top: number, Width: number, Height: number): unknown {
    if ([Left, Top, Width, Height].some((n) => typeof n !== "number"))
      throw new FakeWpsError("ChartObjects.Add(Left, Top, Width, Height) 需要四个数值");
    const chart: ChartModel = {
      id: this.book.newId("CHART"),
      name: `图表 ${this.model.charts.length + 1}`,
      type: "",
      source: "",
      seriesBy: "Columns",
      title: null,
      position: { from: `${Left},${Top}`, to: `${Width},${Height}` },
    };
    this.model.charts.push(chart);
    return this.book.face(
      "ChartObject",
      CHART_OBJECT,
      new FakeChartObject(this.book, this.model, chart)
    );
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class FakeChartObject {
  constructor(
    readonly book: SheetBook,
    readonly sheet: SheetModel,
    readonly chart: ChartModel
  ) {}

  get Chart(): unknown {
    return this.book.face(
      "Chart",
      CHART,
      new FakeChart(this.book, this.sheet, this.chart as Mutable<ChartModel>)
    );
  }
}

export class FakeChart {
  constructor(
    readonly book: SheetBook,
    readonly sheet: SheetModel,
    readonly chart: Mutable<ChartModel>
  ) {}

  SetSourceData(Source: FakeRange): void {
    Source = (Source as unknown as Record<symbol, FakeRange>)[TARGET] ?? Source;
    this.chart.source = `${Source.sheet.name}!${toAddress(Source.rect.top, Source.rect.left)}:${toAddress(Source.rect.bottom, Source.rect.right)}`;
  }

  set ChartType(type: number) {
    if (type !== XL.columnClustered) throw new FakeWpsError("伪 WPS 只模拟簇状柱形图（51）");
    this.chart.type = "ColumnClustered";
  }

  set HasTitle(has: boolean) {
    if (!has) this.chart.title = null;
    else this.chart.title ??= "";
  }

  get ChartTitle(): unknown {
    const chart = this.chart;
    if (chart.title === null) throw new FakeWpsError("图表没有标题：先设 HasTitle = true");
    return this.book.face("ChartTitle", CHART_TITLE, {
      get Text() {
        return chart.title ?? "";
      },
      set Text(t: string) {
        chart.title = t;
      },
    });
  }
}
