import type { WorkbookOutcome } from "../form/pipeline";
import type { Grid } from "../form/grid";
import { scoreWorkbookBytes } from "../host/xlsx/scoreBook";
import { buildReport, scoredForms } from "../report";
import { reportDocx } from "../report/docx";
import { bookReport, bookSummary } from "./bookReport";
import type { FromWorker, ToWorker } from "./protocol";

/**
 * The 网页版's Web Worker: scores a workbook's bytes with the command's own function
 * (scoreWorkbookBytes: the same scored copy, part for part), and makes the 自评报告 .docx of a
 * workbook it scored. Built as a classic script and started from a Blob URL (webpack.web.config.js),
 * so it runs from file:// too. One file at a time, in the order sent.
 */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
};

/** What the report needs of each workbook scored, kept until the page is closed. */
const scored = new Map<number, { outcome: WorkbookOutcome; grids: readonly Grid[] }>();

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);
}

async function score(id: number, name: string, data: ArrayBuffer): Promise<void> {
  const book = await scoreWorkbookBytes(new Uint8Array(data), {
    name,
    profile: "auto",
    onStage: (stage) => scope.postMessage({ type: "progress", id, stage }),
  });
  scope.postMessage({ type: "progress", id, stage: "written" });
  scored.set(id, { outcome: book.outcome, grids: book.read.grids });
  const report = bookReport(book.outcome, book.read.warnings);
  const out = toArrayBuffer(book.bytes as Uint8Array);
  scope.postMessage({ type: "scored", id, data: out, report, summary: bookSummary(report) }, [out]);
}

async function report(id: number): Promise<void> {
  const book = scored.get(id);
  const forms = book ? scoredForms(book.outcome.sheets, book.grids) : [];
  if (forms.length === 0) {
    scope.postMessage({
      type: "report",
      id,
      data: null,
      message: "没有找到项目支出绩效自评表，未生成自评报告",
    });
    return;
  }
  const out = toArrayBuffer(await reportDocx(buildReport(forms)));
  scope.postMessage({ type: "report", id, data: out, message: null }, [out]);
}

let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const message = e.data;
  queue = queue.then(() =>
    (message.type === "score"
      ? score(message.id, message.name, message.data)
      : report(message.id)
    ).catch((error: unknown) =>
      scope.postMessage({
        type: "error",
        id: message.id,
        message: error instanceof Error ? error.message : String(error),
      })
    )
  );
};
