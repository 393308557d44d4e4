/**
 * The codec of the platform this build runs on: Node's here. The web build (webpack.web.config.js)
 * replaces this module with platformCodec.browser.ts, so the browser bundle has no Node built-in.
 */
export { nodeCodec as platformCodec } from "./zipNode";
