import { renderToStaticMarkup } from 'react-dom/server';
import type { PrintablePage } from '../../reports/model';
import type { DocumentModel } from '../model';
import { pageSetup } from './page-setup';
import { DocumentPage } from './DocumentPage';

function html(doc: DocumentModel, medium: 'print' | 'screen'): string {
  return `<!doctype html>\n${renderToStaticMarkup(<DocumentPage doc={doc} medium={medium} />)}`;
}

/** The page Chromium or Electron prints: its own CSS gives paper, margins and page numbers. */
export function documentToPrintablePage(doc: DocumentModel): PrintablePage {
  const setup = pageSetup(doc);
  const m = setup.margin;
  return {
    html: html(doc, 'print'),
    headerTemplate: '',
    footerTemplate: '',
    landscape: setup.landscape,
    paper: setup.paper,
    margins: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` },
    cssPageBox: true,
  };
}

/** One self-contained HTML file for a website page: inline CSS, the QR as SVG, nothing loaded from elsewhere. */
export function documentToHtml(doc: DocumentModel): string {
  return html(doc, 'screen');
}
