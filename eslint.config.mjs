// Flat config for `office-addin-lint check` (office-addin-lint 3 uses ./eslint.config.mjs when the project
// has one, else its own). It starts from eslint-plugin-office-addins' React preset, which brings the
// Office.js rules (load before read, sync after load, no sync in a loop) and prettier.
import officeAddins from "eslint-plugin-office-addins";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

// Supplied at run time by office.js (loaded by script tag), typed by @types/office-js.
const officeGlobals = {
  Office: "readonly",
  Excel: "readonly",
  OfficeExtension: "readonly",
  OfficeRuntime: "readonly",
};

// The preset registers typescript-eslint (its own copy) for .ts files only; reuse that copy for .tsx,
// since one plugin name cannot be bound to two different objects.
const presetTsPlugin = officeAddins.configs.react.find((c) => c.plugins?.["@typescript-eslint"])
  ?.plugins["@typescript-eslint"];

export default [
  {
    ignores: ["dist/**", "dist-workbench/**", "node_modules/**", "coverage/**", "test-artifacts/**"],
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
        ...officeGlobals,
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
  {
    // The plain CommonJS config files at the root (webpack, jest).
    files: ["*.config.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
