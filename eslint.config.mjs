// Flat config for `office-addin-lint check` (office-addin-lint 3 uses ./eslint.config.mjs when the project
// has one, else its own). It starts from eslint-plugin-office-addins' React preset, which brings the
// Office.js rules (load before read, sync after load, no sync in a loop) and prettier.
import officeAddins from "eslint-plugin-office-addins";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

// Supplied at run time by office.js (loaded by script tag), typed by @types/office-js. Only the
// gateway (src/host/excel), the entry points and the fake of Excel may name them.
const officeGlobals = {
  Office: "readonly",
  Excel: "readonly",
  OfficeExtension: "readonly",
  OfficeRuntime: "readonly",
};
const OFFICE_FILES = [
  "src/host/excel/**",
  "src/taskpane/index.tsx",
  "src/commands/**",
  "fake-excel/**",
  "workbench/**",
  "test/**",
  "bench/**",
];
const noOfficeGlobals = Object.keys(officeGlobals).map((name) => ({
  name,
  message: "Office.js belongs to src/host/excel (and the entry points); call the gateway instead.",
}));

// What each layer may import (docs/architecture.md has the table). Matched on the import text,
// so that "../form/grid" and "../../form/grid" are the same layer.
const layer = (name) => `(^|/)(src/)?${name}(/|$)`;
const ours = {
  form: { regex: layer("form"), message: "" },
  hostExcel: { regex: layer("host/excel"), message: "" },
  hostXlsx: { regex: layer("host/xlsx"), message: "" },
  cli: { regex: layer("cli"), message: "" },
  taskpane: { regex: layer("taskpane"), message: "" },
  commands: { regex: layer("commands"), message: "" },
  report: { regex: layer("report"), message: "" },
};
const forbid = (layerName, keys, extra = []) => [
  ...keys.map((k) => ({
    regex: ours[k].regex,
    message: `${layerName} may not import ${k} (see docs/architecture.md)`,
  })),
  ...extra,
];
const NODE_BUILTINS = {
  regex: "^(node:)?(fs|path|os|zlib|child_process|worker_threads|crypto|stream|url|util)(/|$)",
  message: "Node built-ins only in src/host/xlsx and src/cli: this code runs in a browser too.",
};
// The Node-only modules of src/host/xlsx (the rest runs in the browser too).
const HOST_XLSX_NODE = [
  "src/host/xlsx/package/zipNode.ts",
  "src/host/xlsx/package/platformCodec.ts",
  "src/host/xlsx/readFile.ts",
];
const NODE_BUILTINS_SHARED = {
  regex:
    "^(node:)?(fs|path|os|zlib|child_process|worker_threads|crypto|stream|url|util|yauzl)(/|$)",
  message:
    "shared with the browser: Node's zip codec is package/zipNode.ts, files are read in readFile.ts",
};
const ONLY_DECIMAL = {
  regex: "^(?!\\.|decimal\\.js$)",
  message: "pure code: of the packages, only decimal.js",
};
const layerRules = [
  {
    // A1 addresses and rectangles: the bottom layer, imported by every other one; imports nothing.
    files: ["src/address/**"],
    patterns: [
      {
        regex: "^(?!\\./)",
        message: "src/address imports nothing but its own files (see docs/architecture.md)",
      },
    ],
  },
  {
    files: ["src/engine/**"],
    patterns: forbid(
      "engine",
      ["form", "report", "hostExcel", "hostXlsx", "cli", "taskpane", "commands"],
      [ONLY_DECIMAL]
    ),
  },
  {
    files: ["src/form/**"],
    patterns: forbid(
      "form",
      ["report", "hostExcel", "hostXlsx", "cli", "taskpane", "commands"],
      [ONLY_DECIMAL]
    ),
  },
  {
    // The 自评报告: pure, from scored forms to a model and a .docx (docx runs in Node and browsers).
    files: ["src/report/**"],
    patterns: forbid(
      "report",
      ["hostExcel", "hostXlsx", "cli", "taskpane", "commands"],
      [
        {
          regex: "^(?!\\.|decimal\\.js$|docx$)",
          message: "report: of the packages, decimal.js and docx",
        },
      ]
    ),
  },
  {
    // The package reader-writer serves the command and the 网页版: no Node built-in and no yauzl
    // but in Node's own modules (its zip codec, the file reader).
    files: ["src/host/xlsx/**"],
    ignores: HOST_XLSX_NODE,
    patterns: forbid(
      "host/xlsx",
      ["hostExcel", "cli", "taskpane", "commands"],
      [
        { regex: "^\\.\\./excel(/|$)", message: "host/xlsx may not import hostExcel" },
        NODE_BUILTINS_SHARED,
      ]
    ),
  },
  {
    files: HOST_XLSX_NODE,
    patterns: forbid(
      "host/xlsx",
      ["hostExcel", "cli", "taskpane", "commands"],
      [{ regex: "^\\.\\./excel(/|$)", message: "host/xlsx may not import hostExcel" }]
    ),
  },
  {
    // The 网页版: a static page over the shared package code and the pane's components.
    files: ["src/web/**"],
    patterns: forbid(
      "web",
      ["cli", "commands"],
      [
        NODE_BUILTINS_SHARED,
        {
          regex: "(^|/)host/excel/(?!report$)",
          message: "the web page takes from host/excel only report.ts (the pane's RunReport, pure)",
        },
        {
          regex: "(^|/)taskpane/(?!components/)",
          message: "the web page imports only the task pane's components",
        },
      ]
    ),
  },
  {
    files: ["src/host/excel/**"],
    patterns: forbid(
      "host/excel",
      ["hostXlsx", "cli", "taskpane", "commands"],
      [NODE_BUILTINS, { regex: "^\\.\\./xlsx(/|$)", message: "host/excel may not import hostXlsx" }]
    ),
  },
  {
    files: ["src/cli/**"],
    patterns: forbid("cli", ["hostExcel", "taskpane", "commands"]),
  },
  {
    files: ["src/taskpane/**"],
    ignores: ["src/taskpane/index.tsx"],
    patterns: forbid(
      "taskpane",
      ["form", "hostXlsx", "cli", "commands"],
      [
        NODE_BUILTINS,
        {
          regex: "(^|/)host/excel/(?!contract$)",
          message: "the task pane imports only host/excel/contract (index.tsx creates the gateway)",
        },
      ]
    ),
  },
  {
    files: ["src/taskpane/index.tsx", "src/commands/**"],
    patterns: forbid("entry point", ["form", "hostXlsx", "cli"], [NODE_BUILTINS]),
  },
].map(({ files, ignores, patterns }) => ({
  files,
  ...(ignores ? { ignores } : {}),
  rules: { "no-restricted-imports": ["error", { patterns }] },
}));

// The preset registers typescript-eslint (its own copy) for .ts files only; reuse that copy for .tsx,
// since one plugin name cannot be bound to two different objects.
const presetTsPlugin = officeAddins.configs.react.find((c) => c.plugins?.["@typescript-eslint"])
  ?.plugins["@typescript-eslint"];

export default [
  {
    ignores: [
      "dist/**",
      "dist-workbench/**",
      "dist-web/**",
      "node_modules/**",
      "coverage/**",
      "test-artifacts/**",
    ],
  },
  ...officeAddins.configs.react,
  {
    // The preset parses .js/.ts with the TypeScript parser; give .jsx/.tsx the same.
    files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        ...globals.node,
        ...globals.jest,
      },
    },
    settings: { react: { version: "detect" } },
    rules: {
      // Automatic JSX runtime (tsconfig "jsx": "react-jsx"): no `import React` needed.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      // Props are typed; no runtime prop-types.
      "react/prop-types": "off",
    },
  },
  // In TypeScript files, turn off the core rules the compiler already enforces better
  // (no-undef, no-redeclare for `const X` + `type X`, …), as typescript-eslint recommends.
  tsPlugin.configs["flat/eslint-recommended"],
  {
    // The core rule counts the parameter names of a function *type* as unused variables;
    // the typescript-eslint rule understands types.
    files: ["**/*.tsx"],
    plugins: { "@typescript-eslint": presetTsPlugin },
  },
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    rules: {
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  { files: OFFICE_FILES, languageOptions: { globals: officeGlobals } },
  {
    files: ["src/**"],
    ignores: OFFICE_FILES,
    rules: { "no-restricted-globals": ["error", ...noOfficeGlobals] },
  },
  ...layerRules,
  {
    // The plain CommonJS config files at the root (webpack, jest).
    files: ["*.config.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
