/** The codec of the web build (see platformCodec.ts, which webpack.web.config.js swaps for this). */
export { browserCodec as platformCodec } from "./zipBrowser";
