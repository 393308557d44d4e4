/**
 * The strict fake of WPS's object model (fake.ts), loaded from an .xlsx through fake-excel's
 * loader (Node only), and installed as the page's `wps` global. Tests import from here; a browser
 * page imports fake.ts.
 *
 *   const fake = await loadFakeWps("samples/004-fengtai-2020.xlsx");
 *   const uninstall = installFakeWps(fake);   // globalThis.wps
 */
import { loadFakeExcel } from "../fake-excel";
import type { DocumentModel } from "../fake-excel/model";
import { FakeWps } from "./fake";

export { FakeWps } from "./fake";
export { FakeWpsError, StrictMemberError } from "./strict";

export async function loadFakeWps(source: string | Buffer): Promise<FakeWps> {
  return new FakeWps((await loadFakeExcel(source)).doc);
}

export function fakeWpsOf(doc: DocumentModel): FakeWps {
  return new FakeWps(doc);
}

/** Sets `globalThis.wps` to the fake's global; the function returned takes it away again. */
export function installFakeWps(fake: FakeWps): () => void {
  const g = globalThis as unknown as { wps?: unknown };
  const before = g.wps;
  g.wps = fake.global();
  return () => {
    g.wps = before;
  };
}
