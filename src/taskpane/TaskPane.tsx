import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndoRegular } from "@fluentui/react-icons/lib/atoms/svg/arrow-undo";
import { ClearFormattingRegular } from "@fluentui/react-icons/lib/atoms/svg/clear-formatting";
import { DocumentCheckmarkRegular } from "@fluentui/react-icons/lib/atoms/svg/document-checkmark";
import { DocumentMultipleRegular } from "@fluentui/react-icons/lib/atoms/svg/document-multiple";
import { useCallback, useMemo, useRef } from "react";
import type { Progress, ScoringGateway, ScoringOptions } from "../host/contract";
import { ReportButton } from "./components/ReportButton";
import { RulesPanel, type ChosenProfile } from "./components/RulesPanel";
import { GatewayProvider, useGateway } from "./gateway-context";
import { useAfterFirstRender } from "./hooks/useAfterFirstRender";
import { useAutoScore } from "./hooks/useAutoScore";
import { useUnsupported } from "./hooks/useCapabilities";
import { useRuns, type RunKind } from "./hooks/useRuns";
import { useSettings } from "./hooks/useSettings";
import { errorText } from "./labels";

export { AUTO_SCORE_UNSUPPORTED } from "./hooks/useAutoScore";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { margin: 0 },
});

/** The result view (Fluent's Table and Accordion) is a chunk: no result is shown at first. */
const loadResultView = () =>
  import(/* webpackChunkName: "result-view" */ "./components/ResultView").then((m) => m.ResultView);

const PROGRESS_VALUE: Readonly<Record<Progress["stage"], number>> = {
  read: 0.2,
  score: 0.5,
  write: 0.8,
  done: 1,
};

const BUSY_LABELS: Readonly<Record<Exclude<RunKind, "score-all">, string>> = {
  "score-active": "正在评分…",
  auto: "正在评分…",
  undo: "正在撤销…",
  "clear-marks": "正在清除标记…",
};

/** The task pane over a gateway: the Office.js one in Excel, a fake one in tests. */
export function TaskPane(props: { readonly gateway: ScoringGateway }) {
  return (
    <GatewayProvider gateway={props.gateway}>
      <TaskPaneBody />
    </GatewayProvider>
  );
}

/** What the pane shows; its state lives in the hooks (settings, runs, 自动评分). */
function TaskPaneBody() {
  const styles = useStyles();
  const gateway = useGateway();
  const unsupported = useUnsupported(gateway);
  const { busy, progress, report, error, setError, setProgress, run } = useRuns();
  const {
    settings,
    loaded: settingsLoaded,
    change: changeSettings,
  } = useSettings(gateway, setError);

  // The options a run uses; a ref so that the 自动评分 listener always scores with the current 规则.
  const options = useRef<ScoringOptions>({});
  options.current = {
    profile: settings.profile,
    promptTextInReasonCells: settings.promptTextInReasonCells,
  };
  const resultView = useAfterFirstRender(loadResultView);
  const ResultView = resultView.value;
  const autoScoreNote = useAutoScore(gateway, settings.autoScore, options, run, setError);

  const scoreActive = () => run("score-active", () => gateway.scoreActiveSheet(options.current));
  const scoreAll = () =>
    run("score-all", () => gateway.scoreAllSheets(options.current, (p) => setProgress(p)));
  const undo = () => run("undo", () => gateway.undo());
  const clearMarks = gateway.clearMarks?.bind(gateway);

  const select = useCallback(
    (sheet: string, cell: string) => {
      gateway
        .selectCell(sheet, cell)
        .catch((e: unknown) => setError(errorText(`选中 ${sheet}!${cell}`, e)));
    },
    [gateway, setError]
  );

  const chosen = useMemo<ChosenProfile[]>(() => {
    const seen = new Map<string, ChosenProfile>();
    for (const s of report?.sheets ?? [])
      for (const f of s.forms)
        seen.set(`${f.profile}|${f.profileReason}`, {
          profile: f.profile,
          reason: f.profileReason,
        });
    return [...seen.values()];
  }, [report]);

  const disabled = busy !== null || unsupported !== null;
  return (
    <main className={styles.pane}>
      <Title2 as="h1" className={styles.title}>
        绩效自评
      </Title2>
      {unsupported && (
        <MessageBar intent="warning">
          <MessageBarBody>{unsupported}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<DocumentCheckmarkRegular />}
          disabled={disabled}
          onClick={scoreActive}
        >
          评分当前表
        </Button>
        <Button icon={<DocumentMultipleRegular />} disabled={disabled} onClick={scoreAll}>
          批量评分
        </Button>
        <Button icon={<ArrowUndoRegular />} disabled={disabled} onClick={undo}>
          撤销本次评分
        </Button>
        {clearMarks && (
          <Button
            icon={<ClearFormattingRegular />}
            disabled={disabled}
            title="去掉批注和填充色，保留更正的数值、总分和等级，得到可提交的表；撤销本次评分仍可恢复原表"
            onClick={() => run("clear-marks", clearMarks)}
          >
            清除标记
          </Button>
        )}
        <ReportButton disabled={disabled} options={() => options.current} />
      </div>
      {busy === "score-all" ? (
        <Field label={progress?.message ?? "正在批量评分…"}>
          <ProgressBar
            aria-label="批量评分进度"
            value={progress ? PROGRESS_VALUE[progress.stage] : undefined}
          />
        </Field>
      ) : busy ? (
        <Spinner size="small" label={BUSY_LABELS[busy]} />
      ) : null}
      {error && (
        <MessageBar intent="error" aria-live="assertive">
          <MessageBarBody>
            <MessageBarTitle>出错了</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {report && !report.ok && !report.error && (
        <MessageBar intent="warning">
          <MessageBarBody>部分内容未能写入，详见下方“未写入”。</MessageBarBody>
        </MessageBar>
      )}
      <RulesPanel
        settings={settings}
        disabled={!settingsLoaded}
        chosen={chosen}
        autoScoreNote={autoScoreNote}
        onChange={changeSettings}
      />
      {report && ResultView ? (
        <ResultView report={report} onSelect={select} />
      ) : report && resultView.error ? (
        <MessageBar intent="error">
          <MessageBarBody>结果未能显示（{resultView.error}），请重新打开任务窗格。</MessageBarBody>
        </MessageBar>
      ) : report ? (
        <Spinner size="small" label="正在显示结果…" />
      ) : null}
    </main>
  );
}
