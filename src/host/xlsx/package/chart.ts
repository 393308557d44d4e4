import { numberText } from "./cells";
import { CT, NS, REL, XML_DECL } from "./constants";
import { absoluteRange, quoteSheet, rangeValues } from "./newSheet";
import { Package } from "./opc";
import { NewSheet } from "./types";
import { escAttr, escText, xstring } from "./xmlText";

/** The 评分汇总 chart: a clustered column chart in a drawing on the new sheet. */
/** The chart and its drawing for a new sheet; returns the sheet's rId of the drawing. */
export async function addChart(pkg: Package, sheetPart: string, spec: NewSheet): Promise<string> {
  const chart = spec.chart!;
  const chartPart = pkg.freeName((n) => `xl/charts/chart${n}.xml`);
  const drawingPart = pkg.freeName((n) => `xl/drawings/drawing${n}.xml`);
  const sheetRef = quoteSheet(spec.name);
  const cats = rangeValues(spec.rows, chart.categories);
  const vals = rangeValues(spec.rows, chart.values);
  const strPts = cats
    .map((v, i) =>
      v === null || v === ""
        ? ""
        : `<c:pt idx="${i}"><c:v>${escText(xstring(String(v)))}</c:v></c:pt>`
    )
    .join("");
  const numPts = vals
    .map((v, i) => {
      const n =
        typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
      return Number.isFinite(n) ? `<c:pt idx="${i}"><c:v>${numberText(n)}</c:v></c:pt>` : "";
    })
    .join("");
  const title = escText(xstring(chart.title));
  const axis = (id: number): string => `<c:axId val="${id}"/>`;
  const catAx = 500010001;
  const valAx = 500010002;
  pkg.create(
    chartPart,
    `${XML_DECL}<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">` +
      `<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
      `<c:chart>` +
      `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:rPr lang="zh-CN"/><a:t>${title}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
      `<c:autoTitleDeleted val="0"/>` +
      `<c:plotArea><c:layout/>` +
      `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${title}</c:v></c:tx><c:invertIfNegative val="0"/>` +
      `<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
      `<c:cat><c:strRef><c:f>${escText(`${sheetRef}!${absoluteRange(chart.categories)}`)}</c:f>` +
      `<c:strCache><c:ptCount val="${cats.length}"/>${strPts}</c:strCache></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escText(`${sheetRef}!${absoluteRange(chart.values)}`)}</c:f>` +
      `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${vals.length}"/>${numPts}</c:numCache></c:numRef></c:val>` +
      `</c:ser>` +
      `<c:gapWidth val="150"/>${axis(catAx)}${axis(valAx)}</c:barChart>` +
      `<c:catAx>${axis(catAx)}<c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
      `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
      `<c:crossAx val="${valAx}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      `<c:valAx>${axis(valAx)}<c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
      `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
      `<c:crossAx val="${catAx}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>` +
      (chart.majorUnit ? `<c:majorUnit val="${chart.majorUnit}"/>` : "") +
      `</c:valAx>` +
      `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
  await pkg.setOverride(chartPart, CT.chart);

  const a = chart.anchor;
  const int = (n: number): number => Math.max(0, Math.floor(Number.isFinite(n) ? n : 0));
  const from = { col: int(a.fromCol), row: int(a.fromRow) };
  const to = {
    col: Math.max(int(a.toCol), from.col + 1),
    row: Math.max(int(a.toRow), from.row + 1),
  };
  const marker = (tag: string, p: { col: number; row: number }): string =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  pkg.create(
    drawingPart,
    `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">` +
      `<xdr:twoCellAnchor>${marker("from", from)}${marker("to", to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escAttr(`图表 1`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="rId1"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
  await pkg.setOverride(drawingPart, CT.drawing);
  const drawingRels = await pkg.rels(drawingPart);
  const chartRid = drawingRels.add(REL.chart, chartPart);
  if (chartRid !== "rId1") throw new Error("内部错误：新图表的关系编号不是 rId1");
  const sheetRels = await pkg.rels(sheetPart);
  return sheetRels.add(REL.drawing, drawingPart);
}
