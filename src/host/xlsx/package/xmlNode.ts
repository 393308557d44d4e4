import { decodeXml } from "./xmlScan";
import type { XElement } from "./xmlDom";
import type { XDocument } from "./xmlDocument";

/** The writer's XML DOM: namespace scopes, attributes, the node base class, text and other leaves. */
export const XML_NS = "http://www.w3.org/XML/1998/namespace";
export const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** Namespace bindings in scope: prefix ("" for the default) → URI ("" for none). */
export type XScope = Record<string, string>;

export const BASE_SCOPE: XScope = Object.assign(Object.create(null) as XScope, {
  xml: XML_NS,
  xmlns: XMLNS_NS,
});

export class XAttr {
  constructor(
    /** The qualified name as written. */
    readonly name: string,
    readonly prefix: string | null,
    readonly localName: string,
    readonly namespaceURI: string | null,
    public value: string,
    /** The value as written between its quotes (null once changed). */
    public raw: string | null,
    readonly quote: string
  ) {}
}

export abstract class XNode {
  parentNode: XElement | null = null;
  nextSibling: XNode | null = null;
  previousSibling: XNode | null = null;
  abstract readonly nodeType: number;

  constructor(public ownerDocument: XDocument) {}

  get firstChild(): XNode | null {
    return null;
  }

  get lastChild(): XNode | null {
    return null;
  }

  get nodeValue(): string | null {
    return null;
  }

  abstract get textContent(): string;

  abstract cloneNode(deep?: boolean): XNode;
}

/** Text (3), CDATA (4), processing instruction (7) or comment (8). */
export class XLeaf extends XNode {
  private decoded: string | null;

  constructor(
    doc: XDocument,
    readonly nodeType: 3 | 4 | 7 | 8,
    /** The node as written (for text: undecoded); null for text made here. */
    readonly raw: string | null,
    data: string | null
  ) {
    super(doc);
    this.decoded = data;
  }

  /** The character data: text decoded, the inside of a CDATA section. */
  get nodeValue(): string {
    if (this.decoded === null) {
      const raw = this.raw ?? "";
      if (this.nodeType === 3) this.decoded = decodeXml(raw, false);
      else if (this.nodeType === 4) this.decoded = raw.slice(9, -3).replace(/\r\n?/g, "\n");
      else this.decoded = raw;
    }
    return this.decoded;
  }

  get textContent(): string {
    return this.nodeType === 3 || this.nodeType === 4 ? this.nodeValue : "";
  }

  cloneNode(): XLeaf {
    return new XLeaf(this.ownerDocument, this.nodeType, this.raw, this.decoded);
  }
}

/** Where a start tag is in its source: the end of its name and attributes, just after it. */
export interface StartTag {
  readonly tagEnd: number;
  readonly open: number;
  readonly selfClosing: boolean;
  /** It declares namespaces (xmlns attributes). */
  readonly declares: boolean;
}
