import { XmlDoc } from "../../src/host/xlsx/package/xmlDoc";
import {
  child,
  childrenNamed,
  createLike,
  descendants,
  insertOrdered,
  prefixFor,
  setRelId,
} from "../../src/host/xlsx/package/xmlHelpers";

// The writer's XML layer: a read-only index of element offsets (htmlparser2) and edits applied as
// splices (magic-string), so that every byte no edit touches stays as it was.

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const parse = (body: string, lenient = false): XmlDoc =>
  XmlDoc.parse(DECL + body, "t.xml", lenient);
const out = (doc: XmlDoc): string => doc.toString().slice(DECL.length);

describe("the splice layer: attributes", () => {
  test("an untouched part is written back byte for byte", () => {
    const body = `<a xmlns="${MAIN}" k='1'  j = "2"><!-- 注 --><b/>\r\n<?pi x?><![CDATA[<&>]]></a>`;
    expect(out(parse(body))).toBe(body);
  });

  test("a value is overwritten in place, keeping its quotes and the spacing around it", () => {
    const doc = parse(`<a k='1'  j = "2" z="3"/>`);
    doc.root.setAttribute("k", "it's <x>");
    doc.root.setAttribute("j", "&");
    expect(out(doc)).toBe(`<a k='it&apos;s &lt;x&gt;'  j = "&amp;" z="3"/>`);
    expect(doc.root.getAttribute("k")).toBe("it's <x>");
  });

  test("a new attribute goes before '>' or '/>'; a removed one takes its space with it", () => {
    const doc = parse(`<a k="1"><b  /><c z="1" y="2"></c></a>`);
    doc.root.setAttribute("n", 'say "hi"');
    const [b, c] = doc.root.children();
    b.setAttribute("s", "5");
    c.removeAttribute("z");
    c.setAttribute("q", "1");
    expect(out(doc)).toBe(`<a k="1" n="say &quot;hi&quot;"><b s="5"  /><c y="2" q="1"></c></a>`);
  });

  test("setting a value to what it is changes nothing", () => {
    const doc = parse(`<a k="1"/>`);
    doc.root.setAttribute("k", "1");
    expect(doc.isChanged).toBe(false);
  });
});

describe("the splice layer: elements", () => {
  test("a self-closing element is expanded to take children", () => {
    const doc = parse(`<a><list   /></a>`);
    const list = child(doc.root, "list")!;
    list.appendChild(createLike(list, "i"));
    list.setAttribute("count", "1");
    expect(out(doc)).toBe(`<a><list count="1"><i/></list></a>`);
  });

  test("children are inserted at their position, in the order given, between untouched bytes", () => {
    const doc = parse(`<a>\n  <c r="1"/>\n  <c r="3"/>\n</a>`);
    const [c1, c3] = doc.root.children();
    const make = (r: string) => {
      const el = createLike(doc.root, "c");
      el.setAttribute("r", r);
      return el;
    };
    doc.root.insertBefore(make("0"), c1);
    doc.root.insertBefore(make("2a"), c3);
    doc.root.insertBefore(make("2b"), c3);
    doc.root.appendChild(make("4"));
    expect(out(doc)).toBe(
      `<a>\n  <c r="0"/><c r="1"/>\n  <c r="2a"/><c r="2b"/><c r="3"/>\n<c r="4"/></a>`
    );
    expect(doc.root.children().map((c) => c.getAttribute("r"))).toEqual([
      "0",
      "1",
      "2a",
      "2b",
      "3",
      "4",
    ]);
  });

  test("an element removed leaves the bytes around it; one inserted where it was stays", () => {
    const doc = parse(`<a><x/><y k="1">t</y><z/></a>`);
    const [, y, z] = doc.root.children();
    y.remove();
    doc.root.insertBefore(doc.create("w", null), z);
    expect(out(doc)).toBe(`<a><x/><w/><z/></a>`);
  });

  test("inserted elements follow the schema order", () => {
    const doc = parse(`<ws><dimension/><sheetData/><extLst/></ws>`);
    insertOrdered(doc.root, createLike(doc.root, "cols"), [
      "dimension",
      "cols",
      "sheetData",
      "extLst",
    ]);
    expect(out(doc)).toBe(`<ws><dimension/><cols/><sheetData/><extLst/></ws>`);
  });

  test("text: read decoded (CDATA included, comments left out), replaced escaped", () => {
    const doc = parse(`<a><t>x&amp;<!-- n --><![CDATA[<y>]]>&#x4E00;</t><u/></a>`);
    const [t, u] = doc.root.children();
    expect(t.text()).toBe("x&<y>一");
    t.setText("1 < 2");
    u.setText("v");
    expect(out(doc)).toBe(`<a><t>1 &lt; 2</t><u>v</u></a>`);
  });

  test("comments, CDATA and processing instructions beside an edit keep their bytes", () => {
    const body = `<a><!-- <b k="1"/> --><?keep me?><b k="1"/><![CDATA[ <b k="1"/> ]]></a>`;
    const doc = parse(body);
    expect(doc.root.children()).toHaveLength(1);
    child(doc.root, "b")!.setAttribute("k", "2");
    expect(out(doc)).toBe(body.replace(`<b k="1"/><!`, `<b k="2"/><!`));
  });

  test("a copy of a source element is made anew; the source is left alone", () => {
    const doc = parse(`<fonts><font><b/><sz val="11"/></font></fonts>`);
    const copy = child(doc.root, "font")!.clone();
    copy.removeChild(child(copy, "b")!);
    doc.root.appendChild(copy);
    expect(out(doc)).toBe(
      `<fonts><font><b/><sz val="11"/></font><font><sz val="11"/></font></fonts>`
    );
  });
});

describe("the splice layer: namespaces", () => {
  test("prefixed parts (x:c) keep their prefix; new elements take it", () => {
    const doc = parse(
      `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"/></x:sheetData></x:worksheet>`
    );
    const data = child(doc.root, "sheetData")!;
    expect(data.namespaceURI).toBe(MAIN);
    const row = childrenNamed(data, "row")[0];
    const c = createLike(row, "c");
    c.setAttribute("r", "A1");
    row.appendChild(c);
    expect(out(doc)).toContain(`<x:row r="1"><x:c r="A1"/></x:row>`);
    expect(descendants(doc.root, MAIN, "c")).toHaveLength(0); // (made elements are found through their parent)
  });

  test("r:id is found and set whatever prefix the relationships namespace has", () => {
    const doc = parse(`<w xmlns="${MAIN}" xmlns:rel="${REL}"><s rel:id="rId1"/><d/></w>`);
    const [s, d] = doc.root.children();
    expect(s.getAttributeNS(REL, "id")).toBe("rId1");
    setRelId(s, "rId7");
    setRelId(d, "rId8");
    expect(out(doc)).toBe(
      `<w xmlns="${MAIN}" xmlns:rel="${REL}"><s rel:id="rId7"/><d rel:id="rId8"/></w>`
    );
  });

  test("a namespace the root does not bind is declared there", () => {
    const doc = parse(`<w xmlns="${MAIN}" xmlns:r="urn:other"><d/></w>`);
    expect(prefixFor(doc, REL, "r")).toBe("r1");
    expect(out(doc)).toBe(`<w xmlns="${MAIN}" xmlns:r="urn:other" xmlns:r1="${REL}"><d/></w>`);
  });
});

describe("the splice layer: a part that is not well-formed", () => {
  test.each([
    ["tags that do not match", "<a><b></a></b>", /不匹配/],
    ["an attribute twice", `<a k="1" k="2"/>`, /重复/],
    ["an unknown reference", "<a>&nbsp;</a>", /实体引用/],
    ["two roots", "<a/><b/>", /根元素后还有元素/],
    ["an unbound prefix", "<x:a/>", /前缀 x 未绑定/],
    ["an unquoted value", "<a k=1/>", /引号/],
    ["an element left open", "<a><b></a>", /不匹配/],
    ["text before the root", "t<a/>", /根元素前有文本/],
  ])("%s is refused, naming the part and line", (_, body, why) => {
    expect(() => parse(body)).toThrow(
      new RegExp(`^无法解析 t\\.xml：.*${why.source}.*（第 \\d+ 行）`)
    );
  });

  test("read leniently (old VML), an end tag closes what was left open and edits still splice", () => {
    const body = `<xml><v:shape id="a"><font>按钮<br></font></v:shape><v:shape id="b" id="b"/></xml>`;
    expect(() => parse(body)).toThrow(/无法解析/);
    const doc = parse(body, true);
    const [a, b] = doc.root.children();
    expect([a.getAttribute("id"), b.getAttribute("id")]).toEqual(["a", "b"]);
    b.remove();
    doc.root.appendChild(doc.fragment(`<v:shape id="c"/>`));
    expect(doc.toString()).toBe(
      `${DECL}<xml><v:shape id="a"><font>按钮<br></font></v:shape><v:shape id="c"/></xml>`
    );
  });
});
