export { buildReport, scoredForms } from "./build";
export type { Block, CheckItem, ProjectReport, ReportModel, Run } from "./model";
export { runsText } from "./model";
export type { ScoredForm } from "./project";
