/**
 * The command's jobs run one workbook at a time, in this thread or on worker threads, each
 * worker with a heap limit: a worker that dies (out of memory, a crash) fails only the file it
 * had, named, and the batch goes on (issue 23).
 */
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { ReportJob } from "./reportFile";
import type { FileJob } from "./scoreFile";

/** Run files on `jobs` worker threads (one workbook each at a time), reporting progress. */
export async function runJobs<J extends FileJob | ReportJob, R>(
  jobs: readonly J[],
  parallel: number,
  onDone: (done: number, file: string) => void,
  run: (job: J) => Promise<R>,
  crashed: (job: J, why: string) => R
): Promise<R[]> {
  const reports: R[] = new Array(jobs.length);
  if (parallel <= 1 || jobs.length <= 1) {
    for (const [i, job] of jobs.entries()) {
      reports[i] = await run(job);
      onDone(i + 1, job.file);
    }
    return reports;
  }
  let next = 0;
  let done = 0;
  const finish = (i: number, report: R): void => {
    reports[i] = report;
    onDone(++done, jobs[i].file);
  };
  const lane = async (): Promise<void> => {
    while (next < jobs.length) await runOnWorker(jobs, () => next++, parallel, finish, crashed);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, lane));
  return reports;
}

/**
 * One worker thread taking jobs until none is left, or until it dies (out of memory, a crash):
 * then only the file it had fails, named, and the caller starts another worker for the rest.
 */
function runOnWorker<J extends FileJob | ReportJob, R>(
  jobs: readonly J[],
  take: () => number,
  parallel: number,
  finish: (i: number, report: R) => void,
  crashed: (job: J, why: string) => R
): Promise<void> {
  return new Promise((resolve) => {
    const w = spawnWorker(parallel);
    let current = -1;
    let over = false;
    const end = (why: string | null): void => {
      if (over) return;
      over = true;
      if (why !== null && current >= 0) finish(current, crashed(jobs[current], why));
      current = -1;
      void w.terminate().then(() => resolve());
    };
    const feed = (): void => {
      const i = take();
      if (i >= jobs.length) return end(null);
      current = i;
      w.postMessage(jobs[i]);
    };
    w.on("message", (report: R) => {
      const i = current;
      current = -1;
      finish(i, report);
      feed();
    });
    w.on("error", (e: Error & { code?: string }) => end(workerDied(jobs[current]?.file, e)));
    w.on("exit", (code) =>
      end(current >= 0 ? workerDied(jobs[current].file, new Error(`退出码 ${code}`)) : null)
    );
    feed();
  });
}

function workerDied(file: string | undefined, e: Error & { code?: string }): string {
  const name = file ? path.basename(file) : "工作簿";
  return e.code === "ERR_WORKER_OUT_OF_MEMORY"
    ? `处理 ${name} 时内存不足，已停止处理这个文件（其余文件照常处理）`
    : `处理 ${name} 时出错，已停止处理这个文件（其余文件照常处理）：${e.message}`;
}

/** A worker with a heap limit: a file that needs more fails alone instead of the whole run. */
function spawnWorker(parallel: number): Worker {
  const file = path.join(__dirname, `worker${path.extname(__filename)}`);
  // from the TypeScript sources (tests, tsx) the worker loads through tsx's require hook
  const code = file.endsWith(".ts")
    ? `require("tsx/cjs"); require(${JSON.stringify(file)});`
    : `require(${JSON.stringify(file)});`;
  return new Worker(code, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: heapLimitMb(parallel) },
  });
}

/** Each worker's share of the memory: at most 4 GB, at least 512 MB. */
export function heapLimitMb(parallel: number): number {
  const env = Number(process.env.SELFEVAL_WORKER_HEAP_MB);
  if (Number.isInteger(env) && env > 0) return env;
  const share = Math.floor(os.totalmem() / 1048576 / (parallel + 1));
  return Math.max(512, Math.min(4096, share));
}
