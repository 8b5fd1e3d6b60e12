import type { Db, Tx } from '../platform/db/database.js';
import type { OrderFlagsTable, OrderInstructionsTable } from '../platform/db/tables/command-orders.js';
import type { Intensity } from './intensity.js';
import { subtreeRange } from './store.js';

type Executor = Db | Tx;

export type InstructionStatus = 'in_force' | 'under_review' | 'revoked';
export type FlagStatus = 'open' | 'upheld' | 'revoked';

/** A receiving unit's own instructions added to an order for the units below it. */
export interface LocalInstruction {
  readonly id: string;
  readonly orderId: string;
  readonly unitCode: string;
  readonly unitPath: string;
  readonly text: { readonly zh: string; readonly en: string | null };
  readonly intensity: Intensity;
  /** The strongest measure the order allowed when the instruction was added. */
  readonly allowedIntensity: Intensity;
  readonly status: InstructionStatus;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** An instruction stronger than allowed, awaiting (or given) the issuing unit's review. */
export interface OverCorrectionFlag {
  readonly id: string;
  readonly orderId: string;
  readonly instructionId: string;
  readonly unitCode: string;
  readonly intensity: Intensity;
  readonly allowedIntensity: Intensity;
  readonly status: FlagStatus;
  readonly resolutionNote: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
  readonly raisedAt: string;
}

function toInstruction(row: OrderInstructionsTable): LocalInstruction {
  return {
    id: row.id,
    orderId: row.order_id,
    unitCode: row.unit_code,
    unitPath: row.unit_path,
    text: { zh: row.text_zh, en: row.text_en },
    intensity: row.intensity as Intensity,
    allowedIntensity: row.allowed_intensity as Intensity,
    status: row.status as InstructionStatus,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function toFlag(row: OrderFlagsTable): OverCorrectionFlag {
  return {
    id: row.id,
    orderId: row.order_id,
    instructionId: row.instruction_id,
    unitCode: row.unit_code,
    intensity: row.intensity as Intensity,
    allowedIntensity: row.allowed_intensity as Intensity,
    status: row.status as FlagStatus,
    resolutionNote: row.resolution_note,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    raisedAt: row.raised_at,
  };
}

export async function insertInstruction(tx: Tx, instruction: LocalInstruction): Promise<void> {
  await tx
    .insertInto('order_instructions')
    .values({
      id: instruction.id,
      order_id: instruction.orderId,
      unit_code: instruction.unitCode,
      unit_path: instruction.unitPath,
      text_zh: instruction.text.zh,
      text_en: instruction.text.en,
      intensity: instruction.intensity,
      allowed_intensity: instruction.allowedIntensity,
      status: instruction.status,
      created_by: instruction.createdBy,
      created_at: instruction.createdAt,
    })
    .execute();
}

export async function setInstructionStatus(tx: Tx, id: string, status: InstructionStatus): Promise<void> {
  await tx.updateTable('order_instructions').set({ status }).where('id', '=', id).execute();
}

/** Instructions that apply at a node (those of the units above it on the order) and those added below it. */
export async function listInstructions(db: Executor, orderId: string, nodePath: string, ancestorCodes: readonly string[]): Promise<LocalInstruction[]> {
  const [low, high] = subtreeRange(nodePath);
  const rows = await db
    .selectFrom('order_instructions')
    .selectAll()
    .where('order_id', '=', orderId)
    .where((eb) =>
      eb.or([
        eb.and([eb('unit_path', '>=', low), eb('unit_path', '<', high)]),
        ...(ancestorCodes.length > 0 ? [eb('unit_code', 'in', [...ancestorCodes])] : []),
      ]),
    )
    .orderBy('unit_path')
    .orderBy('created_at')
    .limit(1000)
    .execute();
  return rows.map(toInstruction);
}

export async function insertFlag(tx: Tx, flag: OverCorrectionFlag): Promise<void> {
  await tx
    .insertInto('order_flags')
    .values({
      id: flag.id,
      order_id: flag.orderId,
      instruction_id: flag.instructionId,
      unit_code: flag.unitCode,
      intensity: flag.intensity,
      allowed_intensity: flag.allowedIntensity,
      status: flag.status,
      resolution_note: flag.resolutionNote,
      resolved_by: flag.resolvedBy,
      resolved_at: flag.resolvedAt,
      raised_at: flag.raisedAt,
    })
    .execute();
}

export async function findFlag(db: Executor, orderId: string, flagId: string): Promise<OverCorrectionFlag | undefined> {
  const row = await db.selectFrom('order_flags').selectAll().where('order_id', '=', orderId).where('id', '=', flagId).executeTakeFirst();
  return row === undefined ? undefined : toFlag(row);
}

export async function resolveFlag(tx: Tx, props: { id: string; status: FlagStatus; note: string | null; by: string; at: string }): Promise<boolean> {
  const result = await tx
    .updateTable('order_flags')
    .set({ status: props.status, resolution_note: props.note, resolved_by: props.by, resolved_at: props.at })
    .where('id', '=', props.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listFlags(db: Executor, orderId: string, status: FlagStatus | undefined): Promise<OverCorrectionFlag[]> {
  let query = db.selectFrom('order_flags').selectAll().where('order_id', '=', orderId);
  if (status !== undefined) query = query.where('status', '=', status);
  return (await query.orderBy('raised_at').orderBy('id').limit(1000).execute()).map(toFlag);
}

export async function findInstruction(db: Executor, id: string): Promise<LocalInstruction | undefined> {
  const row = await db.selectFrom('order_instructions').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toInstruction(row);
}
