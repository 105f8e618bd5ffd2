// The document engine: areas build a DocumentModel and render it here.
export type { Block, DocumentModel, Inline, TextRun } from './model';
export { renderDocument, type DocumentFormat } from './render';
export { documentToDocx } from './docx';
export { documentToHtml, documentToPrintablePage } from './html/render';
export { assertNoPersonalData, findPersonalData, scanPublicOutput, type Finding, type ScannedFormat } from './public-scan';
