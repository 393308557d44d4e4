import {
  Body1,
  Button,
  Field,
  FluentProvider,
  ProgressBar,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { DropZone } from "./DropZone";
import { FileResult } from "./FileResult";
import { scoredName, zipAllUrl } from "./files";
import { SummaryTable } from "./SummaryTable";
import { useBooks } from "./useBooks";

const useStyles = makeStyles({
  page: {
    maxWidth: "1080px",
    margin: "0 auto",
    padding: tokens.spacingVerticalXXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
  },
  heading: { margin: 0 },
});

/**
 * The 网页版 (issue 19): workbooks picked or dropped are scored in a Web Worker, in this browser,
 * nothing uploaded; each shows its forms as the task pane does, its scored copy and its 自评报告
 * to download, and a summary across all files.
 */
export function App() {
  const styles = useStyles();
  const { books, progress, add, scorer } = useBooks();
  const done = books.filter((b) => b.scored);
  const busy = books.some((b) => b.state === "waiting" || b.state === "scoring");
  // every scored copy in one .zip, made again only when the set of scored books changes
  const allUrl = useMemo(
    () =>
      done.length > 1 && !busy
        ? zipAllUrl(done.map((b) => ({ name: scoredName(b.name), data: b.scored!.data })))
        : null,
    [done.length, busy]
  );
  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <main className={styles.page}>
        <Title2 as="h1" className={styles.heading}>
          项目支出绩效自评表评分（网页版）
        </Title2>
        <Body1 as="p">
          为项目支出绩效自评表评分，结果与 selfeval
          命令相同：每个工作簿得到一份评分副本（原文件不变）和自评报告。
        </Body1>
        <DropZone onFiles={add} />
        {progress && (
          <Field label={progress.text} validationState="none">
            <ProgressBar value={progress.value} max={1} aria-label="评分进度" />
          </Field>
        )}
        {books.length > 0 && <SummaryTable books={books} />}
        {allUrl && (
          <Button as="a" appearance="primary" href={allUrl} download="评分副本.zip">
            {`全部下载（${done.length} 个评分副本，评分副本.zip）`}
          </Button>
        )}
        {books.map((b) => (
          <FileResult key={b.key} book={b} scorer={scorer} />
        ))}
      </main>
    </FluentProvider>
  );
}
