// The document model: receipts, public notices (公示), certificates and minutes are documents, not tables.
// An area's builder returns a DocumentModel; the renderers in this folder turn the same model into PDF
// (an HTML page written in JSX, printed by Chromium) and DOCX (the `docx` package). Nothing here may import
// `electron`. Amounts are integer fen; renderers format them.

import type { ReportLetterhead } from '../reports/model';

/** A run of text inside a paragraph. */
export interface TextRun {
  text: string;
  bold?: boolean;
  underline?: boolean;
}

export type Inline = string | TextRun;

export type Block =
  /** A heading under the title. level 1 = 一、 level 2 = （一）, numbering is the author's text. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** Body text; indent = 2-character first-line indent (首行缩进两字符), the default for official documents. */
  | {
      kind: 'paragraph';
      content: Inline[];
      align?: 'left' | 'center' | 'right' | 'justify';
      indent?: boolean;
      /**
       * Wrapped lines start this many characters further in than the first line's text, e.g. 3 for 出席：…, so
       * that they align with the first name after the colon (GB/T 9704 纪要's 出席 / 请假 / 列席 blocks).
       */
      hanging?: number;
    }
  /** A table; `fen` columns hold integer fen and are printed as yuan with two decimals, right-aligned. */
  | {
      kind: 'table';
      columns: { header: string; kind?: 'text' | 'integer' | 'fen'; width?: number; align?: 'left' | 'center' | 'right' }[];
      rows: (string | number | null)[][];
      /** An optional last row (合计), same length as columns. */
      totals?: (string | number | null)[];
      caption?: string;
      /** The least height of a body row in millimetres (a 签到表 leaves room to sign by hand). */
      rowHeightMm?: number;
    }
  /** Label–value pairs laid out as a form (收据: 交款人 …, 金额（大写）…). */
  | { kind: 'fields'; fields: { label: string; value: string; wide?: boolean }[]; columns?: 1 | 2 }
  /** Signature lines: 主持人：____ 记录人：____, with an optional date under each. */
  | { kind: 'signatures'; signers: { role: string; name?: string; date?: string }[] }
  /** Where the unit's seal goes, with the unit name and date printed under it (落款). */
  | { kind: 'seal'; unitName: string; date: string }
  /** A QR code of `data` (a digest, a link), with a caption under it. */
  | { kind: 'qr'; data: string; caption?: string }
  /**
   * An amount on a receipt, printed in figures and in uppercase (小写 ¥1,234.56 / 大写 壹仟贰佰叁拾肆元伍角陆分).
   * The labels are the author's words (金额（小写） / 金额（大写）); `fen` is an integer, never negative.
   */
  | { kind: 'amount'; fen: number; figuresLabel: string; wordsLabel: string }
  /** A vertical gap, in lines. */
  | { kind: 'spacer'; lines?: number }
  /** Forces the next block onto a new page. */
  | { kind: 'pageBreak' };

export interface DocumentModel {
  /** Which template lays it out: an official document (GB/T 9704 minutes, notices) or a form (receipts). */
  layout: 'official' | 'form' | 'poster';
  /** Printed at the top; for 'official' in 小标宋 22pt centred. */
  title: string;
  /** Optional line under the title (文号 or 第 N 次会议). */
  subtitle?: string;
  /** A mark in the top corner: 复印件 on a reprint, 作废 on a voided receipt, 已更正 on a superseded notice. */
  stamp?: string;
  /** A form's serial number, printed in red at its top right (收据 No. 2026-000123). */
  serial?: string;
  /** A4 by default; A3 for the notice-board poster. */
  paper?: 'A4' | 'A3';
  orientation?: 'portrait' | 'landscape';
  letterhead: ReportLetterhead;
  blocks: Block[];
  /**
   * Marked public (公示, a website page): the rendered output is scanned for ID numbers, phones and
   * addresses and refused if one is found.
   */
  public?: boolean;
  /** Footer words, e.g. 第 {n} 页 / 共 {n} 页 as in TableReport.labels. */
  labels: { page: string; of: string };
  generatedAt: string;
}
