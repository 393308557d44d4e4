/** The Web Worker's bundled code as text (webpack.web.config.js builds it first, then inlines it). */
declare module "web-worker-source" {
  const source: string;
  export default source;
}
