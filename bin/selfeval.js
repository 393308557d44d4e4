#!/usr/bin/env node
// The `selfeval` command. Runs the compiled CLI (lib/, built by `npm run build:cli`, which
// `npm install` runs through `prepare`), or the TypeScript sources through tsx when lib/ is absent.
const path = require("path");
const fs = require("fs");
const compiled = path.join(__dirname, "..", "lib", "cli", "main.js");
const { main } = fs.existsSync(compiled)
  ? require(compiled)
  : (require("tsx/cjs"), require(path.join(__dirname, "..", "src", "cli", "main.ts")));
main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
