/** Shapes of the intake API as the browser sees them (see src/intake/schema.ts). */

export interface PhotoUpload {
  mimeType: string;
  dataBase64: string;
}

/** The body of `POST /api/v1/reports` and `POST /public/reports`. */
export interface ReportDraft {
  type: string;
  diseaseClass?: string;
  observedAt: string;
  jurisdictionCode?: string;
  point?: [number, number];
  placeText?: string;
  title?: string;
  description: string;
  photos?: PhotoUpload[];
  /** Public reports only, both optional and personal. */
  reporterName?: string;
  reporterPhone?: string;
}

/** `POST /api/v1/reports` and `POST /public/reports` → 201 (public ones add the access code, shown only here). */
export interface ReportReceipt {
  id: string;
  receiptNo: string;
  status: string;
  type: string;
  reportedAt: string;
  deadlineAt: string | null;
  isLate: boolean;
  placeUnmatched: boolean;
  jurisdictionCode: string | null;
  photoIds: string[];
  accessCode?: string;
}

export interface ReportMessage {
  id: string;
  authorKind: 'reporter' | 'officer' | 'system';
  authorName: string;
  body: string;
  createdAt: string;
}

/** `GET /public/reports/{receiptNo}?code=`. */
export interface PublicReportStatus {
  receiptNo: string;
  type: string;
  status: string;
  reportedAt: string;
  placeUnmatched: boolean;
  messages: ReportMessage[];
}

export interface NewReporter {
  displayName: string;
  declaredField: string;
  phone?: string;
  email?: string;
  jurisdictionCode?: string;
}
