import { parentPort } from "worker_threads";
import { reportFile } from "./lazyReport";
import type { ReportJob } from "./reportFile";
import { scoreFile, type FileJob } from "./scoreFile";

/** A `selfeval` worker thread: scores (or reports on) the workbooks it is handed, one at a time. */
parentPort?.on("message", (job: FileJob | ReportJob) => {
  const run = "kind" in job && job.kind === "report" ? reportFile(job) : scoreFile(job as FileJob);
  void (run as Promise<unknown>).then((report) => parentPort?.postMessage(report));
});
