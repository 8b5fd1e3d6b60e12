/** A warning the public-portal browser tests publish through the API so the portal has one to show. */
import assert from 'node:assert/strict';
import { apiHeaders, apiRequest } from './browser-support.js';

/**
 * A yellow warning for Wuhan through the warnings API: published directly by Wuhan's duty officer,
 * or submitted and approved by Hubei's commander when the authority rules ask for approval.
 * Returns its CAP identifier.
 */
export async function publishWuhanYellowWarning(url: string): Promise<string> {
  const duty = await apiHeaders(url, 'wuhan.duty');
  const expires = new Date(Date.now() + 2 * 86_400_000).toISOString().replace('Z', '+00:00');
  const created = await apiRequest(url, duty, 'POST', '/api/v1/warnings', {
    jurisdictionCode: '4201',
    content: {
      categories: ['Met'],
      event: { zh: '暴雨', en: 'Rainstorm' },
      responseTypes: ['Prepare'],
      certainty: 'Likely',
      colour: 'yellow',
      expires,
      texts: {
        zh: { headline: '武汉市暴雨黄色预警', description: '预计未来24小时内武汉市将出现暴雨。', instruction: '注意防范城市内涝。' },
        en: { headline: 'Yellow rainstorm warning for Wuhan', description: 'Heavy rain is expected in Wuhan in the next 24 hours.', instruction: 'Beware of urban flooding.' },
      },
      areas: { jurisdictionCodes: ['4201'] },
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const id = String(created.json.id);
  const published = await apiRequest(url, duty, 'POST', `/api/v1/warnings/${id}/publish`, {});
  if (published.status === 200) return String(published.json.identifier);
  assert.equal((await apiRequest(url, duty, 'POST', `/api/v1/warnings/${id}/submit`, {})).status, 200);
  const approved = await apiRequest(url, await apiHeaders(url, 'hubei.commander'), 'POST', `/api/v1/warnings/${id}/approve`, {});
  assert.equal(approved.status, 200, JSON.stringify(approved.json));
  return String(approved.json.identifier);
}
