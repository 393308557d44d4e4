import { Tokenizer } from "htmlparser2";
import { PREDEFINED, isSpace } from "./xmlText";

/**
 * A read-only index of a part's elements, from one pass of htmlparser2's tokenizer in xmlMode
 * (exact source offsets). Elements are numbered in document order (0 is the root); for each:
 * where its "<" is, where its name and its attributes end, where its start tag ends, where its
 * end tag starts and where it ends (self-closing: close = -1, end = open), its parent, first
 * child and next sibling. Strict (the default): the part must be well-formed — tags nest and
 * match, attributes are quoted, not repeated, prefixes bound, references known, one root —
 * which htmlparser2 itself forgives. Lenient (VML old Excel writes): what the tokenizer makes of
 * it, an end tag closing the elements left open inside it.
 */
export class XmlIndex {
  count = 0;
  start: Int32Array<ArrayBuffer> = new Int32Array(0);
  nameEnd: Int32Array<ArrayBuffer> = new Int32Array(0);
  attrEnd: Int32Array<ArrayBuffer> = new Int32Array(0);
  open: Int32Array<ArrayBuffer> = new Int32Array(0);
  close: Int32Array<ArrayBuffer> = new Int32Array(0);
  end: Int32Array<ArrayBuffer> = new Int32Array(0);
  parent: Int32Array<ArrayBuffer> = new Int32Array(0);
  first: Int32Array<ArrayBuffer> = new Int32Array(0);
  next: Int32Array<ArrayBuffer> = new Int32Array(0);

  constructor(
    readonly source: string,
    /** The part, for messages. */
    readonly part: string
  ) {}

  fail(what: string, at: number): never {
    throw new Error(`无法解析 ${this.part}：${what}（${lineOf(this.source, at)}）`);
  }

  name(id: number): string {
    return this.source.slice(this.start[id] + 1, this.nameEnd[id]);
  }

  /** The id after the last element inside `id`. */
  after(id: number): number {
    let k = id + 1;
    const end = this.end[id];
    while (k < this.count && this.start[k] < end) k++;
    return k;
  }
}

/** A part's text as it is indexed: its byte-order mark and blanks before the declaration left out. */
export function xmlSource(text: string): string {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return /^\s/.test(source) ? source.replace(/^\s+(?=<\?xml)/, "") : source;
}

export function lineOf(s: string, at: number): string {
  let line = 1;
  for (let i = s.indexOf("\n"); i >= 0 && i < at; i = s.indexOf("\n", i + 1)) line++;
  return `第 ${line} 行`;
}

const REFERENCE = /&(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/y;

function badReference(raw: string): number {
  let i = raw.indexOf("&");
  while (i >= 0) {
    const semi = raw.indexOf(";", i);
    if (semi < 0) return i;
    const ref = raw.slice(i + 1, semi);
    if (!(ref in PREDEFINED) && !/^#[0-9]+$/.test(ref) && !/^#x[0-9A-Fa-f]+$/.test(ref)) return i;
    i = raw.indexOf("&", semi);
  }
  return -1;
}

function sameText(s: string, a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (s.charCodeAt(a + k) !== s.charCodeAt(b + k)) return false;
  return true;
}

function grow(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

export function indexXml(s: string, part: string, lenient = false): XmlIndex {
  const ix = new XmlIndex(s, part);
  const fail = (what: string, at: number): never => ix.fail(what, at);
  let cap = Math.max(16, s.length >> 5);
  const arrays = (): void => {
    ix.start = grow(ix.start, cap);
    ix.nameEnd = grow(ix.nameEnd, cap);
    ix.attrEnd = grow(ix.attrEnd, cap);
    ix.open = grow(ix.open, cap);
    ix.close = grow(ix.close, cap);
    ix.end = grow(ix.end, cap);
    ix.parent = grow(ix.parent, cap);
    ix.first = grow(ix.first, cap);
    ix.next = grow(ix.next, cap);
  };
  arrays();
  const stack: number[] = []; // the open elements
  const lastChild: number[] = []; // per open element, its last child so far (-1 none)
  let rootLast = -1;
  let cur = -1; // the element whose start tag is being read
  // the current start tag's attributes: name [start, end) and value [start, end)
  const names: number[] = [];
  let nameCount = 0;
  let declares = false;
  // namespace scopes: the depth each was declared at, and its bindings
  const scopes: { depth: number; map: Map<string, string> }[] = [];
  const bound = (prefix: string): boolean => {
    if (prefix === "xml" || prefix === "xmlns") return true;
    for (let k = scopes.length - 1; k >= 0; k--) {
      const v = scopes[k].map.get(prefix);
      if (v !== undefined) return v !== "";
    }
    return false;
  };

  const colonIn = (from: number, to: number): number => {
    for (let k = from; k < to; k++) if (s.charCodeAt(k) === 58) return k;
    return -1;
  };
  const matches = (id: number, start: number, end: number): boolean => {
    const n = ix.nameEnd[id] - ix.start[id] - 1;
    return end - start === n && sameText(s, start, ix.start[id] + 1, n);
  };
  const checkReferences = (from: number, to: number): void => {
    for (let a = s.indexOf("&", from); a !== -1 && a < to; a = s.indexOf("&", a + 1)) {
      REFERENCE.lastIndex = a;
      if (!REFERENCE.test(s)) fail("未定义或不完整的实体引用", a);
    }
  };
  const attrLabel = (): string => s.slice(names[nameCount - 4], names[nameCount - 3]);
  const tagEnd = (gt: number, selfClosing: boolean): void => {
    const id = cur;
    cur = -1;
    ix.open[id] = gt + 1;
    if (ix.attrEnd[id] === 0) ix.attrEnd[id] = ix.nameEnd[id];
    if (!lenient) {
      const depth = stack.length;
      if (declares) {
        const map = new Map<string, string>();
        for (let k = 0; k < nameCount; k += 4) {
          const n = s.slice(names[k], names[k + 1]);
          const v = s.slice(names[k + 2], names[k + 3]);
          if (n === "xmlns") map.set("", v);
          else if (n.startsWith("xmlns:")) map.set(n.slice(6), v);
        }
        scopes.push({ depth, map });
      }
      // prefixes bound (a colon looked for without making strings)
      const colon = colonIn(ix.start[id] + 1, ix.nameEnd[id]);
      if (colon >= 0 && !bound(s.slice(ix.start[id] + 1, colon)))
        fail(`前缀 ${s.slice(ix.start[id] + 1, colon)} 未绑定命名空间`, ix.start[id]);
      for (let k = 0; k < nameCount; k += 4) {
        const c = colonIn(names[k], names[k + 1]);
        if (c < 0) continue;
        const p = s.slice(names[k], c);
        if (p !== "xmlns" && !bound(p)) fail(`前缀 ${p} 未绑定命名空间`, ix.start[id]);
      }
      if (selfClosing && declares) scopes.pop();
    }
    if (selfClosing) {
      ix.close[id] = -1;
      ix.end[id] = gt + 1;
    } else {
      stack.push(id);
      lastChild.push(-1);
    }
  };
  const closeTop = (closeAt: number, end: number): void => {
    const id = stack.pop() as number;
    lastChild.pop();
    ix.close[id] = closeAt;
    ix.end[id] = end;
    if (scopes.length > 0 && scopes[scopes.length - 1].depth === stack.length) scopes.pop();
  };

  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
    {
      ontext(start, end) {
        if (lenient) return;
        if (stack.length > 0) {
          const lt = s.indexOf("<", start);
          if (lt !== -1 && lt < end) fail("缺少元素名", lt);
          checkReferences(start, end);
        } else if (s.slice(start, end).trim() !== "")
          fail(ix.count === 0 ? "根元素前有文本" : "根元素后有文本", start);
      },
      ontextentity() {},
      onattribentity() {},
      onopentagname(start, end) {
        if (stack.length === 0 && ix.count > 0 && !lenient) fail("根元素后还有元素", start - 1);
        if (ix.count === cap) {
          cap *= 2;
          arrays();
        }
        const id = ix.count++;
        cur = id;
        ix.start[id] = start - 1;
        ix.nameEnd[id] = end;
        ix.attrEnd[id] = 0;
        ix.first[id] = -1;
        ix.next[id] = -1;
        const depth = stack.length;
        ix.parent[id] = depth > 0 ? stack[depth - 1] : -1;
        const prev = depth > 0 ? lastChild[depth - 1] : rootLast;
        if (prev >= 0) ix.next[prev] = id;
        else if (depth > 0) ix.first[stack[depth - 1]] = id;
        if (depth > 0) lastChild[depth - 1] = id;
        else rootLast = id;
        nameCount = 0;
        declares = false;
      },
      onattribname(start, end) {
        if (lenient) {
          names[nameCount++] = start;
          names[nameCount++] = end;
          names[nameCount++] = end;
          names[nameCount++] = end;
          return;
        }
        if (!isSpace(s.charCodeAt(start - 1))) fail("属性之间缺少空白", start);
        const len = end - start;
        for (let k = 0; k < nameCount; k += 4)
          if (names[k + 1] - names[k] === len && sameText(s, start, names[k], len))
            fail(`属性 ${s.slice(start, end)} 重复`, start);
        names[nameCount++] = start;
        names[nameCount++] = end;
        names[nameCount++] = end;
        names[nameCount++] = end;
        if (len >= 5 && s.startsWith("xmlns", start)) declares = true;
      },
      onattribdata(start, end) {
        names[nameCount - 2] = start;
        names[nameCount - 1] = end;
        if (lenient) return;
        const lt = s.indexOf("<", start);
        if (lt !== -1 && lt < end) fail(`属性 ${attrLabel()} 的值中有 <`, start);
        const bad = badReference(s.slice(start, end));
        if (bad >= 0) fail("未定义或不完整的实体引用", start + bad);
      },
      onattribend(quote, end) {
        if (cur >= 0) ix.attrEnd[cur] = end;
        if (lenient) return;
        if (quote === 0) fail(`属性 ${attrLabel()} 缺少 =`, end);
        if (quote === 1) fail(`属性 ${attrLabel()} 的值缺少引号`, end);
      },
      onopentagend(gt) {
        tagEnd(gt, false);
      },
      onselfclosingtag(gt) {
        tagEnd(gt, true);
      },
      onclosetag(start, end) {
        const lt = start - 2;
        const gt = s.indexOf(">", end);
        if (gt < 0) {
          if (lenient) return;
          fail("结束标记没有结束", lt);
        }
        const depth = stack.length;
        if (lenient) {
          let k = depth - 1;
          while (k >= 0 && !matches(stack[k], start, end)) k--;
          if (k < 0) return; // a stray end tag
          while (stack.length > k + 1) closeTop(lt, lt); // left open: closed here
          closeTop(lt, gt + 1);
          return;
        }
        if (depth === 0) fail(`多余的结束标记 ${s.slice(lt, gt + 1)}`, lt);
        const id = stack[depth - 1];
        if (!matches(id, start, end))
          fail(`结束标记 ${s.slice(lt, gt + 1)} 与开始标记 <${ix.name(id)}> 不匹配`, lt);
        closeTop(lt, gt + 1);
      },
      oncomment() {},
      oncdata(start) {
        if (stack.length === 0 && !lenient) fail("根元素外有 CDATA 段", start);
      },
      ondeclaration() {},
      onprocessinginstruction(start) {
        if (lenient) return;
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
  if (cur >= 0) {
    if (!lenient) fail(`<${ix.name(cur)}> 没有结束`, ix.start[cur]);
    ix.count = cur; // a start tag cut off
  }
  if (stack.length > 0) {
    if (!lenient) {
      const id = stack[stack.length - 1];
      fail(`<${ix.name(id)}> 没有结束标记`, ix.start[id]);
    }
    while (stack.length > 0) closeTop(s.length, s.length);
  }
  if (ix.count === 0) throw new Error(`无法解析 ${part}：没有根元素`);
  return ix;
}
