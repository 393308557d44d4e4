/**
 * The fake of WPS in a browser page (the end-to-end test loads it before the add-in's scripts):
 * `window.fakeWps.install(data)` opens a workbook (fake-excel's DocumentModel as data) and sets
 * the page's `wps` global; `dump()` gives the workbook back as data, `calls()` the calls counted.
 */
import { DocumentModel, type DocumentData } from "../fake-excel/model";
import { FakeWps } from "./fake";

let fake: FakeWps | null = null;

const api = {
  install(data: DocumentData): void {
    fake = new FakeWps(DocumentModel.fromData(data));
    (window as unknown as { wps: unknown }).wps = fake.global();
  },
  dump(): DocumentData | null {
    return fake ? fake.doc.toData() : null;
  },
  calls(): number {
    return fake ? fake.calls : 0;
  },
  taskPanes(): unknown[] {
    return fake ? fake.taskPanes : [];
  },
};

(window as unknown as { fakeWps: typeof api }).fakeWps = api;
