import { NS } from "./constants";
import type { Package } from "./opc";
import type { XmlEl } from "./xmlNode";
import {
  child,
  childrenNamed,
  createLike,
  elements,
  prefixFor,
  remove,
  setText,
  textOf,
} from "./xmlHelpers";
import { plainText } from "./xmlText";

/** docProps/app.xml: the worksheet titles, when its structure is the usual one. */
export async function updateAppTitles(
  pkg: Package,
  removed: string[],
  added: string[]
): Promise<void> {
  const root = await pkg.rels("");
  const rel = root.byKind("extended-properties").find((r) => !r.external);
  if (!rel) return;
  const part = root.partOf(rel);
  const doc = await pkg.xml(part);
  if (!doc) return;
  const props = doc.root;
  const pairsVector = child(child(props, "HeadingPairs") ?? props, "vector");
  const titlesVector = child(child(props, "TitlesOfParts") ?? props, "vector");
  if (
    !pairsVector ||
    !titlesVector ||
    !child(props, "HeadingPairs") ||
    !child(props, "TitlesOfParts")
  )
    return;
  const variants = childrenNamed(pairsVector, "variant");
  const titles = elements(titlesVector);
  const pairs: { label: string; countEl: XmlEl | null; count: number }[] = [];
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const countEl = elements(variants[i + 1])[0] ?? null;
    pairs.push({ label: textOf(variants[i]).trim(), countEl, count: Number(textOf(countEl)) });
  }
  if (pairs.length === 0 || pairs.some((p) => !Number.isInteger(p.count))) return;
  if (pairs.reduce((s, p) => s + p.count, 0) !== titles.length) return;
  const k = Math.max(
    0,
    pairs.findIndex((p) => /^(worksheets|工作表)$/i.test(p.label))
  );
  const offset = pairs.slice(0, k).reduce((s, p) => s + p.count, 0);
  const mine = titles.slice(offset, offset + pairs[k].count);
  let count = pairs[k].count;
  for (const name of removed) {
    const el = mine.find((t) => textOf(t) === name && t.parent);
    if (el) {
      remove(el);
      count--;
    }
  }
  // the titles after which the new ones go: before the element that follows it
  const after = mine.filter((t) => t.parent).pop() ?? (offset > 0 ? titles[offset - 1] : null);
  const kids = elements(titlesVector);
  const anchor: XmlEl | null = after ? (kids[kids.indexOf(after) + 1] ?? null) : (kids[0] ?? null);
  for (const name of added) {
    // each new title goes before the same anchor, so after the one added before it
    const el = titles[0]
      ? createLike(titles[0], "lpstr")
      : doc.create(`${prefixFor(doc, NS.vt, "vt")}:lpstr`, NS.vt);
    setText(el, plainText(name));
    titlesVector.insertBefore(el, anchor);
    count++;
  }
  if (pairs[k].countEl) setText(pairs[k].countEl as XmlEl, String(count));
  titlesVector.setAttribute("size", String(elements(titlesVector).length));
  pkg.touch(part);
}
