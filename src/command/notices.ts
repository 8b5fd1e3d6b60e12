import type { NotifyUnitProps } from '../notifications/contract.js';
import type { Order } from './model.js';

/** Why a unit hears about an order. */
export type NoticeKind = 'received' | 'amended' | 'withdrawn' | 'ack_reminder' | 'ack_escalation' | 'completion_reminder' | 'completion_escalation' | 'forward_reminder' | 'over_correction' | 'flag_upheld' | 'flag_revoked';

const SUBJECTS: Readonly<Record<NoticeKind, { zh: string; en: string }>> = {
  received: { zh: '收到指令', en: 'Order received' },
  amended: { zh: '指令已修改，请重新签收', en: 'Order amended: acknowledge again' },
  withdrawn: { zh: '指令已撤回，请签收', en: 'Order withdrawn: acknowledge' },
  ack_reminder: { zh: '指令签收已超时', en: 'Order acknowledgement overdue' },
  ack_escalation: { zh: '下级单位未按时签收指令', en: 'A unit below has not acknowledged an order in time' },
  completion_reminder: { zh: '指令办结已超时', en: 'Order completion overdue' },
  completion_escalation: { zh: '下级单位未按时办结指令', en: 'A unit below has not completed an order in time' },
  forward_reminder: { zh: '指令尚未转发下级，下级签收已超时', en: 'Order not forwarded: the units below are past their deadline' },
  over_correction: { zh: '下级措施超出授权，待审核', en: 'A local measure exceeds what the order allows: review it' },
  flag_upheld: { zh: '超授权措施经审核予以保留', en: 'Your stronger local measure was upheld on review' },
  flag_revoked: { zh: '超授权措施经审核予以撤销', en: 'Your stronger local measure was revoked on review' },
};

/** What `notifyUnit` sends about an order to the officers of `unitCode`; `aboutCode` is the unit concerned when it differs. */
export function noticeContent(order: Order, unitCode: string, kind: NoticeKind, aboutCode?: string, dedupeKey?: string): NotifyUnitProps {
  const subject = SUBJECTS[kind];
  const about = aboutCode === undefined ? '' : ` (${aboutCode})`;
  return {
    jurisdictionCode: unitCode,
    kind: `order.${kind}`,
    subject: { zh: `${subject.zh}：${order.number}`, en: `${subject.en}: ${order.number}` },
    body: { zh: `${order.title.zh}${about}`, en: `${order.title.en ?? order.title.zh}${about}` },
    link: `#/command/${order.id}`,
    ref: { type: 'order', id: order.id },
    dedupeKey: dedupeKey ?? `order:${order.id}:r${order.revision}:${kind}:${unitCode}${aboutCode === undefined ? '' : `:${aboutCode}`}`,
  };
}
