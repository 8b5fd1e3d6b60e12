import { ConflictError, ForbiddenError, InvalidInputError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isWarningColour } from '../core/warning-levels.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from '../platform/context.js';
import { requestHash, withIdempotency, type IdempotentResult } from '../platform/idempotency.js';
import { resolveUnit } from '../incidents/service.js';
import type { CapAlert, CapProblem } from './cap/model.js';
import { parseCapXml, validateCap } from './cap-codec.js';
import { WARNING_LEVEL_PARAMETER } from './cap-builder.js';
import { LIMITS, warningSnapshot, type Warning } from './model.js';
import { canImportWarning } from './policy.js';
import { recordStep, warningEventPayload } from './publication.js';
import * as store from './store.js';

/** Every problem of a CAP text (parsing, the XSD, the rules it does not check) and the alert when there are none. */
async function capProblemsOf(xml: string): Promise<{ alert: CapAlert | undefined; problems: CapProblem[] }> {
  const problems = await validateCap(xml);
  return { alert: problems.length === 0 ? parseCapXml(xml).alert : undefined, problems };
}

function toWarning(ctx: ServiceContext, unit: UnitOfWork, alert: CapAlert, xml: string, code: string, path: string): Warning {
  const info = alert.infos[0];
  const level = info?.parameters.find((p) => p.valueName === WARNING_LEVEL_PARAMETER)?.value;
  const expiries = alert.infos.map((i) => i.expires).filter((e): e is string => e !== undefined);
  const at = unit.now.toISOString();
  const id = newId(unit.now.getTime());
  return {
    id,
    lineageId: id,
    supersedesId: null,
    origin: 'import',
    msgType: alert.msgType,
    state: 'published',
    colour: level !== undefined && isWarningColour(level) ? level : null,
    jurisdictionCode: code,
    jurisdictionPath: path,
    content: null,
    imported: alert,
    headline: info?.headline ?? info?.event ?? null,
    incidentId: null,
    expiresAt: expiries.length === 0 ? null : new Date(Math.max(...expiries.map((e) => Date.parse(e)))).toISOString(),
    identifier: alert.identifier,
    sender: alert.sender,
    sent: alert.sent,
    // Kept byte for byte: exporting an imported alert gives back exactly what the agency sent.
    capXml: xml,
    publicAreas: null,
    createdBy: ctx.actor.id,
    createdByName: ctx.actor.name,
    submittedBy: null,
    approvedBy: null,
    publishedBy: null,
    rejectionReason: null,
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
  };
}

/**
 * Imports a CAP 1.2 message from another agency, filed under the unit `jurisdictionCode`: parsed,
 * checked against the XSD and CAP's other rules (every problem reported with its path, 400), kept
 * as an external alert with its XML unchanged. The same sender + identifier twice is a 409; with an
 * idempotency key a retry returns the first import.
 */
export async function importCapXml(
  ctx: ServiceContext,
  props: { jurisdictionCode: string; xml: string; idempotencyKey?: string | undefined },
): Promise<IdempotentResult<Warning>> {
  if (props.xml.length > LIMITS.importXmlMax) throw InvalidInputError.forField('body', `must be at most ${LIMITS.importXmlMax} characters of CAP XML`);
  const target = await resolveUnit(ctx, props.jurisdictionCode, 'jurisdictionCode');
  if (!canImportWarning(ctx.actor, target.path)) throw new ForbiddenError(`jurisdictionCode: you may not import warnings into ${target.code}`);
  const { alert, problems } = await capProblemsOf(props.xml);
  if (alert === undefined) {
    const first = problems[0] ?? { path: '/', message: 'is not a CAP 1.2 alert' };
    throw new InvalidInputError(`body${first.path === '/' ? '' : first.path}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}`, problems.map((p) => ({ field: `body${p.path === '/' ? '' : p.path}`, message: p.message })));
  }
  const work = async (unit: UnitOfWork) => {
    const duplicate = await store.findByIdentifier(unit.tx, alert.identifier);
    if (duplicate !== undefined && duplicate.sender === alert.sender) throw new ConflictError(`body/alert/identifier: ${alert.sender} ${alert.identifier} was already imported (warning ${duplicate.id})`);
    const warning = toWarning(ctx, unit, alert, props.xml, target.code, target.path);
    await store.insertWarning(unit.tx, warning);
    await recordStep(ctx, unit, warning.id, 'imported', { sender: alert.sender, identifier: alert.identifier });
    await unit.audit({ action: 'warning.import', targetType: 'warning', targetId: warning.id, jurisdictionCode: target.code, after: { ...warningSnapshot(warning), sender: alert.sender } });
    await unit.emit({ type: 'warning.imported', jurisdictionPath: target.path, payload: warningEventPayload(warning) });
    return warning;
  };
  if (props.idempotencyKey === undefined) return { value: await withUnitOfWork(ctx, work), statusCode: 201, replayed: false };
  return withIdempotency(ctx, { scope: `warning.import:${ctx.actor.id}`, key: props.idempotencyKey, requestHash: requestHash([target.code, props.xml]), statusCode: 201 }, work);
}
