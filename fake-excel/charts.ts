/** A worksheet's charts: add one over a range of numbers, name it, title it, place it, delete it. */
import { readRange as parseLocal, qualified, splitSheet } from "../src/address";
import type { FakeContext } from "./context";
import { accessDenied, FakeOfficeError, propertyNotLoaded } from "./errors";
import { ACTION_BYTES, jsonBytes } from "./host";
import type { ChartModel, SheetModel } from "./model";
import { FakeCollection, FakeObject, type Scalars } from "./proxy";
import { FakeRange } from "./range";
import type { FakeWorksheet } from "./worksheet";

interface ChartRef {
  readonly sheet: SheetModel;
  readonly chart: ChartModel;
}

export class FakeChartCollection extends FakeCollection<ChartRef, FakeChart> {
  get className(): string {
    return "ChartCollection";
  }

  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet
  ) {
    super(
      ctx,
      () => {
        const s = sheet.need();
        return s.charts.map((chart) => ({ sheet: s, chart }));
      },
      false
    );
  }

  protected item(model: ChartRef): FakeChart {
    return new FakeChart(
      this.ctx,
      () => (model.sheet.charts.includes(model.chart) ? model : null),
      false
    );
  }

  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChart {
    let made: ChartRef | null = null;
    this.ctx.queue({
      label: "ChartCollection.add",
      request: ACTION_BYTES + jsonBytes([type, seriesBy]),
      run: () => {
        const s = this.sheet.need();
        if (s.protected_) throw accessDenied(s.name, "ChartCollection.add");
        if (!(sourceData instanceof FakeRange))
          throw new FakeOfficeError(
            "InvalidArgument",
            "The source data must be a Range.",
            "ChartCollection.add"
          );
        const src = sourceData.need();
        const hasData = [...src.sheet.cellsIn(src.rect)].some(
          ({ cell }) => typeof cell.value === "number"
        );
        if (!hasData)
          throw new FakeOfficeError(
            "EmptyChartSeries",
            "The chart has no numeric data.",
            "ChartCollection.add"
          );
        const chart: ChartModel = {
          id: this.ctx.host.doc.newId("CHART"),
          name: `Chart ${s.charts.length + 1}`,
          type,
          source: qualified(src.sheet.name, src.rect),
          seriesBy,
          title: null,
          position: null,
        };
        s.charts.push(chart);
        made = { sheet: s, chart };
      },
    });
    return new FakeChart(this.ctx, () => made, false);
  }
}

export class FakeChart extends FakeObject<ChartRef> {
  get className(): string {
    return "Chart";
  }

  protected scalars(): Scalars<ChartRef> {
    return { name: { read: (r) => r.chart.name }, chartType: { read: (r) => r.chart.type } };
  }

  get name(): string {
    return this.get("name");
  }
  set name(n: string) {
    this.act("name=", n, (r) => {
      r.chart.name = n;
    });
  }

  get title(): { text: string } {
    const chart = this;
    return {
      get text(): string {
        throw propertyNotLoaded("ChartTitle.text");
      },
      set text(t: string) {
        chart.act("title.text=", t, (r) => {
          r.chart.title = t;
        });
      },
    };
  }

  setPosition(startCell: string, endCell?: string): void {
    this.act("setPosition", [startCell, endCell ?? null], (r) => {
      if (
        !parseLocal(splitSheet(startCell).local) ||
        (endCell && !parseLocal(splitSheet(endCell).local))
      )
        throw new FakeOfficeError(
          "InvalidArgument",
          "Invalid chart position.",
          "Chart.setPosition"
        );
      r.chart.position = { from: startCell, to: endCell ?? null };
    });
  }

  delete(): void {
    this.act("delete", null, (r) => {
      r.sheet.charts = r.sheet.charts.filter((c) => c !== r.chart);
    });
  }
}
