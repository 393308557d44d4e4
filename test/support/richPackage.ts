/**
 * A package with what ExcelJS cannot write (a chart with its drawing, customXml, a VBA project, a
 * calc chain, an unknown part) and a small PNG: for the tests that prove nothing of a workbook is lost.
 */
import JSZip from "jszip";
import * as zlib from "zlib";

function check(condition: unknown, message: string): void {
  if (!condition) throw new Error(message);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A real 2×2 RGB PNG. */
export function smallPng(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export const VBA_BYTES = Buffer.from(
  "d0cf11e0a1b11ae1000000000000000000000000000000003e000300feff0900",
  "hex"
);

/** What ExcelJS cannot write: a chart with its drawing, customXml, a VBA project, a calc chain, an unknown part. */
export async function injectParts(base: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  const text = async (p: string): Promise<string> => zip.file(p)!.async("string");
  let ct = await text("[Content_Types].xml");
  const override = (part: string, type: string): void => {
    ct = ct.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
  };
  const wbRels = await text("xl/_rels/workbook.xml.rels");
  const sheet2Target = /Target="(worksheets\/sheet\d+\.xml)"/g;
  const targets = [...wbRels.matchAll(sheet2Target)].map((m) => `xl/${m[1]}`);
  const sheet2 = targets[1];
  check(sheet2, "the workbook needs a second worksheet");

  // the chart on Sheet2
  zip.file(
    "xl/charts/chart1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>Sheet2!$A$2</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet2!$B$2</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
  zip.file(
    "xl/drawings/drawing9.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
  zip.file(
    "xl/drawings/_rels/drawing9.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`
  );
  const sheet2Rels = sheet2.replace(/([^/]+)$/, "_rels/$1.rels");
  check(zip.file(sheet2Rels) === null, "the second worksheet must have no relationships yet");
  zip.file(
    sheet2Rels,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing9.xml"/></Relationships>`
  );
  const s2 = await text(sheet2);
  check(!/<drawing|<legacyDrawing/.test(s2), "the second worksheet must have no drawing yet");
  zip.file(sheet2, s2.replace("</worksheet>", `<drawing r:id="rId1"/></worksheet>`));
  override(
    "xl/charts/chart1.xml",
    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
  );
  override("xl/drawings/drawing9.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");

  // customXml
  zip.file(
    "customXml/item1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="\\APA.XSL"/>`
  );
  zip.file(
    "customXml/itemProps1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{6C1B7B6C-5A8E-4B7B-9E2B-1B2B3C4D5E6F}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/></ds:schemaRefs></ds:datastoreItem>`
  );
  zip.file(
    "customXml/_rels/item1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>`
  );
  override(
    "customXml/itemProps1.xml",
    "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
  );

  // a VBA project (placeholder bytes), a calc chain for the formula cells, an unknown part
  zip.file("xl/vbaProject.bin", VBA_BYTES);
  ct = ct.replace(
    '<Default Extension="xml"',
    `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="dat" ContentType="application/octet-stream"/><Default Extension="xml"`
  );
  ct = ct.replace(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
  );
  zip.file(
    "xl/calcChain.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C2" i="1"/><c r="C3"/><c r="C4"/></calcChain>`
  );
  override(
    "xl/calcChain.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"
  );
  zip.file("xl/unknown/thing.dat", Buffer.from([1, 2, 3, 4, 5]));
  zip.file(
    "xl/_rels/workbook.xml.rels",
    wbRels.replace(
      "</Relationships>",
      `<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>` +
        `<Relationship Id="rId91" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` +
        `<Relationship Id="rId92" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>` +
        `<Relationship Id="rId93" Type="http://example.com/relationships/unknown" Target="unknown/thing.dat"/></Relationships>`
    )
  );
  zip.file("[Content_Types].xml", ct);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
