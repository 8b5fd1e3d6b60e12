import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInputError } from '../core/errors.js';
import { messageToXml, parseMessageXml } from './edxl-rm-xml.js';
import { RM_MESSAGE_TYPES, RM_NAMESPACE, type RmMessage } from './rm-message.js';

/** A message with every field set (schedules with and without a location). */
function fullMessage(type: RmMessage['type']): RmMessage {
  return {
    type,
    messageId: `urn:seamless:rm:${type}-1`,
    sentAt: '2020-02-12T00:30:00.000Z',
    originatingMessageId: 'urn:seamless:rm:req-1',
    precedingMessageId: 'urn:seamless:rm:offer-1',
    incidentId: '01HINCIDENT',
    description: '重症医护 & ICU <急需>',
    contact: { role: 'Sender', code: '430000000000', name: '湖南省' },
    resource: {
      infoElementId: '01HOFFER',
      name: 'ICU 护士',
      kind: 'team',
      type: 2,
      quantity: 12.5,
      unit: '人',
      description: '含呼吸治疗师',
      responseType: 'Accept',
      deploymentStatus: 'Dispatched',
      unitCost: 1800,
      currency: 'CNY',
      schedules: [
        { type: 'EstimatedArrival', at: '2020-02-13T02:00:00.000Z', location: '黄冈市中心医院' },
        { type: 'ActualDeparture', at: '2020-02-12T01:00:00.000Z', location: null },
      ],
    },
  };
}

/** The same with every optional field empty. */
function minimalMessage(): RmMessage {
  const full = fullMessage('RequestResource');
  return {
    ...full,
    originatingMessageId: null,
    precedingMessageId: null,
    incidentId: null,
    description: null,
    contact: { role: 'Requester', code: '421100000000', name: '黄冈市' },
    resource: { ...full.resource, type: null, kind: 'supply', description: null, responseType: null, deploymentStatus: null, unitCost: null, currency: null, schedules: [] },
  };
}

describe('EDXL-RM 1.0 XML', () => {
  test('every message type round-trips with every field kept', () => {
    for (const type of RM_MESSAGE_TYPES) {
      const message = fullMessage(type);
      const xml = messageToXml(message);
      assert.ok(xml.includes(`<${type} xmlns="${RM_NAMESPACE}"`), type);
      assert.deepEqual(parseMessageXml(xml), message, type);
    }
  });

  test('empty optional fields round-trip as empty', () => {
    assert.deepEqual(parseMessageXml(messageToXml(minimalMessage())), minimalMessage());
  });

  test('timestamps are written with an offset and read from any offset', () => {
    const xml = messageToXml(minimalMessage());
    assert.ok(xml.includes('<SentDateTime>2020-02-12T00:30:00.000+00:00</SentDateTime>'));
    const shifted = xml.replace('2020-02-12T00:30:00.000+00:00', '2020-02-12T08:30:00+08:00');
    assert.equal(parseMessageXml(shifted).sentAt, '2020-02-12T00:30:00.000Z');
  });

  function problems(xml: string): { field?: string; message: string }[] {
    try {
      parseMessageXml(xml);
    } catch (error) {
      assert.ok(error instanceof InvalidInputError);
      return [...error.details];
    }
    assert.fail('expected the message to be refused');
  }

  test('bad messages get problems with their paths', () => {
    const good = messageToXml(fullMessage('RequestResource'));
    const noName = good.replace(/<rm:Name>.*<\/rm:Name>/, '');
    assert.deepEqual(problems(noName).map((p) => p.field), ['/RequestResource/ResourceInformation/Resource/Name']);
    const bad = good
      .replace(/<rm:Amount>.*<\/rm:Amount>/, '<rm:Amount>lots</rm:Amount>')
      .replace(/<rm:Value>team:2<\/rm:Value>/, '<rm:Value>team:9</rm:Value>')
      .replace(/<SentDateTime>.*<\/SentDateTime>/, '<SentDateTime>yesterday</SentDateTime>');
    const fields = problems(bad).map((p) => p.field);
    assert.deepEqual(fields.sort(), [
      '/RequestResource/ResourceInformation/AssignmentInformation/Quantity/MeasuredQuantity/Amount',
      '/RequestResource/ResourceInformation/Resource/TypeStructure/Value',
      '/RequestResource/SentDateTime',
    ]);
    assert.match(problems(good.replace(/<rm:ScheduleType>EstimatedArrival<\/rm:ScheduleType>/, '<rm:ScheduleType>Soon</rm:ScheduleType>'))[0]!.field!, /ScheduleInformation\[1\]\/ScheduleType$/);
  });

  test('not XML, a foreign namespace or an unknown root are refused', () => {
    assert.match(problems('<RequestResource><MessageID>')[0]!.message, /not well-formed XML/);
    assert.match(problems(messageToXml(minimalMessage()).replace(`xmlns="${RM_NAMESPACE}"`, 'xmlns="urn:other"'))[0]!.message, /must be in the namespace/);
    assert.match(problems('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>')[0]!.message, /not an EDXL-RM message/);
  });
});
