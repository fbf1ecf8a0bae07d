import { AlignmentType, Document, Packer, Paragraph, TextRun, convertMillimetersToTwip } from 'docx';

/** The parts of an official document (公文) in the layout of GB/T 9704. */
export interface OfficialDocument {
  title: string;
  /** 发文字号, e.g. 青信访告〔2026〕K7M2 号 */
  number: string;
  /** 主送, e.g. "王小明：" or a unit's name. */
  addressee: string;
  /** Body paragraphs; each is indented two characters. */
  body: string[];
  issuer: string;
  /** 成文日期 in Chinese, e.g. 2026年3月2日 */
  date: string;
}

// GB/T 9704: title 2号小标宋 (22 pt), body 3号仿宋 (16 pt), 28 lines a page of 28 characters.
const TITLE_FONT = 'FZXiaoBiaoSong-B05S';
const BODY_FONT = 'FangSong_GB2312';
const TITLE_SIZE = 44; // half-points
const BODY_SIZE = 32;

const run = (text: string, opts: { font?: string; size?: number; bold?: boolean } = {}) =>
  new TextRun({
    text,
    font: { eastAsia: opts.font ?? BODY_FONT, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
    size: opts.size ?? BODY_SIZE,
    bold: opts.bold,
  });

const LINE = { line: 560, lineRule: 'exact' as const }; // 28 pt lines

export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const paragraphs = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...LINE, after: 280 }, children: [run(doc.title, { font: TITLE_FONT, size: TITLE_SIZE })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...LINE, after: 280 }, children: [run(doc.number)] }),
    new Paragraph({ spacing: LINE, children: [run(doc.addressee)] }),
    ...doc.body.map((text) => new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(text)] })),
    new Paragraph({ spacing: LINE, children: [] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: 1280 }, children: [run(doc.issuer)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: 1280 }, children: [run(doc.date)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: 1600 }, children: [run('（印章）')] }),
  ];
  const document = new Document({
    creator: 'Qiao 桥',
    title: doc.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        children: paragraphs,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** 2026-03-02 → 2026年3月2日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
