import type { CsvColumn } from '../platform/http/csv.js';
import { actionsFrom } from './lifecycle.js';
import type { Pairing } from './pairing-model.js';
import type { RequestView } from './request-service.js';
import type { PairingBody, RequestBody } from './schema.js';

/** Name and centroid of a unit, as pairings show them (a map line needs both centroids). */
export interface UnitLabel {
  readonly name: string;
  readonly centroid: readonly [number, number] | null;
}

export function presentPairing(pairing: Pairing, units: ReadonlyMap<string, UnitLabel>): PairingBody {
  const party = (code: string) => {
    const unit = units.get(code);
    return { code, name: unit?.name ?? null, centroid: unit?.centroid ? ([unit.centroid[0], unit.centroid[1]] as [number, number]) : null };
  };
  return {
    id: pairing.id,
    supporter: party(pairing.supporterCode),
    supported: party(pairing.supportedCode),
    validFrom: pairing.validFrom,
    validTo: pairing.validTo,
    supports: [...pairing.supports],
    status: pairing.status,
    source: pairing.source,
    notes: pairing.notes,
    createdAt: pairing.createdAt,
    updatedAt: pairing.updatedAt,
  };
}

export const PAIRING_CSV_COLUMNS: readonly CsvColumn<PairingBody>[] = [
  { header: 'supporter_code', value: (p) => p.supporter.code },
  { header: 'supporter_name', value: (p) => p.supporter.name },
  { header: 'supported_code', value: (p) => p.supported.code },
  { header: 'supported_name', value: (p) => p.supported.name },
  { header: 'valid_from', value: (p) => p.validFrom },
  { header: 'valid_to', value: (p) => p.validTo },
  { header: 'supports', value: (p) => p.supports },
  { header: 'status', value: (p) => p.status },
  { header: 'source', value: (p) => p.source },
  { header: 'notes', value: (p) => p.notes },
  { header: 'id', value: (p) => p.id },
];

export function presentRequest(view: RequestView): RequestBody {
  const { request, offers, names } = view;
  return {
    id: request.id,
    number: request.number,
    requesterCode: request.requesterCode,
    requesterName: names[request.requesterCode] ?? null,
    incidentId: request.incidentId,
    resourceKind: request.resourceKind,
    resourceType: request.resourceType,
    resourceName: request.resourceName,
    quantity: request.quantity,
    unit: request.unit,
    committedQuantity: request.committedQuantity,
    remainingQuantity: Math.max(0, request.quantity - request.committedQuantity),
    neededBy: request.neededBy,
    deliverTo: request.deliverTo,
    notes: request.notes,
    status: request.status,
    messageId: request.messageId,
    offers: offers.map((offer) => ({
      id: offer.id,
      offererCode: offer.offererCode,
      offererName: names[offer.offererCode] ?? null,
      quantity: offer.quantity,
      committedQuantity: offer.committedQuantity,
      unitCost: offer.unitCost,
      currency: offer.currency,
      eta: offer.eta,
      notes: offer.notes,
      status: offer.status,
      allowedActions: actionsFrom(offer.status),
      createdAt: offer.createdAt,
      updatedAt: offer.updatedAt,
    })),
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
  };
}
