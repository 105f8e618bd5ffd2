import type { Block, DocumentModel } from '../model';
import { BlockView, safeSealImage } from './blocks';
import { documentCss, type Medium } from './styles';
import { tablePaging } from './table-pages';
import { splitForm } from '../form-parts';

function Blocks({ blocks, doc, medium }: { blocks: Block[]; doc: DocumentModel; medium: Medium }) {
  const sealImage = safeSealImage(doc.letterhead.sealImageDataUrl);
  // Only the printed page is cut into pages; the website page shows each table whole.
  const paging = medium === 'print' ? tablePaging(doc) : undefined;
  return (
    <>
      {blocks.map((b, i) => (
        <BlockView key={i} block={b} layout={doc.layout} sealImage={sealImage} paging={paging} />
      ))}
    </>
  );
}

function Body({ doc, medium }: { doc: DocumentModel; medium: Medium }) {
  const unit = doc.letterhead.communityName;
  if (doc.layout === 'form') {
    const { framed, after } = splitForm(doc.blocks);
    return (
      <>
        {unit ? <div className="unit">{unit}</div> : null}
        <div className="head">
          <h1>{doc.title}</h1>
          {doc.serial ? <span className="serial">No. {doc.serial}</span> : null}
        </div>
        {doc.subtitle ? <div className="subtitle">{doc.subtitle}</div> : null}
        {framed.length ? (
          <div className="frame">
            <Blocks blocks={framed} doc={doc} medium={medium} />
          </div>
        ) : null}
        <div className="after">
          <Blocks blocks={after} doc={doc} medium={medium} />
        </div>
      </>
    );
  }
  return (
    <>
      {/* 版头: the issuing unit in red over a red rule (发文机关标志 and 版头分隔线). */}
      {unit ? (
        <>
          <div className="redhead">{unit}</div>
          {doc.layout === 'official' ? <div className="redline" /> : null}
        </>
      ) : null}
      <h1>{doc.title}</h1>
      {doc.subtitle ? <div className="subtitle">{doc.subtitle}</div> : null}
      <div className="title-gap" />
      <Blocks blocks={doc.blocks} doc={doc} medium={medium} />
    </>
  );
}

/** The whole HTML document: one file, CSS inline, no script, no external resource. */
export function DocumentPage({ doc, medium }: { doc: DocumentModel; medium: Medium }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        {medium === 'screen' ? <meta name="viewport" content="width=device-width, initial-scale=1" /> : null}
        <title>{doc.title}</title>
        {/* The CSS is ours (layouts, fonts, page-number words with `<` escaped); no user text is in it. */}
        <style dangerouslySetInnerHTML={{ __html: documentCss(doc, medium) }} />
      </head>
      <body>
        <div className={`sheet ${doc.layout}`}>
          {doc.stamp ? (
            <div className="stamp-row">
              <span className="stamp">{doc.stamp}</span>
            </div>
          ) : null}
          <Body doc={doc} medium={medium} />
        </div>
      </body>
    </html>
  );
}
