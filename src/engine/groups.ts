import { withoutWeightMarks } from "./text";

/** Canonical level-1 groups (一级指标). */
export type Level1 =
  | "产出指标"
  | "效益指标"
  | "满意度指标"
  | "成本指标"
  | "履职效能"
  | "完成指标"
  | "项目决策"
  | "项目过程"
  | "其他";

const LEVEL1_WORDS: readonly [RegExp, Level1][] = [
  // the common framework's groups (§9): 项目产出/项目效益 are 产出/效益, 项目管理 is 项目过程
  [/^(项目)?产出(指标)?$/, "产出指标"],
  [/^(项目)?效益(指标)?$/, "效益指标"],
  [/^(项目)?决策(指标)?$/, "项目决策"],
  [/^(项目)?过程(指标)?$|^项目管理(指标)?$/, "项目过程"],
  [/^(服务对象)?满意度(指标)?$/, "满意度指标"],
  [/^成本(指标)?$/, "成本指标"],
  [/^履职效能$/, "履职效能"],
  [/^完成指标$/, "完成指标"],
];

/** 效益指标（XX分）效益指标（20分） → 效益指标; 满意度\n指标\n（20分） → 满意度指标. */
export function canonicalLevel1(text: string): Level1 | null {
  const s = withoutWeightMarks(text);
  if (s === "") return null;
  for (const [re, name] of LEVEL1_WORDS) if (re.test(s)) return name;
  // template residue repeats the name: 效益指标效益指标
  for (const [re, name] of LEVEL1_WORDS) {
    const half = s.slice(0, s.length / 2);
    if (s.length % 2 === 0 && half + half === s && re.test(half)) return name;
  }
  return "其他";
}

/** Canonical level-2 names, with the known typos as synonyms. */
const LEVEL2_SYNONYMS: Readonly<Record<string, string>> = {
  数量指标: "数量指标",
  质量指标: "质量指标",
  时效指标: "时效指标",
  时效时间: "时效指标",
  成本指标: "成本指标",
  经济效益指标: "经济效益指标",
  社会效益指标: "社会效益指标",
  生态效益指标: "生态效益指标",
  可持续影响指标: "可持续影响指标",
  可持续影指标: "可持续影响指标",
  服务对象满意度指标: "服务对象满意度指标",
  服务对象满意度标: "服务对象满意度指标",
  满意度指标: "满意度指标",
  经济成本指标: "经济成本指标",
  社会成本指标: "社会成本指标",
  生态成本指标: "生态成本指标",
};

export function canonicalLevel2(text: string): string {
  const s = withoutWeightMarks(text);
  return LEVEL2_SYNONYMS[s] ?? s;
}

/**
 * The level 1 a level-2 name belongs to, where the name decides (domain §1): 数量/质量/时效/成本指标
 * belong to 产出指标 (or to a level-1 成本指标 where the form has one), 效益 names to 效益指标,
 * 服务对象满意度指标 to 满意度指标, 经济/社会/生态成本指标 to 成本指标.
 */
export function level1OfLevel2(level2: string, formHasCostLevel1: boolean): Level1 | null {
  switch (level2) {
    case "数量指标":
    case "质量指标":
    case "时效指标":
      return "产出指标";
    case "成本指标":
      return formHasCostLevel1 ? "成本指标" : "产出指标";
    case "经济效益指标":
    case "社会效益指标":
    case "生态效益指标":
    case "可持续影响指标":
      return "效益指标";
    case "服务对象满意度指标":
      return "满意度指标";
    case "经济成本指标":
    case "社会成本指标":
    case "生态成本指标":
      return "成本指标";
    default:
      return null;
  }
}
