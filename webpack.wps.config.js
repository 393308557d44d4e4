// Builds the WPS 加载项 into dist-wps/: a folder WPS 表格 loads as it is (online from a web server,
// or offline from the user's jsaddons folder). The same React task pane as the Excel add-in, over
// the WPS gateway (src/taskpane/wps.tsx); ribbon.xml, the hidden main page with the ribbon's
// callbacks (wps/index.html, wps/main.js), the icons, publish.xml and jsplugins.xml examples, and
// the check script for a real WPS machine (wps/check.js). No office.js: WPS gives the page `wps`.

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { splitInitialChunks } = require("./webpack.config.js");

module.exports = (_env, argv) => ({
  mode: argv.mode || "production",
  devtool: "source-map",
  entry: { taskpane: "./src/taskpane/wps.tsx" },
  output: {
    path: path.resolve(__dirname, "dist-wps"),
    filename: "[name].js",
    publicPath: "auto",
    clean: true,
  },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  optimization: { splitChunks: splitInitialChunks },
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
      filename: "taskpane.html",
      template: "./wps/taskpane.html",
      chunks: ["taskpane"],
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/*.png", to: "assets/[name][ext]" },
        { from: "wps/ribbon.xml", to: "ribbon.xml" },
        { from: "wps/index.html", to: "index.html" },
        { from: "wps/main.js", to: "main.js" },
        { from: "wps/check.js", to: "check.js" },
        { from: "wps/publish.xml", to: "publish.example.xml" },
        { from: "wps/jsplugins.xml", to: "jsplugins.example.xml" },
      ],
    }),
  ],
  performance: {
    maxEntrypointSize: 1024 * 1024,
    maxAssetSize: 1024 * 1024,
    assetFilter: (file) => file.endsWith(".js"),
  },
});
