import { Tokenizer } from "htmlparser2";
import { BASE_SCOPE } from "./xmlNode";
import { XElement } from "./xmlDom";
import { XDocument } from "./xmlDocument";
import { REFERENCE, badReference, isSpace, sameText, scanStartTag } from "./xmlScan";

/**
 * Parsing a part for the writer: htmlparser2's tokenizer in xmlMode reads the text once, with
 * exact source offsets; this checks that it is well-formed (tags nest and match, attributes are
 * quoted and not repeated, references are known, one root — htmlparser2 itself forgives all of
 * these) and notes where each element starts and ends. The root element is returned unread (see
 * XElement: the DOM reads an element's attributes and children from the source when asked).
 */
export function parseDocument(s: string, part: string): XDocument {
  const doc = new XDocument(part, s);
  const fail = (what: string, at: number): never => doc.fail(what, at);
  // every element that is not self-closing, in document order: where it starts and ends
  let opens = new Int32Array(Math.max(16, s.length >> 6));
  let closes = new Int32Array(opens.length);
  let count = 0;
  // the open elements: where each starts ("<"), where its name ends, its index in opens
  const starts: number[] = [];
  const nameEnds: number[] = [];
  const slots: number[] = [];
  // the current start tag: where it starts, its name's end, its attributes' names as [start, end)
  let tagStart = -1;
  let tagNameEnd = -1;
  const names: number[] = [];
  let nameCount = 0;
  let attrName = -1;
  let rootStart = -1;
  let rootEnd = -1;

  /** Every & in s[from, to) starts a reference XML knows. */
  const checkReferences = (from: number, to: number): void => {
    for (let a = s.indexOf("&", from); a !== -1 && a < to; a = s.indexOf("&", a + 1)) {
      REFERENCE.lastIndex = a;
      if (!REFERENCE.test(s)) fail("未定义或不完整的实体引用", a);
    }
  };
  const attrLabel = (): string => s.slice(attrName, names[nameCount - 1]);
  const endTag = (end: number, selfClosing: boolean): void => {
    if (starts.length === 0) rootStart = tagStart;
    if (selfClosing) {
      if (starts.length === 0) rootEnd = end;
    } else {
      if (count === opens.length) {
        const grown = new Int32Array(count * 2);
        grown.set(opens);
        opens = grown;
        const grownCloses = new Int32Array(count * 2);
        grownCloses.set(closes);
        closes = grownCloses;
      }
      opens[count] = tagStart;
      slots.push(count++);
      starts.push(tagStart);
      nameEnds.push(tagNameEnd);
    }
    tagStart = -1;
  };

  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
    {
      ontext(start, end) {
        if (starts.length > 0) {
          const lt = s.indexOf("<", start);
          if (lt !== -1 && lt < end) fail("缺少元素名", lt);
          checkReferences(start, end);
        } else if (s.slice(start, end).trim() !== "")
          fail(rootStart < 0 ? "根元素前有文本" : "根元素后有文本", start);
      },
      ontextentity() {},
      onattribentity() {},
      onopentagname(start, end) {
        if (starts.length === 0 && rootStart >= 0) fail("根元素后还有元素", start - 1);
        tagStart = start - 1;
        tagNameEnd = end;
        nameCount = 0;
      },
      onattribname(start, end) {
        if (!isSpace(s.charCodeAt(start - 1))) fail("属性之间缺少空白", start);
        const len = end - start;
        for (let k = 0; k < nameCount; k += 2)
          if (names[k + 1] - names[k] === len && sameText(s, start, names[k], len))
            fail(`属性 ${s.slice(start, end)} 重复`, start);
        names[nameCount++] = start;
        names[nameCount++] = end;
        attrName = start;
        if (len >= 5 && s.startsWith("xmlns", start)) doc.declaring.add(tagStart);
      },
      onattribdata(start, end) {
        const lt = s.indexOf("<", start);
        if (lt !== -1 && lt < end) fail(`属性 ${attrLabel()} 的值中有 <`, start);
        const bad = badReference(s.slice(start, end));
        if (bad >= 0) fail("未定义或不完整的实体引用", start + bad);
      },
      onattribend(quote, end) {
        if (quote === 0) fail(`属性 ${attrLabel()} 缺少 =`, end);
        if (quote === 1) fail(`属性 ${attrLabel()} 的值缺少引号`, end);
      },
      onopentagend(end) {
        endTag(end + 1, false);
      },
      onselfclosingtag(end) {
        endTag(end + 1, true);
      },
      onclosetag(start, end) {
        const lt = start - 2;
        const gt = s.indexOf(">", end);
        if (gt < 0) fail("结束标记没有结束", lt);
        const depth = starts.length;
        if (depth === 0) fail(`多余的结束标记 ${s.slice(lt, gt + 1)}`, lt);
        const open = starts[depth - 1];
        const nameLength = nameEnds[depth - 1] - open - 1;
        if (end - start !== nameLength || !sameText(s, start, open + 1, nameLength))
          fail(
            `结束标记 ${s.slice(lt, gt + 1)} 与开始标记 <${s.slice(open + 1, open + 1 + nameLength)}> 不匹配`,
            lt
          );
        closes[slots.pop() as number] = gt + 1;
        starts.pop();
        nameEnds.pop();
        if (starts.length === 0) rootEnd = gt + 1;
      },
      oncomment() {},
      oncdata(start) {
        if (starts.length === 0) fail("根元素外有 CDATA 段", start);
      },
      ondeclaration() {},
      onprocessinginstruction(start) {
        const lt = s.lastIndexOf("<?", start);
        const target = /^<\?([^\s?>]+)/.exec(s.slice(lt, lt + 40))?.[1] ?? "";
        if (target.toLowerCase() === "xml" && (lt !== 0 || target !== "xml"))
          fail("XML 声明不在文档开头", lt);
      },
      onend() {},
    }
  );
  tokenizer.write(s);
  tokenizer.end();
  if (tagStart >= 0) fail(`<${s.slice(tagStart + 1, tagNameEnd)}> 没有结束`, tagStart);
  if (starts.length > 0)
    fail(
      `<${s.slice(starts[starts.length - 1] + 1, nameEnds[nameEnds.length - 1])}> 没有结束标记`,
      starts[starts.length - 1]
    );
  if (rootStart < 0) throw new Error(`无法解析 ${part}：没有根元素`);
  doc.opens = opens;
  doc.closes = closes;
  doc.elementCount = count;
  doc.documentElement = XElement.parsed(
    doc,
    rootStart,
    scanStartTag(s, rootStart, doc),
    rootEnd,
    BASE_SCOPE
  );
  doc.prolog = s.slice(0, rootStart);
  doc.epilog = s.slice(rootEnd);
  return doc;
}
