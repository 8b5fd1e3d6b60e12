import type { CsvColumn } from '../platform/http/csv.js';
import type { Report, ReportMessage, Reporter } from './model.js';
import type { MessageBody, ReportBody } from './schema.js';

/** The stable API shape of a report (never the access-code hash or the raw row). */
export function presentReport(report: Report): ReportBody {
  return {
    id: report.id,
    receiptNo: report.receiptNo,
    type: report.type,
    diseaseClass: report.diseaseClass,
    jurisdictionCode: report.jurisdictionCode,
    placeText: report.placeText,
    point: report.point === null ? null : [...report.point],
    placeUnmatched: report.placeUnmatched,
    observedAt: report.observedAt,
    reportedAt: report.reportedAt,
    deadlineAt: report.deadlineAt,
    isLate: report.isLate,
    title: report.title,
    description: report.description,
    reporterId: report.reporterId,
    reporterKind: report.reporterKind,
    declaredField: report.declaredField,
    reportingUnitCode: report.reportingUnitCode,
    status: report.status,
    spamScore: report.spamScore,
    signalId: report.signalId,
    photoIds: [...report.photoIds],
  };
}

export function presentMessage(message: ReportMessage): MessageBody {
  return { id: message.id, authorKind: message.authorKind, authorName: message.authorName, body: message.body, createdAt: message.createdAt };
}

/** What a public reporter sees: a suspected-spam report still reads "in review" (spammers learn nothing). */
export function presentPublicReceipt(report: Report, messages: readonly ReportMessage[]) {
  return {
    receiptNo: report.receiptNo,
    type: report.type,
    status: report.status === 'spam_suspected' ? ('in_review' as const) : report.status,
    reportedAt: report.reportedAt,
    placeUnmatched: report.placeUnmatched,
    messages: messages.map(presentMessage),
  };
}

export function presentReporter(reporter: Reporter) {
  return {
    id: reporter.id,
    kind: reporter.kind,
    displayName: reporter.displayName,
    declaredField: reporter.declaredField,
    phone: reporter.phone,
    email: reporter.email,
    jurisdictionCode: reporter.jurisdictionCode,
    hasToken: reporter.hasToken,
    createdAt: reporter.createdAt,
  };
}

export const REPORT_CSV_COLUMNS: readonly CsvColumn<ReportBody>[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'receipt_no', value: (r) => r.receiptNo },
  { header: 'type', value: (r) => r.type },
  { header: 'disease_class', value: (r) => r.diseaseClass },
  { header: 'status', value: (r) => r.status },
  { header: 'jurisdiction_code', value: (r) => r.jurisdictionCode },
  { header: 'place_text', value: (r) => r.placeText },
  { header: 'lon', value: (r) => r.point?.[0] },
  { header: 'lat', value: (r) => r.point?.[1] },
  { header: 'place_unmatched', value: (r) => r.placeUnmatched },
  { header: 'observed_at', value: (r) => r.observedAt },
  { header: 'reported_at', value: (r) => r.reportedAt },
  { header: 'deadline_at', value: (r) => r.deadlineAt },
  { header: 'is_late', value: (r) => r.isLate },
  { header: 'title', value: (r) => r.title },
  { header: 'description', value: (r) => r.description },
  { header: 'reporter_kind', value: (r) => r.reporterKind },
  { header: 'declared_field', value: (r) => r.declaredField },
  { header: 'reporting_unit_code', value: (r) => r.reportingUnitCode },
  { header: 'spam_score', value: (r) => r.spamScore },
];
