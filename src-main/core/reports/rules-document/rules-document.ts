// The program's rules as a document for participants: every figure of one rules version (point value, budget, base
// rate, campaigns, tiers, target bands, cap, contests) and how payouts and corrections work, in sentences, in the
// program's language or another one. One document per version: its date is the version's, so the same version gives
// the same bytes.
import { AppError } from '../../app-error';
import type { CoreContext } from '../../context';
import { pointValueOfRules, requireProgram } from '../../program/program-store';
import type { Rules } from '../../program/program-config';
import { rulesOfVersion } from '../../scoring/load-scoring-input';
import { PDF_FONTS, renderPdf } from '../pdf/pdf-document';
import { reportLanguage, type ReportLanguage } from '../report-words';
import type { ReportFile } from '../report-types';
import { localeFormat } from '../statements/locale-format';
import { PAGE, PdfCursor } from '../statements/pdf-layout';
import { RULES_WORDS } from './rules-words';

/** The locale whose numbers a language's document uses: the program's own when it speaks it. */
function localeOf(language: ReportLanguage, programLocale: string): string {
  if (reportLanguage(programLocale) === language) return programLocale;
  return { en: 'en-GB', pl: 'pl-PL', ru: 'ru-RU' }[language];
}

export interface RulesDocumentOptions {
  /** The rules version; the one in force when not given. */
  version?: number;
  /** The language; the program's when not given. */
  lang?: ReportLanguage;
}

export async function rulesDocumentPdf(
  ctx: CoreContext,
  options: RulesDocumentOptions = {},
): Promise<ReportFile & { version: number; lang: ReportLanguage }> {
  const program = requireProgram(ctx);
  const version = options.version ?? program.rulesVersion;
  const row = ctx.store.sqlite
    .prepare('SELECT note, created_at AS at FROM rule_versions WHERE program_id = ? AND version = ?')
    .get(program.id, version) as { note: string; at: string } | undefined;
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      `There is no version ${version} of the program's rules; the versions are 1 to ${program.rulesVersion}.`,
    );
  const rules: Rules = rulesOfVersion(ctx, program.id, version);
  const pointValueMinor = pointValueOfRules(rules, program.initialPointValueMinor);
  const lang = options.lang ?? reportLanguage(program.locale);
  const w = RULES_WORDS[lang];
  const f = localeFormat(localeOf(lang, program.locale), program.currency.code, program.currency.minorDigits);
  const pts = (n: number) => w.pointsUnit(f.points(n), n);
  const plus = (pct: number) => `+${f.pct(pct)}`;

  const bytes = await renderPdf(
    { title: `${w.title}: ${program.name}`, author: 'Loyalty Desk', lang, createdAt: new Date(row.at) },
    (doc) => {
      const c = new PdfCursor(
        doc,
        (page) => `${program.name} · ${w.version(version, f.day(row.at))} · ${w.page(page)}`,
      );
      doc.font(PDF_FONTS.bold).fontSize(18).text(`${w.title}: ${program.name}`, PAGE.left, c.y, { lineBreak: false });
      c.y += 26;
      doc.font(PDF_FONTS.regular).fontSize(10);
      c.paragraph(w.version(version, f.instant(row.at)));
      c.paragraph(w.note(row.note));
      c.gap();
      c.paragraph(w.intro(program.name, program.client, f.day(`${program.firstPeriod}-01`)));

      c.heading(w.pointValueTitle);
      c.paragraph(w.pointValue(f.money(pointValueMinor)));
      c.paragraph(rules.budget ? w.budget(f.money(rules.budget.perPeriodMinor)) : w.noBudget);

      c.heading(w.salesTitle);
      c.paragraph(w.baseRate(pts(rules.baseRate.points), f.money(rules.baseRate.perMinor)));
      for (const r of rules.productRates) c.paragraph(w.productRate(r.sku, pts(r.pointsPerUnit)));
      c.paragraph(w.notPromoted);
      c.paragraph(w.returns);

      c.heading(w.campaignsTitle);
      if (rules.campaigns.length === 0) c.paragraph(w.noCampaigns);
      for (const k of rules.campaigns)
        c.paragraph(
          w.campaign(
            k.name ? `${k.name} (${k.id})` : k.id,
            k.productGroup,
            f.day(k.from),
            f.day(k.to),
            plus(k.bonusPct),
          ),
        );
      if (rules.campaigns.length > 1) c.paragraph(w.campaignsAdd);

      c.heading(w.tiersTitle);
      if (rules.tiers.length === 0) c.paragraph(w.noTiers);
      else {
        c.paragraph(w.tiersIntro);
        for (const t of [...rules.tiers].sort((a, b) => b.minVolumeMinor - a.minVolumeMinor))
          c.paragraph(w.tier(t.name, f.money(t.minVolumeMinor), plus(t.bonusPct)));
        c.paragraph(w.tiersNone);
      }

      c.heading(w.targetsTitle);
      if (rules.targetBands.length === 0) c.paragraph(w.noTargets);
      else {
        c.paragraph(w.targetsIntro);
        for (const b of [...rules.targetBands].sort((x, y) => y.minAttainmentBp - x.minAttainmentBp))
          c.paragraph(w.band(f.percentBp(b.minAttainmentBp), plus(b.bonusPct)));
      }

      c.heading(w.capTitle);
      c.paragraph(rules.capPointsPerPeriod === null ? w.noCap : w.cap(pts(rules.capPointsPerPeriod)));

      c.heading(w.contestsTitle);
      if (rules.contests.length === 0) c.paragraph(w.noContests);
      for (const k of rules.contests)
        c.paragraph(w.contest(k.name, k.prizes.map((p, i) => w.place(i + 1, pts(p))).join(w.and)));

      c.heading(w.payoutsTitle);
      c.paragraph(w.payouts(f.money(pointValueMinor)));
      if (rules.payout.requiresDestination) c.paragraph(w.requiresDestination);
      if (rules.payout.requiresActive) c.paragraph(w.requiresActive);
      if (rules.budget) c.paragraph(w.overBudget);
      c.paragraph(w.failed);

      c.heading(w.correctionsTitle);
      c.paragraph(w.corrections);
      c.paragraph(w.statements);
      c.drawFooter();
    },
  );
  const slug = program.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'program';
  return { fileName: `${slug}-rules-v${version}-${lang}.pdf`, bytes: new Uint8Array(bytes), version, lang };
}
