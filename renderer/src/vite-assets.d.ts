/** Vite's `?url` imports: the URL of the emitted file (e.g. the pdf.js worker). */
declare module '*?url' {
  const url: string;
  export default url;
}
