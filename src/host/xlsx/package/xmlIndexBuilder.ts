import type { Callbacks } from "htmlparser2/dist/Tokenizer";
import type { XmlIndex } from "./xmlIndex";
import { PREDEFINED, isSpace } from "./xmlText";

/**
 * Building a part's element index (xmlIndex.ts) from htmlparser2's tokenizer, and checking that
 * the part is well-formed where htmlparser2 forgives (strict), or taking what it makes of it
 * (lenient).
 */

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

/** The tokenizer's callbacks, building the index and checking the part is well-formed. */
export class IndexBuilder implements Callbacks {
  private readonly s: string;
  private readonly stack: number[] = []; // the open elements
  private readonly lastChild: number[] = []; // per open element, its last child so far (-1 none)
  private rootLast = -1;
  private cur = -1; // the element whose start tag is being read
  // the current start tag's attributes: name [start, end) and value [start, end)
  private readonly names: number[] = [];
  private nameCount = 0;
  private declares = false;
  /** The next "&" at or after where the tokenizer is (found once per "&", not once per text). */
  private amp = -1; // (Infinity: none left)
  // namespace scopes: the depth each was declared at, and its bindings
  private readonly scopes: { depth: number; map: Map<string, string> }[] = [];

  constructor(
    private readonly ix: XmlIndex,
    private readonly lenient: boolean
  ) {
    this.s = ix.source;
  }

  private fail(what: string, at: number): never {
    return this.ix.fail(what, at);
  }

  private bound(prefix: string): boolean {
    if (prefix === "xml" || prefix === "xmlns") return true;
    for (let k = this.scopes.length - 1; k >= 0; k--) {
      const v = this.scopes[k].map.get(prefix);
      if (v !== undefined) return v !== "";
    }
    return false;
  }

  private colonIn(from: number, to: number): number {
    const s = this.s;
    for (let k = from; k < to; k++) if (s.charCodeAt(k) === 58) return k;
    return -1;
  }

  private matches(id: number, start: number, end: number): boolean {
    const ix = this.ix;
    const n = ix.nameEnd[id] - ix.start[id] - 1;
    return end - start === n && sameText(this.s, start, ix.start[id] + 1, n);
  }

  /** Where the first "&" in [from, to) is, or -1. */
  private ampIn(from: number, to: number): number {
    if (this.amp < from && this.amp !== Infinity) {
      const at = this.s.indexOf("&", from);
      this.amp = at < 0 ? Infinity : at;
    }
    return this.amp < to ? this.amp : -1;
  }

  private checkReferences(from: number, to: number): void {
    const s = this.s;
    for (let a = this.ampIn(from, to); a !== -1; a = this.ampIn(a + 1, to)) {
      REFERENCE.lastIndex = a;
      if (!REFERENCE.test(s)) this.fail("未定义或不完整的实体引用", a);
    }
  }

  private attrLabel(): string {
    return this.s.slice(this.names[this.nameCount - 4], this.names[this.nameCount - 3]);
  }

  /** Namespace declarations and prefixes of the start tag just read (strict). */
  private checkNamespaces(id: number, selfClosing: boolean): void {
    const { s, ix, names, nameCount } = this;
    if (this.declares) {
      const map = new Map<string, string>();
      for (let k = 0; k < nameCount; k += 4) {
        const n = s.slice(names[k], names[k + 1]);
        const v = s.slice(names[k + 2], names[k + 3]);
        if (n === "xmlns") map.set("", v);
        else if (n.startsWith("xmlns:")) map.set(n.slice(6), v);
      }
      this.scopes.push({ depth: this.stack.length, map });
    }
    // prefixes bound (a colon looked for without making strings)
    const colon = this.colonIn(ix.start[id] + 1, ix.nameEnd[id]);
    if (colon >= 0 && !this.bound(s.slice(ix.start[id] + 1, colon)))
      this.fail(`前缀 ${s.slice(ix.start[id] + 1, colon)} 未绑定命名空间`, ix.start[id]);
    for (let k = 0; k < nameCount; k += 4) {
      const c = this.colonIn(names[k], names[k + 1]);
      if (c < 0) continue;
      const p = s.slice(names[k], c);
      if (p !== "xmlns" && !this.bound(p)) this.fail(`前缀 ${p} 未绑定命名空间`, ix.start[id]);
    }
    if (selfClosing && this.declares) this.scopes.pop();
  }

  private tagEnd(gt: number, selfClosing: boolean): void {
    const ix = this.ix;
    const id = this.cur;
    this.cur = -1;
    ix.open[id] = gt + 1;
    if (ix.attrEnd[id] === 0) ix.attrEnd[id] = ix.nameEnd[id];
    if (!this.lenient) this.checkNamespaces(id, selfClosing);
    if (selfClosing) {
      ix.close[id] = -1;
      ix.end[id] = gt + 1;
    } else {
      this.stack.push(id);
      this.lastChild.push(-1);
    }
  }

  private closeTop(closeAt: number, end: number): void {
    const ix = this.ix;
    const id = this.stack.pop() as number;
    this.lastChild.pop();
    ix.close[id] = closeAt;
    ix.end[id] = end;
    const scopes = this.scopes;
    if (scopes.length > 0 && scopes[scopes.length - 1].depth === this.stack.length) scopes.pop();
  }

  ontext(start: number, end: number): void {
    if (this.lenient) return;
    const s = this.s;
    if (this.stack.length > 0) {
      const lt = s.indexOf("<", start);
      if (lt !== -1 && lt < end) this.fail("缺少元素名", lt);
      this.checkReferences(start, end);
    } else if (s.slice(start, end).trim() !== "")
      this.fail(this.ix.count === 0 ? "根元素前有文本" : "根元素后有文本", start);
  }

  ontextentity(): void {}
  onattribentity(): void {}

  onopentagname(start: number, end: number): void {
    const ix = this.ix;
    const stack = this.stack;
    if (stack.length === 0 && ix.count > 0 && !this.lenient)
      this.fail("根元素后还有元素", start - 1);
    // (every array gets its entry now, in order: packed arrays of small integers)
    const id = ix.count++;
    this.cur = id;
    const depth = stack.length;
    ix.start.push(start - 1);
    ix.nameEnd.push(end);
    ix.attrEnd.push(0);
    ix.open.push(0);
    ix.close.push(-1);
    ix.end.push(0);
    ix.first.push(-1);
    ix.next.push(-1);
    ix.parent.push(depth > 0 ? stack[depth - 1] : -1);
    const prev = depth > 0 ? this.lastChild[depth - 1] : this.rootLast;
    if (prev >= 0) ix.next[prev] = id;
    else if (depth > 0) ix.first[stack[depth - 1]] = id;
    if (depth > 0) this.lastChild[depth - 1] = id;
    else this.rootLast = id;
    this.nameCount = 0;
    this.declares = false;
  }

  onattribname(start: number, end: number): void {
    const names = this.names;
    if (!this.lenient) {
      const s = this.s;
      if (!isSpace(s.charCodeAt(start - 1))) this.fail("属性之间缺少空白", start);
      const len = end - start;
      for (let k = 0; k < this.nameCount; k += 4)
        if (names[k + 1] - names[k] === len && sameText(s, start, names[k], len))
          this.fail(`属性 ${s.slice(start, end)} 重复`, start);
      if (len >= 5 && s.startsWith("xmlns", start)) this.declares = true;
    }
    names[this.nameCount++] = start;
    names[this.nameCount++] = end;
    names[this.nameCount++] = end;
    names[this.nameCount++] = end;
  }

  onattribdata(start: number, end: number): void {
    this.names[this.nameCount - 2] = start;
    this.names[this.nameCount - 1] = end;
    if (this.lenient) return;
    const s = this.s;
    const lt = s.indexOf("<", start);
    if (lt !== -1 && lt < end) this.fail(`属性 ${this.attrLabel()} 的值中有 <`, start);
    if (this.ampIn(start, end) >= 0) {
      const bad = badReference(s.slice(start, end));
      if (bad >= 0) this.fail("未定义或不完整的实体引用", start + bad);
    }
  }

  onattribend(quote: number, end: number): void {
    if (this.cur >= 0) this.ix.attrEnd[this.cur] = end;
    if (this.lenient) return;
    if (quote === 0) this.fail(`属性 ${this.attrLabel()} 缺少 =`, end);
    if (quote === 1) this.fail(`属性 ${this.attrLabel()} 的值缺少引号`, end);
  }

  onopentagend(gt: number): void {
    this.tagEnd(gt, false);
  }

  onselfclosingtag(gt: number): void {
    this.tagEnd(gt, true);
  }

  onclosetag(start: number, end: number): void {
    const s = this.s;
    const stack = this.stack;
    const lt = start - 2;
    const gt = s.indexOf(">", end);
    if (gt < 0) {
      if (this.lenient) return;
      this.fail("结束标记没有结束", lt);
    }
    const depth = stack.length;
    if (this.lenient) {
      let k = depth - 1;
      while (k >= 0 && !this.matches(stack[k], start, end)) k--;
      if (k < 0) return; // a stray end tag
      while (stack.length > k + 1) this.closeTop(lt, lt); // left open: closed here
      this.closeTop(lt, gt + 1);
      return;
    }
    if (depth === 0) this.fail(`多余的结束标记 ${s.slice(lt, gt + 1)}`, lt);
    const id = stack[depth - 1];
    if (!this.matches(id, start, end))
      this.fail(`结束标记 ${s.slice(lt, gt + 1)} 与开始标记 <${this.ix.name(id)}> 不匹配`, lt);
    this.closeTop(lt, gt + 1);
  }

  oncomment(): void {}

  oncdata(start: number): void {
    if (this.stack.length === 0 && !this.lenient) this.fail("根元素外有 CDATA 段", start);
  }

  ondeclaration(): void {}

  onprocessinginstruction(start: number): void {
    if (this.lenient) return;
    const s = this.s;
    const lt = s.lastIndexOf("<?", start);
    const target = /^<\?([^\s?>]+)/.exec(s.slice(lt, lt + 40))?.[1] ?? "";
    if (target.toLowerCase() === "xml" && (lt !== 0 || target !== "xml"))
      this.fail("XML 声明不在文档开头", lt);
  }

  onend(): void {}

  /** The index, once the tokenizer is through (what is left open: an error, or closed at the end). */
  done(): XmlIndex {
    const ix = this.ix;
    if (this.cur >= 0) {
      if (!this.lenient) this.fail(`<${ix.name(this.cur)}> 没有结束`, ix.start[this.cur]);
      ix.count = this.cur; // a start tag cut off (its entries past count are not read)
    }
    if (this.stack.length > 0) {
      if (!this.lenient) {
        const id = this.stack[this.stack.length - 1];
        this.fail(`<${ix.name(id)}> 没有结束标记`, ix.start[id]);
      }
      while (this.stack.length > 0) this.closeTop(this.s.length, this.s.length);
    }
    if (ix.count === 0) throw new Error(`无法解析 ${ix.part}：没有根元素`);
    return ix;
  }
}
