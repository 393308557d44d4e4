import { parentPort } from "worker_threads";
import type { ReportJob } from "./reportFile";
import { scoreFile, type FileJob } from "./scoreFile";

/** A `selfeval` worker thread: scores (or reports on) the workbooks it is handed, one at a time. */
parentPort?.on("message", (job: FileJob | ReportJob) => {
  // the 自评报告 code (and the docx library) is loaded by the first report job only (require, not
  // import(): a worker running the sources through tsx has no ESM resolution for "./reportFile")
  const run =
    "kind" in job && job.kind === "report"
      ? (require("./reportFile") as typeof import("./reportFile")).reportFile(job)
      : scoreFile(job as FileJob);
  void (run as Promise<unknown>).then((report) => parentPort?.postMessage(report));
});
