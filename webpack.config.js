// Builds the task pane and the command surface into dist/, the way Office-Addin-TaskPane-React lays them out.
// office.js is not bundled: each page loads it from Microsoft's CDN, the only thing the add-in loads from outside,
// or, with OFFICE_JS=local (an intranet without internet), from a copy of @microsoft/office-js in dist/office/.
// Everything, node_modules included, is compiled to ES2017 by swc: the old Edge engine (EdgeHTML 18) of
// Excel 2016/2019 parses it (issue 19); Internet Explorer 11 gets an ES5 message from taskpane.html instead.

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const devUrl = "https://localhost:3000/";

/** Where each page loads office.js from: Microsoft's CDN (the default) or the add-in's own folder. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office/office.js";

/**
 * The files of @microsoft/office-js that Excel's add-in runtime loads from beside office.js: the
 * loader, each Excel platform's script (Windows, Mac, web, iPad), the telemetry sink it asks for,
 * the app-to-file table of older hosts, and the strings in Chinese and English (office.js falls
 * back to en-us for a language it finds no file for). Debug builds and other hosts are left out.
 */
const OFFICE_JS_FILES = [
  "office.js",
  "excel-*.js",
  "excelwebapp-*.js",
  "excelios-*.js",
  "o15apptofilemappingtable.js",
  "es6-promise.js",
  "telemetry/oteljs_agave.js",
  "en-us/office_strings.js",
  "zh-cn/office_strings.js",
  "zh-tw/office_strings.js",
];

const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/** What every script, ours and node_modules', is compiled to: what the old Edge engine parses. */
const TARGET = "es2017";

/** swc for TypeScript (with JSX) and for the JavaScript of node_modules; helpers from @swc/helpers. */
function swcRule(test, syntax, exclude) {
  return {
    test,
    exclude,
    use: {
      loader: "swc-loader",
      options: {
        jsc: {
          parser: syntax === "typescript" ? { syntax, tsx: true } : { syntax },
          transform: { react: { runtime: "automatic" } },
          target: TARGET,
          externalHelpers: true,
        },
        // ES modules left as they are, for webpack to tree-shake Fluent UI
        sourceMaps: true,
      },
    },
  };
}

/**
 * The page's first script in three files rather than one (issue 12, firstRenderMs): React, Fluent UI
 * (with Griffel, tabster, Floating UI) and the pane's own code download and compile in parallel
 * (Chromium compiles each script off the main thread while it streams), where one file compiled on
 * one thread. Only initial code: chunks loaded later are left as webpack splits them.
 */
const splitInitialChunks = {
  cacheGroups: {
    react: {
      test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
      name: "react",
      chunks: "initial",
      enforce: true,
    },
    fluent: {
      test: /[\\/]node_modules[\\/](@fluentui|@griffel|tabster|keyborg|@floating-ui|stylis|rtl-css-js)[\\/]/,
      name: "fluent",
      chunks: "initial",
      enforce: true,
    },
  },
};

/**
 * HTTPS options for the dev server from office-addin-dev-certs (what Excel needs to sideload),
 * or null where no trusted certificate can be had (Linux without sudo): the server then falls back to http.
 */
async function devCertificates() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { ca, key, cert };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    console.warn(`office-addin-dev-certs unavailable (${reason}); serving over http.`);
    return null;
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const port = Number(process.env.npm_package_config_dev_server_port || 3000);
  // Where the built add-in will be hosted; manifest URLs are rewritten to it when set.
  const deployUrl = process.env.ADDIN_BASE_URL;
  const officeJs = (env.OFFICE_JS || process.env.OFFICE_JS || "cdn") === "local" ? "local" : "cdn";
  const officeJsSrc = officeJs === "local" ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;

  const config = {
    devtool: "source-map",
    // webpack's own runtime code written for the same engines as the modules
    target: ["web", TARGET],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks loaded after the first render (the scoring code, the result view, the .docx report)
      // are fetched from where taskpane.js itself was loaded: the add-in's own origin and folder.
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    optimization: { splitChunks: splitInitialChunks },
    module: {
      rules: [
        swcRule(/\.tsx?$/, "typescript", /node_modules/),
        // the helpers themselves are not compiled again (they would import themselves)
        swcRule(/\.m?js$/, "ecmascript", /node_modules[\\/]@swc[\\/]helpers[\\/]/),
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        templateParameters: { officeJsSrc },
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        templateParameters: { officeJsSrc },
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          ...(officeJs === "local"
            ? OFFICE_JS_FILES.map((from) => ({
                from,
                context: OFFICE_JS_DIST,
                // kept in their folders (zh-cn/, telemetry/): office.js asks for them there
                to: ({ absoluteFilename }) =>
                  `office/${path.relative(OFFICE_JS_DIST, absoluteFilename).split(path.sep).join("/")}`,
                globOptions: { ignore: ["**/*.debug.js"] },
                // Microsoft's files as shipped (already minified): not minified again, which took minutes
                info: { minimized: true },
              }))
            : []),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return production && deployUrl
                ? content.toString().split(devUrl).join(deployUrl.replace(/\/?$/, "/"))
                : content;
            },
          },
        ],
      }),
    ],
    performance: {
      // React 19 + Fluent UI v9 is several hundred KB before gzip; warn only past what a task pane should carry.
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("office/"),
    },
  };

  if (env.WEBPACK_SERVE) {
    const https = await devCertificates();
    config.devServer = {
      port,
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
    };
  }

  return config;
};

module.exports.splitInitialChunks = splitInitialChunks;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.TARGET = TARGET;
