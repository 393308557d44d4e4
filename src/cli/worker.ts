import { parentPort } from "worker_threads";
import { scoreFile, type FileJob } from "./scoreFile";

/** A `selfeval` worker thread: scores the workbooks it is handed, one at a time. */
parentPort?.on("message", (job: FileJob) => {
  void scoreFile(job).then((report) => parentPort?.postMessage(report));
});
