// A published statement as the PDF a participant reads, in the program's language: who and which period, the
// statement's own number (and the one it replaces), the rules version, the points with every bonus in words, the
// tier and what the next one takes, the card top-ups, the balance, then every sales line. The same statement gives
// the same bytes: the document's date is the statement's publication.
import { PDF_FONTS, renderPdf } from '../pdf/pdf-document';
import { reportLanguage } from '../report-words';
import { localeFormat, type LocaleFormat } from './locale-format';
import { PAGE, PdfCursor } from './pdf-layout';
import type {
  PeriodStatementContent,
  PublishedStatement,
  StatementBonus,
  YearStatementContent,
} from './statement-types';
import { STATEMENT_WORDS, type StatementWords } from './statement-words';

interface Tools {
  w: StatementWords;
  f: LocaleFormat;
  pts: (n: number) => string;
  signedPts: (n: number) => string;
}

function toolsFor(statement: PublishedStatement): Tools {
  const { program } = statement.content;
  const w = STATEMENT_WORDS[reportLanguage(program.locale)];
  const f = localeFormat(program.locale, program.currency, program.minorDigits);
  return { w, f, pts: (n) => w.pointsUnit(f.points(n), n), signedPts: (n) => w.pointsUnit(f.signed(n), n) };
}

function header(c: PdfCursor, s: PublishedStatement, t: Tools, title: string, when: string): void {
  const { w, f } = t;
  const doc = c.doc;
  doc.font(PDF_FONTS.bold).fontSize(18).text(`${title}: ${when}`, PAGE.left, c.y, { lineBreak: false });
  c.y += 26;
  doc.fontSize(12).text(`${s.content.participant.name} (${s.content.participant.code})`, PAGE.left, c.y, {
    lineBreak: false,
  });
  c.y += 18;
  doc.font(PDF_FONTS.regular).fontSize(9);
  const lines = [
    `${w.program}: ${s.content.program.name}, ${s.content.program.client}`,
    w.statementNo(s.id, f.instant(s.publishedAt)),
    ...(s.replaces ? [w.replaces(s.replaces.id, f.instant(s.replaces.publishedAt))] : []),
    w.rulesVersion(s.content.rules.version, f.day(s.content.rules.createdAt)),
  ];
  if (s.content.kind === 'period') lines.push(w.approvedAt(f.instant(s.content.approval.approvedAt)));
  for (const line of lines) {
    doc.text(line, PAGE.left, c.y, { lineBreak: false });
    c.y += 13;
  }
  doc.fontSize(10);
}

function bonusWords(b: StatementBonus, t: Tools): string {
  const { w, f, pts, signedPts } = t;
  switch (b.kind) {
    case 'campaign':
      return w.campaignBonus(b.name ? `${b.name} (${b.id})` : b.id, f.pct(b.pct), signedPts(b.points));
    case 'tier':
      return w.tierBonusLine(b.name, f.pct(b.pct), signedPts(b.points));
    case 'target':
      return w.targetBonusLine(f.percentBp(b.attainmentBp), f.pct(b.pct), signedPts(b.points));
    case 'capCut':
      return w.capCutLine(b.capPoints === null ? '' : pts(b.capPoints), pts(-b.points));
    case 'prize':
      return w.prizeLine(b.name, b.place, signedPts(b.points));
    case 'adjustment':
      return w.adjustmentLine(signedPts(b.points));
    case 'correction':
      return w.correctionLine(signedPts(b.points));
  }
}

function periodBody(c: PdfCursor, content: PeriodStatementContent, t: Tools): void {
  const { w, f, pts, signedPts } = t;
  const g = content.figures;
  c.heading(w.summary);
  c.row(w.volume, f.money(g.volumeMinor));
  c.row(w.base, pts(g.base));
  c.row(w.campaign, pts(g.campaign));
  c.row(`${w.tierBonus}${g.tier ? ` (${g.tier.name}, +${f.pct(g.tier.pct)})` : ''}`, pts(g.tierBonus));
  c.row(w.target, g.targetMinor === null ? w.noTarget : f.money(g.targetMinor));
  c.row(w.promoted, f.money(g.promotedMinor));
  c.row(w.attainment, g.attainmentBp === null ? w.noTarget : f.percentBp(g.attainmentBp));
  c.row(w.targetBonus, pts(g.targetBonus));
  c.row(w.capCut, pts(g.capCut));
  c.row(w.earned, pts(g.earned), true);
  c.row(w.prize, pts(g.prize));
  c.row(w.total, pts(g.total), true);
  c.row(w.carry, signedPts(g.carry));
  c.row(w.adjustments, signedPts(g.adjustments));
  c.row(w.corrections, signedPts(g.corrections));
  c.row(w.payable, pts(g.payablePoints), true);
  c.row(w.paid, f.money(g.paidMinor), true);
  c.row(w.balance, pts(content.balancePoints), true);

  c.heading(w.bonusesTitle);
  if (content.bonuses.length === 0) c.paragraph(w.noBonuses);
  for (const b of content.bonuses) c.paragraph(bonusWords(b, t));
  for (const later of content.laterCorrections)
    c.paragraph(w.laterCorrection(signedPts(later.points), f.month(later.settledIn)));

  c.heading(w.tierTitle);
  c.paragraph(g.tier ? w.tierNow(g.tier.name) : w.noTierNow);
  const next = content.tierOutlook.nextPeriodTier;
  c.paragraph(next ? w.tierNext(next.name, f.pct(next.pct)) : w.noTierNext);
  const above = content.tierOutlook.above;
  c.paragraph(
    above
      ? w.tierAbove(above.name, f.pct(above.pct), f.money(above.missingMinor), f.money(above.minVolumeMinor))
      : w.tierTop,
  );

  c.heading(w.payoutsTitle);
  if (g.held === 'noDestination') c.paragraph(w.heldNoDestination);
  if (g.held === 'inactive') c.paragraph(w.heldInactive);
  if (content.payouts.length === 0 && g.held === null) c.paragraph(w.noPayout);
  for (const p of content.payouts)
    c.paragraph(
      w.payoutLine(
        f.money(p.amountMinor),
        pts(p.points),
        (p.method === 'card' ? w.card : w.transfer)(p.destination),
        p.reference,
      ) + w[p.status],
    );

  c.heading(w.linesTitle);
  if (content.lines.length === 0) c.paragraph(w.noLines);
  else
    c.table(
      [
        { header: w.date, width: 70, align: 'left' },
        { header: w.product, width: 175, align: 'left' },
        { header: w.quantity, width: 50, align: 'right' },
        { header: w.net, width: 90, align: 'right' },
        { header: w.points, width: 55, align: 'right' },
        { header: w.campaignPoints, width: 55, align: 'right' },
      ],
      content.lines.map((l) => [
        f.day(l.date),
        l.product ? `${l.sku} ${l.product}` : l.sku,
        f.points(l.quantity),
        f.money(l.netMinor),
        f.points(l.points),
        f.points(l.campaignPoints),
      ]),
    );
}

function yearBody(c: PdfCursor, content: YearStatementContent, t: Tools): void {
  const { w, f } = t;
  const row = (label: string, r: YearStatementContent['totals']) => [
    label,
    f.points(r.earned),
    f.points(r.prize),
    f.points(r.total),
    f.signed(r.adjustments + r.corrections),
    f.points(r.payablePoints),
    f.money(r.loadedMinor),
    f.money(r.failedMinor),
    f.points(r.balancePoints),
  ];
  c.heading(w.summary);
  c.table(
    [
      { header: w.period, width: 75, align: 'left' },
      { header: w.earned, width: 50, align: 'right' },
      { header: w.prize, width: 45, align: 'right' },
      { header: w.total, width: 50, align: 'right' },
      { header: w.corrections, width: 45, align: 'right' },
      { header: w.payable, width: 50, align: 'right' },
      { header: w.loadedMinor, width: 65, align: 'right' },
      { header: w.failedMinor, width: 60, align: 'right' },
      { header: w.balance, width: 55, align: 'right' },
    ],
    [...content.periods.map((p) => row(f.month(p.period), p)), row(w.totals, content.totals)],
    8,
  );
}

export async function statementPdf(statement: PublishedStatement): Promise<Buffer> {
  const t = toolsFor(statement);
  const { content } = statement;
  const title = content.kind === 'period' ? t.w.title : t.w.yearTitle;
  const when = content.kind === 'period' ? t.f.month(content.period) : content.year;
  return renderPdf(
    {
      title: `${title}: ${content.participant.name}, ${when}`,
      author: 'Loyalty Desk',
      lang: reportLanguage(content.program.locale),
      createdAt: new Date(statement.publishedAt),
    },
    (doc) => {
      const cursor = new PdfCursor(doc, (page) => `${t.w.madeFrom(statement.chainHead)} · ${t.w.page(page)}`);
      header(cursor, statement, t, title, when);
      if (content.kind === 'period') periodBody(cursor, content, t);
      else yearBody(cursor, content, t);
      cursor.drawFooter();
    },
  );
}
