// The workbench page: the real task pane beside a sheet view, over the strict fake Excel API.
// Built for production like the add-in (the same loader and tree-shaking), into dist-workbench/.
// No office.js: the fake supplies the Excel and Office globals.

const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { splitInitialChunks } = require("../webpack.config.js");

const root = path.resolve(__dirname, "..");

module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode || "production",
  devtool: "source-map",
  context: root,
  entry: { workbench: "./workbench/page.tsx" },
  output: {
    path: env.outDir || path.join(root, "dist-workbench"),
    filename: "[name].js",
    clean: true,
  },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: { transpileOnly: true, compilerOptions: { module: "esnext" } },
        },
      },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({
      filename: "index.html",
      template: "./workbench/index.html",
      chunks: ["workbench"],
    }),
  ],
  // React, Fluent UI and the page's own code as three scripts, as the add-in ships (webpack.config.js)
  optimization: { splitChunks: splitInitialChunks },
  performance: { hints: false },
});
