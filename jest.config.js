// Jest runs TypeScript through swc: it strips types without checking them (`npm run typecheck` does that),
// which keeps a run over the seed workbooks fast.
// Node is the default environment; a component test opts into the DOM with a `@jest-environment jsdom` docblock.

/** @type {import('@swc/core').Options} */
const swcOptions = {
  jsc: {
    parser: { syntax: "typescript", tsx: true },
    transform: { react: { runtime: "automatic" } },
    target: "es2020",
  },
  module: { type: "commonjs" },
  sourceMaps: "inline",
};

/** @type {import('jest').Config} */
module.exports = {
  roots: ["<rootDir>/test"],
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  testEnvironment: "node",
  transform: {
    "^.+\\.(ts|tsx)$": ["@swc/jest", swcOptions],
    // the package reader-writer's libraries ship ES modules only: compiled to CommonJS for jest
    "/node_modules/.+\\.m?js$": ["@swc/jest", { ...swcOptions, sourceMaps: false }],
  },
  transformIgnorePatterns: [
    "/node_modules/(?!(htmlparser2|domhandler|domutils|domelementtype|dom-serializer|entities)/)",
  ],
  moduleFileExtensions: ["ts", "tsx", "js", "mjs", "json"],
  testTimeout: 30000,
};
