import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isProfileId, PROFILES, PROFILE_IDS, type ProfileSpec } from "../engine";
import { summaryTable, type FileReport } from "./report";
import { reportFile } from "./lazyReport";
import { planOutputs, reportPath, type OutputPlan } from "./outputs";
import type { ReportJob } from "./reportFile";
import { outputPath, scoreFile, type FileJob } from "./scoreFile";
import { runJobs } from "./jobs";

/**
 * `selfeval`: the scoring engine over .xlsx files (design.md). Exit status: 0 when every input
 * was read, 1 when one could not be read or written (its error is in the report, the others are
 * still done), 2 for bad arguments.
 */
interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
}

const defaultIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: !!process.stderr.isTTY,
};

/** Files and folders to the workbooks they hold (.xlsx; not lock files or scored copies). */
export async function expandInputs(
  inputs: readonly string[]
): Promise<{ files: string[]; errors: FileReport[] }> {
  const files: string[] = [];
  const errors: FileReport[] = [];
  // .xlsx and macro workbooks; not Excel's lock files, not our scored copies (numbered or not)
  const isWorkbook = (name: string): boolean =>
    /\.xls[xm]$/i.test(name) &&
    !/\.(?:scored|提交版)(?: \(\d+\))?\.xls[xm]$/i.test(name) &&
    !name.startsWith("~$");
  const walk = async (dir: string): Promise<string[]> => {
    const entries = await fs.promises.readdir(dir, { withFileTypes: true });
    const found: string[] = [];
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) found.push(...(await walk(full)));
      else if (e.isFile() && isWorkbook(e.name)) found.push(full);
    }
    return found;
  };
  for (const input of inputs) {
    const stat = await fs.promises.stat(input).catch(() => null);
    if (!stat)
      errors.push({ file: input, output: null, error: `无法读取 ${input}：文件或文件夹不存在` });
    else if (stat.isDirectory()) {
      const found = await walk(input);
      if (found.length === 0)
        errors.push({ file: input, output: null, error: `文件夹 ${input} 中没有 .xlsx 工作簿` });
      files.push(...found);
    } else files.push(input);
  }
  return { files: [...new Set(files)], errors };
}

function progress(io: Io, total: number): (done: number, file: string) => void {
  if (total <= 1) return () => undefined;
  if (io.isTTY) {
    // a bar on a terminal; plain lines otherwise (logs, CI)

    const { SingleBar, Presets } = require("cli-progress") as typeof import("cli-progress");
    const bar = new SingleBar(
      { format: "评分 [{bar}] {value}/{total} {file}", stream: process.stderr, hideCursor: true },
      Presets.shades_classic
    );
    bar.start(total, 0, { file: "" });
    return (done, file) => {
      bar.update(done, { file: path.basename(file) });
      if (done === total) bar.stop();
    };
  }
  return (done, file) => io.stderr(`[${done}/${total}] ${path.basename(file)}\n`);
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new InvalidArgumentError("--jobs 须为 1–64 的整数");
  return n;
}

function parseProfile(value: string): ProfileSpec {
  if (value === "auto" || isProfileId(value)) return value;
  throw new InvalidArgumentError(`未知的规则“${value}”，可用：auto、${PROFILE_IDS.join("、")}`);
}

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let status = 0;
  const program = new Command()
    .name("selfeval")
    .description("为项目支出绩效自评表评分：读取 .xlsx，写出带得分、总分、等级和提示的副本")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  program
    .command("score")
    .description("为工作簿评分（文件或文件夹），写出 <名称>.scored.xlsx，不修改原文件")
    .argument("<inputs...>", ".xlsx 文件或文件夹")
    .addOption(profileOption())
    .option("--out <folder>", "评分副本写入的文件夹（默认与原文件同目录）")
    .option("--json", "在标准输出打印一个 JSON 文档（其他信息写入标准错误）")
    .option("--dry-run", "只评分，不写出文件")
    .option(
      "--clean",
      "同时写出 <名称>.提交版.xlsx：保留更正后的数值、总分和等级，去掉批注和底色标记"
    )
    .addOption(jobsOption())
    .action(
      async (
        inputs: string[],
        opts: {
          profile: ProfileSpec;
          out?: string;
          json?: boolean;
          dryRun?: boolean;
          clean?: boolean;
          jobs: number;
        }
      ) => {
        const { files, errors } = await expandInputs(inputs);
        const outDir = opts.out ?? null;
        const plans = opts.dryRun
          ? []
          : await planOutputs(files, outDir, (f) => outputPath(f, outDir), "score");
        const jobs: FileJob[] = files.map((file, i) => ({
          file,
          profile: opts.profile,
          outDir,
          dryRun: !!opts.dryRun,
          ...planned(plans[i]),
          clean: !!opts.clean,
        }));
        const reports = [
          ...(await runJobs(jobs, opts.jobs, progress(io, jobs.length), scoreFile, (j, error) => ({
            file: j.file,
            output: null,
            error,
          }))),
          ...errors,
        ];
        if (opts.json) io.stdout(`${JSON.stringify({ files: reports }, null, 2)}\n`);
        else {
          io.stdout(`${summaryTable(reports)}\n`);
          for (const r of reports) {
            if (r.output) io.stderr(`已写出 ${r.output}\n`);
            if (r.clean) io.stderr(`已写出 ${r.clean}（提交版）\n`);
            for (const line of r.notWritten ?? []) io.stderr(`未写入：${line}\n`);
          }
        }
        for (const r of reports) {
          if (r.notice) io.stderr(`注意：${r.notice}\n`);
          for (const line of r.warnings ?? [])
            io.stderr(`未读完：${path.basename(r.file)}：${line}\n`);
        }
        for (const r of reports) if (r.error) io.stderr(`错误：${r.error}\n`);
        status = reports.some((r) => r.error) ? 1 : 0;
      }
    );

  program
    .command("report")
    .description("为工作簿生成自评报告（文件或文件夹），写出 <名称>.自评报告.docx，不修改原文件")
    .argument("<inputs...>", ".xlsx 文件或文件夹")
    .addOption(profileOption())
    .option("--out <folder>", "报告写入的文件夹（默认与原文件同目录）")
    .addOption(jobsOption())
    .action(
      async (inputs: string[], opts: { profile: ProfileSpec; out?: string; jobs: number }) => {
        const { files, errors } = await expandInputs(inputs);
        const outDir = opts.out ?? null;
        const plans = await planOutputs(files, outDir, (f) => reportPath(f, outDir), "report");
        const jobs: ReportJob[] = files.map((file, i) => ({
          kind: "report",
          file,
          profile: opts.profile,
          outDir,
          ...planned(plans[i]),
        }));
        const outcomes = await runJobs(
          jobs,
          opts.jobs,
          progress(io, jobs.length),
          reportFile,
          (j, error) => ({
            file: j.file,
            output: null,
            forms: 0,
            error,
          })
        );
        for (const r of outcomes) {
          if (r.output) io.stdout(`已写出 ${r.output}（${r.forms} 张自评表）\n`);
          if (r.message) io.stderr(`${r.message}\n`);
          if (r.notice) io.stderr(`注意：${r.notice}\n`);
        }
        for (const r of [...outcomes, ...errors]) if (r.error) io.stderr(`错误：${r.error}\n`);
        status = outcomes.some((r) => r.error) || errors.length ? 1 : 0;
      }
    );

  program
    .command("profiles")
    .description("列出可用的规则")
    .action(() => {
      io.stdout(`auto      按工作簿中的表头与规则说明自动选择\n`);
      for (const id of PROFILE_IDS)
        io.stdout(`${id.padEnd(9)} ${PROFILES[id].name}：${PROFILES[id].source}\n`);
    });

  try {
    await program.parseAsync(argv as string[], { from: "user" });
    return status;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    io.stderr(`错误：${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

/** A job's output plan, or why there is none. */
function planned(plan: OutputPlan | string | undefined): { plan?: OutputPlan; planError?: string } {
  if (plan === undefined) return {};
  return typeof plan === "string" ? { planError: plan } : { plan };
}

/** --profile, shared by score and report. */
function profileOption(): Option {
  return new Option("--profile <id>", "规则：auto 或 " + PROFILE_IDS.join("、"))
    .argParser(parseProfile)
    .default("auto" as ProfileSpec);
}

/** --jobs, shared by score and report: workbooks in parallel, one worker thread each. */
function jobsOption(): Option {
  return new Option("--jobs <n>", "并行处理的工作簿数（默认为 CPU 核数）")
    .argParser(parseJobs)
    .default(Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
}
