import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GENESIS_HASH, chainHash, findChainBreak, maskPersonalFields, type StoredAuditRecord } from './chain.js';

function record(seq: number, prevHash: string, action: string): StoredAuditRecord {
  const content = {
    id: `id${seq}`,
    at: `2026-01-01T00:00:0${seq}.000Z`,
    actorId: 'u1',
    actorName: 'admin',
    action,
    targetType: 'user',
    targetId: 't1',
    jurisdictionCode: null,
    beforeJson: null,
    afterJson: JSON.stringify({ seq }),
    requestId: null,
  };
  return { ...content, seq, prevHash, hash: chainHash(prevHash, content) };
}

function chain(n: number): StoredAuditRecord[] {
  const records: StoredAuditRecord[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const r = record(i, prev, `action.${i}`);
    records.push(r);
    prev = r.hash;
  }
  return records;
}

test('an intact chain has no break', () => {
  assert.equal(findChainBreak(chain(5), GENESIS_HASH), undefined);
});

test('an edited record is found at its own position', () => {
  const records = chain(5);
  records[2] = { ...records[2]!, action: 'user.delete' };
  assert.deepEqual(findChainBreak(records, GENESIS_HASH), { seq: 3, id: 'id3', reason: 'hash does not match the record content' });
});

test('a deleted record breaks the link of the one after it', () => {
  const records = chain(5);
  records.splice(1, 1);
  const broken = findChainBreak(records, GENESIS_HASH);
  assert.equal(broken?.seq, 3);
  assert.match(broken?.reason ?? '', /prev_hash/);
});

test('personal fields are stored as keyed hashes, other fields as they are', () => {
  const masked = maskPersonalFields({ name: '张三', phone: '13800000000', kind: 'volunteer' }, ['phone', 'name'], 'k'.repeat(16));
  assert.equal(masked?.kind, 'volunteer');
  assert.ok(!JSON.stringify(masked).includes('13800000000'));
  assert.ok(!JSON.stringify(masked).includes('张三'));
  const again = maskPersonalFields({ phone: '13800000000' }, ['phone'], 'k'.repeat(16));
  assert.deepEqual(again?.phone, masked?.phone, 'the same value hashes the same, so a claim can be checked');
  const otherKey = maskPersonalFields({ phone: '13800000000' }, ['phone'], 'x'.repeat(16));
  assert.notDeepEqual(otherKey?.phone, masked?.phone);
});
