import { isProfileId, type ProfileId } from "../../engine/profiles";

/** The words of the scored workbook's layout, as data (pure). */

/** A profile as a finance report names it (the profile's full name is in its note and 规则). */
export const PROFILE_SHORT_NAMES: Readonly<Record<ProfileId, string>> = {
  national: "全国通用",
  beijing: "北京",
  hubei: "湖北",
  xinjiang: "新疆",
  sichuan: "四川",
};

export function profileShortName(id: string): string {
  return isProfileId(id) ? PROFILE_SHORT_NAMES[id] : id;
}

/** The author of every note the add-in writes. */
export const NOTE_AUTHOR = "绩效自评";

/** The footer of a printed summary: page number of page count (Excel's header/footer codes). */
export const SUMMARY_FOOTER = "&C第 &P 页，共 &N 页";

/** The chart of the grade distribution. */
export const GRADE_CHART_TITLE = "自评等级分布";

/** Rows the grade chart takes beside the grade counts (the summary leaves them free). */
export const CHART_ROWS = 16;
