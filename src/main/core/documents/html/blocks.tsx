import type { CSSProperties, ReactNode } from 'react';
import { fenToChineseUppercase } from '../../../../shared/values/money-words';
import { formatFen } from '../../../../shared/values/money';
import type { Block, DocumentModel, Inline } from '../model';
import { qrMatrix } from '../qr';
import { pageTable, type TablePaging } from './table-pages';

// One component per block kind. Every text reaches the page as a React child, so react-dom/server escapes it;
// nothing here sets inner HTML.

type Layout = DocumentModel['layout'];
type TableBlock = Extract<Block, { kind: 'table' }>;
type Cell = string | number | null;

function InlineRun({ run }: { run: Inline }) {
  if (typeof run === 'string') return <>{run}</>;
  const style = run.underline ? { textDecoration: 'underline' } : undefined;
  return run.bold ? <strong style={style}>{run.text}</strong> : <span style={style}>{run.text}</span>;
}

/** Table cells: fen columns as yuan with two decimals (no ¥ in a column headed 金额（元）). */
export function cellText(value: Cell, kind: 'text' | 'integer' | 'fen' | undefined): string {
  if (value === null || value === undefined) return '';
  if (kind === 'fen' && typeof value === 'number') return formatFen(value, { symbol: false });
  return String(value);
}

export function columnAlign(col: TableBlock['columns'][number]): 'left' | 'center' | 'right' {
  return col.align ?? (col.kind === 'fen' || col.kind === 'integer' ? 'right' : 'left');
}

function TableView({ block, paging }: { block: TableBlock; paging?: TablePaging }) {
  const widths = block.columns.map((c) => Math.max(1, c.width ?? 10));
  const sum = widths.reduce((a, b) => a + b, 0);
  const texts = (cells: Cell[]) => block.columns.map((col, i) => cellText(cells[i] ?? null, col.kind));
  const row = (cells: Cell[]) =>
    texts(cells).map((text, i) => (
      <td key={i} className={`a-${columnAlign(block.columns[i])}${block.columns[i].kind === 'fen' ? ' num' : ''}`}>
        {text}
      </td>
    ));
  // Printed, a long table becomes one table per page (table-pages.ts); otherwise one table that flows.
  const paged = paging ? pageTable(block, paging, texts) : null;
  const leastRow = block.rowHeightMm ? ({ '--least-row': `${block.rowHeightMm}mm` } as CSSProperties) : undefined;
  const pages = paged?.pages ?? [{ start: 0, end: block.rows.length, totals: Boolean(block.totals) }];
  return (
    <>
      {pages.map((page, p) => (
        // The least row height once on the table (styles.ts), not on each of thousands of rows: an element with
        // a style attribute of its own cannot share its computed style with its neighbours.
        <table key={p} className={paged ? 'grid paged' : 'grid'} style={leastRow}>
          {block.caption && p === 0 ? <caption>{block.caption}</caption> : null}
          <colgroup>
            {widths.map((w, i) => (
              <col key={i} style={{ width: `${((w / sum) * 100).toFixed(2)}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.columns.map((c, i) => (
                <th key={i}>{c.header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.slice(page.start, page.end).map((r, i) => (
              <tr key={i}>{row(r)}</tr>
            ))}
            {block.totals && page.totals ? <tr className="totals">{row(block.totals)}</tr> : null}
          </tbody>
        </table>
      ))}
    </>
  );
}

/** Label–value pairs: a bordered grid inside a form, label：value lines elsewhere. */
function FieldsView({ block, layout }: { block: Extract<Block, { kind: 'fields' }>; layout: Layout }) {
  const columns = block.columns ?? (layout === 'form' ? 2 : 1);
  if (layout === 'form') {
    // Pairs fill rows of `columns` pairs; a wide pair takes a row of its own.
    const rows: (typeof block.fields)[] = [];
    for (const f of block.fields) {
      const last = rows[rows.length - 1];
      if (!f.wide && last && last.length < columns && !last[0].wide) last.push(f);
      else rows.push([f]);
    }
    return (
      <table className="fields-grid">
        <tbody>
          {rows.map((pairs, i) => (
            <tr key={i}>
              {pairs.flatMap((f, j) => [
                <td key={`l${j}`} className="label">
                  {f.label}
                </td>,
                <td key={`v${j}`} colSpan={pairs.length < columns ? (columns - pairs.length) * 2 + 1 : 1}>
                  {f.value}
                </td>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  // GB/T 9704 出席/请假/列席: two characters in, wrapped lines aligned after the colon.
  const hanging = (label: string) => {
    const width = [...label].length + 1; // the label and its colon
    return layout === 'official' ? { paddingLeft: `${2 + width}em`, textIndent: `-${width}em` } : undefined;
  };
  return (
    <div className={`fields cols-${columns}`}>
      {block.fields.map((f, i) => (
        <div key={i} className={f.wide ? 'wide' : undefined} style={hanging(f.label)}>
          <span className="label">{f.label}：</span>
          {f.value}
        </div>
      ))}
    </div>
  );
}

function AmountView({ block, layout }: { block: Extract<Block, { kind: 'amount' }>; layout: Layout }) {
  const words = fenToChineseUppercase(block.fen, true);
  const figures = formatFen(block.fen);
  if (layout === 'form') {
    return (
      <table className="amount">
        <tbody>
          <tr>
            <td className="label">{block.wordsLabel}</td>
            <td className="words">{words}</td>
            <td className="label short">{block.figuresLabel}</td>
            <td className="figures num">{figures}</td>
          </tr>
        </tbody>
      </table>
    );
  }
  return (
    <p className="amount indent">
      {block.wordsLabel}：{words}　{block.figuresLabel}：{figures}
    </p>
  );
}

function Signatures({ block }: { block: Extract<Block, { kind: 'signatures' }> }) {
  return (
    <div className="signatures">
      {block.signers.map((s, i) => (
        <div key={i} className="signer">
          <div>
            {s.role}：<span className="line">{s.name ?? ''}</span>
          </div>
          {s.date ? <div className="date">{s.date}</div> : null}
        </div>
      ))}
    </div>
  );
}

/** Only inline PNG/JPEG: a remote URL would make the printing browser reach the network. */
export function safeSealImage(dataUrl: string | undefined): string | undefined {
  return dataUrl && /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(dataUrl) ? dataUrl : undefined;
}

function Seal({ block, sealImage }: { block: Extract<Block, { kind: 'seal' }>; sealImage?: string }) {
  return (
    <div className="seal">
      <div className="block">
        {sealImage ? <img alt="" src={sealImage} /> : null}
        <div>{block.unitName}</div>
        <div>{block.date}</div>
      </div>
    </div>
  );
}

export function QrCode({ data, caption, sizeMm }: { data: string; caption?: string; sizeMm: number }) {
  const m = qrMatrix(data);
  return (
    <div className="qr">
      <div className="code">
        <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${m.size} ${m.size}`} width={`${sizeMm}mm`} height={`${sizeMm}mm`} shapeRendering="crispEdges">
          <rect width={m.size} height={m.size} fill="#fff" />
          <path d={m.path} fill="#000" />
        </svg>
        {caption ? <div className="caption">{caption}</div> : null}
      </div>
    </div>
  );
}

const QR_MM: Record<Layout, number> = { official: 25, form: 22, poster: 50 };

/** `paging` is given when printing: a table longer than a few pages is then cut into page-sized tables (table-pages.ts). */
export function BlockView({ block, layout, sealImage, paging }: { block: Block; layout: Layout; sealImage?: string; paging?: TablePaging }): ReactNode {
  switch (block.kind) {
    case 'heading': {
      const Tag = (['h2', 'h3', 'h4'] as const)[block.level - 1];
      return layout === 'form' ? <div className="heading">{block.text}</div> : <Tag>{block.text}</Tag>;
    }
    case 'paragraph': {
      // Official and poster text is indented two characters unless the author says not; a form's only when asked.
      const indent = block.indent ?? layout !== 'form';
      // A hanging paragraph: the whole block moves in by the hanging width and its first line back out.
      const hang = block.hanging ? { paddingLeft: `${(indent ? 2 : 0) + block.hanging}em`, textIndent: `-${block.hanging}em` } : undefined;
      return (
        <p className={[indent ? 'indent' : '', block.align ? `a-${block.align}` : ''].filter(Boolean).join(' ') || undefined} style={hang}>
          {block.content.map((run, i) => (
            <InlineRun key={i} run={run} />
          ))}
        </p>
      );
    }
    case 'table':
      return <TableView block={block} paging={paging} />;
    case 'fields':
      return <FieldsView block={block} layout={layout} />;
    case 'amount':
      return <AmountView block={block} layout={layout} />;
    case 'signatures':
      return <Signatures block={block} />;
    case 'seal':
      return <Seal block={block} sealImage={sealImage} />;
    case 'qr':
      return <QrCode data={block.data} caption={block.caption} sizeMm={QR_MM[layout]} />;
    case 'spacer':
      return <div className="spacer" style={{ height: `${(block.lines ?? 1) * 1.6}em` }} />;
    case 'pageBreak':
      return <div className="page-break" />;
  }
}
