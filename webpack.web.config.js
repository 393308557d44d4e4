// Builds the 网页版 (issue 19) into dist-web/: index.html and one classic script, so that the page
// runs opened by double-clicking index.html (file://: no module scripts, no worker from a file) as
// well as from any static web server, and loads nothing from the network.
//
// Two builds, in order: the Web Worker (src/web/worker.ts) into .web-build/worker.js, then the page,
// which inlines that file as text (the `web-worker-source` module) and starts the worker from a
// Blob URL. In both, the package's platform codec (platformCodec.ts: yauzl + node:zlib) is swapped
// for the browser's (platformCodec.browser.ts: zipDirectory.ts + fflate). Nothing is split into
// chunks: a chunk would be loaded from a URL, which a Blob worker cannot resolve.

const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const WORKER_DIR = path.resolve(__dirname, ".web-build");

const shared = (mode) => ({
  mode,
  devtool: false,
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
    new webpack.NormalModuleReplacementPlugin(
      /[\\/]platformCodec$|^\.\/platformCodec$/,
      (resource) => {
        resource.request = resource.request.replace(/platformCodec$/, "platformCodec.browser");
      }
    ),
    new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
    new webpack.DefinePlugin({ "process.env.NODE_ENV": JSON.stringify(mode) }),
  ],
  performance: { hints: false },
});

module.exports = (env, argv) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const worker = {
    ...shared(mode),
    name: "worker",
    target: "webworker",
    entry: { worker: "./src/web/worker.ts" },
    output: { path: WORKER_DIR, filename: "worker.js", clean: true },
  };
  const base = shared(mode);
  const page = {
    ...base,
    name: "page",
    dependencies: ["worker"],
    target: "web",
    entry: { web: "./src/web/main.tsx" },
    output: { path: path.resolve(__dirname, "dist-web"), filename: "web.js", clean: true },
    resolve: {
      ...base.resolve,
      alias: { "web-worker-source$": path.join(WORKER_DIR, "worker.js") },
    },
    module: {
      rules: [
        ...base.module.rules,
        { test: /[\\/]\.web-build[\\/]worker\.js$/, type: "asset/source" },
      ],
    },
    plugins: [
      ...base.plugins,
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/web/index.html",
        scriptLoading: "blocking",
        inject: "body",
      }),
    ],
  };
  return [worker, page];
};
