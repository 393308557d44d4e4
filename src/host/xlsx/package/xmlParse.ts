import { BASE_SCOPE, XDocument, XElement } from "./xmlDom";
import {
  REFERENCE,
  badReference,
  endsName,
  isSpace,
  sameText,
  scanStartTag,
  startTagEnd,
} from "./xmlScan";

/** Parsing a part into the DOM in one pass that checks it is well-formed (Chinese messages naming the part and line). */
/**
 * Parse a document: check that it is well-formed (tags nest and match, attributes are written
 * right and not repeated, references are known, one root) and note where each element ends; the
 * root element is returned unread (see XElement).
 */
export function parseDocument(s: string, part: string): XDocument {
  const doc = new XDocument(part, s);
  const n = s.length;
  // every element that is not self-closing, in document order: where it starts and ends
  let opens = new Int32Array(Math.max(16, n >> 6));
  let closes = new Int32Array(opens.length);
  let count = 0;
  // the open elements: where each starts, where its name ends, its index in opens
  const starts: number[] = [];
  const nameEnds: number[] = [];
  const slots: number[] = [];
  // the attributes' names of the current start tag, as [start, end) pairs
  const names: number[] = [];
  let nameCount = 0; // (names is reused: emptying an array would give up its storage)
  let rootStart = -1;
  let rootEnd = -1;
  let i = 0;
  const fail = (what: string, at: number): never => doc.fail(what, at);
  // the next & and < at or after a point, found once for every point before them (the scan only
  // moves forward: searching from each text or value would go to the end of the document)
  let amp = -2;
  let angle = -2;
  const ampFrom = (from: number): number => {
    if (amp !== -1 && amp < from) amp = s.indexOf("&", from);
    return amp;
  };
  let xmlns = -2;
  /** Where the next "xmlns" is at or after `from`, -1 if none. */
  const xmlnsFrom = (from: number): number => {
    if (xmlns !== -1 && xmlns < from) xmlns = s.indexOf("xmlns", from);
    return xmlns;
  };
  /** Every & in s[from, to) starts a reference XML knows. */
  const checkReferences = (from: number, to: number): void => {
    for (let a = ampFrom(from); a !== -1 && a < to; a = ampFrom(a + 1)) {
      REFERENCE.lastIndex = a;
      if (!REFERENCE.test(s)) fail("未定义或不完整的实体引用", a);
    }
  };
  const angleFrom = (from: number): number => {
    if (angle !== -1 && angle < from) angle = s.indexOf("<", from);
    return angle;
  };

  while (i < n) {
    const lt = s.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      if (starts.length > 0) checkReferences(i, textEnd);
      else if (s.slice(i, textEnd).trim() !== "")
        fail(rootStart < 0 ? "根元素前有文本" : "根元素后有文本", i);
    }
    if (lt < 0) break;
    const c = s.charCodeAt(lt + 1);
    if (c === 47) {
      // </name>
      const gt = s.indexOf(">", lt);
      if (gt < 0) fail("结束标记没有结束", lt);
      let k = gt;
      while (isSpace(s.charCodeAt(k - 1))) k--;
      const depth = starts.length;
      if (depth === 0) fail(`多余的结束标记 ${s.slice(lt, gt + 1)}`, lt);
      const start = starts[depth - 1];
      const nameLength = nameEnds[depth - 1] - start - 1;
      if (k - lt - 2 !== nameLength || !sameText(s, lt + 2, start + 1, nameLength))
        fail(
          `结束标记 ${s.slice(lt, gt + 1)} 与开始标记 <${s.slice(start + 1, start + 1 + nameLength)}> 不匹配`,
          lt
        );
      closes[slots.pop() as number] = gt + 1;
      starts.pop();
      nameEnds.pop();
      if (starts.length === 0) rootEnd = gt + 1;
      i = gt + 1;
      continue;
    }
    if (c === 33) {
      // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE >
      let end: number;
      if (s.startsWith("<!--", lt)) {
        const close = s.indexOf("-->", lt + 4);
        if (close < 0) fail("注释没有结束", lt);
        end = close + 3;
      } else if (s.startsWith("<![CDATA[", lt)) {
        const close = s.indexOf("]]>", lt + 9);
        if (close < 0) fail("CDATA 段没有结束", lt);
        if (starts.length === 0) fail("根元素外有 CDATA 段", lt);
        end = close + 3;
      } else if (s.startsWith("<!DOCTYPE", lt) && rootStart < 0) {
        let j = lt + 9;
        let depth = 0;
        for (; j < n; j++) {
          const ch = s.charCodeAt(j);
          if (ch === 91) depth++;
          else if (ch === 93) depth--;
          else if (ch === 62 && depth <= 0) break;
          else if (ch === 34 || ch === 39) {
            const q = s.indexOf(String.fromCharCode(ch), j + 1);
            if (q < 0) break;
            j = q;
          }
        }
        if (j >= n) fail("DOCTYPE 没有结束", lt);
        end = j + 1;
      } else return fail("无法识别的标记", lt);
      i = end;
      continue;
    }
    if (c === 63) {
      // <?target ...?>
      const close = s.indexOf("?>", lt + 2);
      if (close < 0) fail("处理指令没有结束", lt);
      const target = /^[^\s?]+/.exec(s.slice(lt + 2, Math.min(close, lt + 40)))?.[0] ?? "";
      if (target.toLowerCase() === "xml" && (lt !== 0 || target !== "xml"))
        fail("XML 声明不在文档开头", lt);
      i = close + 2;
      continue;
    }

    // a start tag
    if (starts.length === 0 && rootStart >= 0) fail("根元素后还有元素", lt);
    let j = lt + 1;
    while (!endsName(s.charCodeAt(j))) j++;
    if (j === lt + 1) fail("缺少元素名", lt);
    const nameEnd = j;
    let selfClosing = false;
    nameCount = 0;
    const open = startTagEnd(s, lt);
    if (open >= 0) {
      // well-formed but for repeated attributes, which reading the attributes refuses
      checkReferences(lt, open);
      selfClosing = s.charCodeAt(open - 2) === 47;
      const x = xmlnsFrom(lt);
      if (x !== -1 && x < open) doc.declaring.add(lt);
      j = open;
    } else
      for (;;) {
        const spaceAt = j;
        while (isSpace(s.charCodeAt(j))) j++;
        const ch = s.charCodeAt(j);
        if (ch === 62) {
          j++;
          break;
        }
        if (ch === 47) {
          if (s.charCodeAt(j + 1) !== 62) fail("/ 后缺少 >", j);
          selfClosing = true;
          j += 2;
          break;
        }
        if (ch !== ch) fail(`<${s.slice(lt + 1, nameEnd)}> 没有结束`, lt);
        if (j === spaceAt) fail("属性之间缺少空白", j);
        const nameStart = j;
        while (!endsName(s.charCodeAt(j))) j++;
        if (j === nameStart) fail("无法识别的字符", j);
        const len = j - nameStart;
        for (let k = 0; k < nameCount; k += 2)
          if (names[k + 1] - names[k] === len && sameText(s, nameStart, names[k], len))
            fail(`属性 ${s.slice(nameStart, j)} 重复`, nameStart);
        names[nameCount++] = nameStart;
        names[nameCount++] = j;
        while (isSpace(s.charCodeAt(j))) j++;
        if (s.charCodeAt(j) !== 61) fail(`属性 ${s.slice(nameStart, nameStart + len)} 缺少 =`, j);
        j++;
        while (isSpace(s.charCodeAt(j))) j++;
        const q = s.charCodeAt(j);
        if (q !== 34 && q !== 39)
          fail(`属性 ${s.slice(nameStart, nameStart + len)} 的值缺少引号`, j);
        const close = s.indexOf(q === 34 ? '"' : "'", j + 1);
        if (close < 0) fail(`属性 ${s.slice(nameStart, nameStart + len)} 的值没有结束`, j);
        const lt2 = angleFrom(j + 1);
        if (lt2 >= 0 && lt2 < close)
          fail(`属性 ${s.slice(nameStart, nameStart + len)} 的值中有 <`, j);
        const a = ampFrom(j + 1);
        if (a >= 0 && a < close) {
          const bad = badReference(s.slice(j + 1, close));
          if (bad >= 0) fail("未定义或不完整的实体引用", j + 1 + bad);
        }
        j = close + 1;
      }
    if (starts.length === 0) rootStart = lt;
    if (selfClosing) {
      if (starts.length === 0) rootEnd = j;
    } else {
      if (count === opens.length) {
        const grown = new Int32Array(count * 2);
        grown.set(opens);
        opens = grown;
        const grownCloses = new Int32Array(count * 2);
        grownCloses.set(closes);
        closes = grownCloses;
      }
      opens[count] = lt;
      slots.push(count++);
      starts.push(lt);
      nameEnds.push(nameEnd);
    }
    i = j;
  }
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

// ── writing ──
