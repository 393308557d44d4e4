import type { ReportJob, ReportOutcome } from "./reportFile";

/**
 * `selfeval report`'s work, with the 自评报告 code (and the docx library) loaded only when a
 * report is asked for, so that `score` starts without it; used by the main thread and the
 * worker threads alike. `require`, not `import()`: a worker running the sources through tsx has
 * no ESM resolution for "./reportFile".
 */
export function reportFile(job: ReportJob): Promise<ReportOutcome> {
  const { reportFile: run } = require("./reportFile") as typeof import("./reportFile");
  return run(job);
}
