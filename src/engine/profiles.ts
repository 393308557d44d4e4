/**
 * Rule profiles (domain §5) as data. Numbers are decimal strings so that a profile can be
 * stored with a workbook or given on the command line and never passes through floats.
 */
export type ProfileId = "national" | "beijing" | "hubei" | "xinjiang" | "sichuan";

export interface Band {
  /** Lower bound as a fraction of the weight (included). */
  readonly min: string;
  readonly max: string;
}

export interface OvershootTier {
  /** (B − A) ÷ A from this fraction (included)… */
  readonly from: string;
  /** …to this one (excluded; null = no upper bound) */
  readonly to: string | null;
  /** deduct this fraction of the weight */
  readonly deduct: string;
}

export interface GradeCut {
  readonly min: string;
  readonly grade: string;
}

export interface Profile {
  readonly id: ProfileId;
  readonly name: string;
  readonly source: string;
  readonly decimals: number;
  readonly rounding: "half-up";
  readonly budgetWeight: string;
  /** capped = 分值 × min(rate, 1); deviation = xinjiang; none = the template scores nothing. */
  readonly budgetMethod: "capped" | "deviation" | "none";
  /** ratio = weight × min(A ÷ B, 1) (权重*A/B); linear = national, 0 from B ≥ 2A. */
  readonly negativeMethod: "ratio" | "linear";
  /** What 按照完成比例赋分 means for numbers. */
  readonly proportionalMethod: "directional" | "deviation";
  /** What '=' or a bare number means on a target. */
  readonly equalTarget: "atLeast";
  readonly bands: { readonly achieved: Band; readonly partial: Band; readonly failed: Band };
  /** 执行率 below this → budget-low-execution. */
  readonly lowExecution: string;
  /** (B − A) ÷ A at or above this → overshoot prompt. */
  readonly overshootPrompt: string;
  readonly overshootDeductions: readonly OvershootTier[];
  readonly grades: readonly GradeCut[];
  /** Measure words treated as the same. */
  readonly measureWordEquivalents: readonly (readonly string[])[];
  /** Hubei note 4: a satisfaction group left blank is left out. */
  readonly satisfactionOptional: boolean;
  /** The template carries weights and scores; false for sichuan (scores only with default weights). */
  readonly scoresIndicators: boolean;
  /** Score a weightless form with national default weights (sichuan, on request). */
  readonly useDefaultWeights: boolean;
  readonly defaultWeights: {
    readonly budget: string;
    readonly outputAndCost: string;
    readonly benefit: string;
    readonly satisfaction: string;
  };
  /** Execution rate below which every-indicator-met is inconsistent. */
  readonly inconsistentExecution: string;
}

const NATIONAL_BANDS = {
  achieved: { min: "0.8", max: "1" },
  partial: { min: "0.6", max: "0.8" },
  failed: { min: "0", max: "0.6" },
} as const;

const NATIONAL_GRADES: readonly GradeCut[] = [
  { min: "90", grade: "优" },
  { min: "80", grade: "良" },
  { min: "60", grade: "中" },
  { min: "0", grade: "差" },
];

const MEASURE_WORDS = [
  ["篇", "条", "稿"],
  ["次", "场"],
  ["个", "项"],
  ["人", "人次"],
] as const;

const national: Profile = {
  id: "national",
  name: "全国通用（财预〔2020〕10号）",
  source: "财预〔2020〕10号 项目支出绩效评价管理办法，预算管理一体化系统自动计分",
  decimals: 2,
  rounding: "half-up",
  budgetWeight: "10",
  budgetMethod: "capped",
  negativeMethod: "linear",
  proportionalMethod: "directional",
  equalTarget: "atLeast",
  bands: NATIONAL_BANDS,
  lowExecution: "0.9",
  overshootPrompt: "1",
  overshootDeductions: [],
  grades: NATIONAL_GRADES,
  measureWordEquivalents: MEASURE_WORDS,
  satisfactionOptional: false,
  scoresIndicators: true,
  useDefaultWeights: false,
  defaultWeights: { budget: "10", outputAndCost: "50", benefit: "30", satisfaction: "10" },
  inconsistentExecution: "0.5",
};

export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  national,
  beijing: {
    ...national,
    id: "beijing",
    name: "北京（丰台填报注意事项）",
    source: "丰台区项目支出绩效自评表 填报注意事项 1–4",
    negativeMethod: "ratio",
    // the form's own threshold: its deductions start at 200%, so do its prompts (004#5)
    overshootPrompt: "2",
    overshootDeductions: [
      { from: "2", to: "3", deduct: "0.1" },
      { from: "3", to: "5", deduct: "0.2" },
      { from: "5", to: null, deduct: "0.3" },
    ],
  },
  hubei: {
    ...national,
    id: "hubei",
    name: "湖北（武汉 20/80）",
    source: "东西湖区项目自评表 备注 1–4",
    budgetWeight: "20",
    negativeMethod: "ratio",
    bands: {
      achieved: { min: "0.8", max: "1" },
      partial: { min: "0.5", max: "0.8" },
      failed: { min: "0", max: "0.5" },
    },
    satisfactionOptional: true,
  },
  xinjiang: {
    ...national,
    id: "xinjiang",
    name: "新疆（昌吉 10/90）",
    source: "昌吉州项目支出绩效自评表（规则由填报得分推定，未公布规则原文）",
    budgetMethod: "deviation",
    proportionalMethod: "deviation",
  },
  sichuan: {
    ...national,
    id: "sichuan",
    name: "四川（仁和 完成率）",
    source: "仁和区项目支出绩效自评表（无分值、无得分，只计执行率与完成率）",
    budgetMethod: "none",
    scoresIndicators: false,
  },
};

export const PROFILE_IDS = Object.keys(PROFILES) as ProfileId[];

export function isProfileId(id: string): id is ProfileId {
  return Object.prototype.hasOwnProperty.call(PROFILES, id);
}

/** A profile with a user's overrides (规则 panel, --profile id with options); unknown keys are refused. */
export function withOverrides(base: Profile, overrides: Partial<Omit<Profile, "id">>): Profile {
  for (const key of Object.keys(overrides)) {
    if (!(key in base)) throw new Error(`未知的规则参数：${key}`);
  }
  return { ...base, ...overrides };
}
