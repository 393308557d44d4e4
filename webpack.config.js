// Builds the task pane and the command surface into dist/, the way Office-Addin-TaskPane-React lays them out.
// office.js is not bundled: each page loads it from Microsoft's CDN, the only thing the add-in loads from outside.

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const devUrl = "https://localhost:3000/";

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

  const config = {
    devtool: "source-map",
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
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // tsconfig says commonjs for jest and tsx; the bundle needs ES modules to tree-shake Fluent UI.
              compilerOptions: { module: "esnext" },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
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
      assetFilter: (file) => file.endsWith(".js"),
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
