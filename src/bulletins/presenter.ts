import type { Bulletin } from './model.js';
import type { BulletinBody, PublicBulletinBody } from './schema.js';

function facts(b: Bulletin) {
  return {
    openAtEnd: b.facts.openAtEnd,
    openedDuring: b.facts.openedDuring,
    closedDuring: b.facts.closedDuring,
    byCategory: { ...b.facts.byCategory } as Record<string, number>,
    byLevel: { ...b.facts.byLevel } as Record<string, number>,
    figures: { ...b.facts.figures },
  };
}

export function presentBulletin(b: Bulletin): BulletinBody {
  return {
    id: b.id,
    jurisdictionCode: b.jurisdictionCode,
    jurisdictionNameZh: b.facts.unit.nameZh,
    jurisdictionNameEn: b.facts.unit.nameEn,
    period: b.period,
    status: b.status,
    titleZh: b.titleZh,
    titleEn: b.titleEn,
    textZh: b.textZh,
    textEn: b.textEn,
    facts: facts(b),
    draftedBy: b.draftedBy,
    draftedAt: b.draftedAt,
    approvedBy: b.approvedBy,
    approvedAt: b.approvedAt,
    publishedAt: b.publishedAt,
    updatedAt: b.updatedAt,
  };
}

/** The public shape: the published text and figures, no officer ids. */
export function presentPublicBulletin(b: Bulletin): PublicBulletinBody {
  return {
    id: b.id,
    jurisdictionCode: b.jurisdictionCode,
    jurisdictionNameZh: b.facts.unit.nameZh,
    jurisdictionNameEn: b.facts.unit.nameEn,
    period: b.period,
    titleZh: b.titleZh,
    titleEn: b.titleEn,
    textZh: b.textZh,
    textEn: b.textEn,
    facts: facts(b),
    publishedAt: b.publishedAt ?? b.updatedAt,
  };
}
