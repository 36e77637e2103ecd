import { readHintsFromJson, readHintsToJson } from '../../src/engine';

const TOKEN = '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';
const GROUP = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

describe('read hints in their JSON form', () => {
  it('round-trip', () => {
    const json = { parents: { adeTokens: [TOKEN] }, groupIds: { 'iOS BYOD users': GROUP }, otherGroupIds: [GROUP] };
    expect(readHintsToJson(readHintsFromJson(json)!)).toEqual(json);
  });

  it.each([
    ['an ID that would change the request path', { parents: { adeTokens: ['../../deviceManagement/managedDevices?'] }, groupIds: {}, otherGroupIds: [] }],
    ['an ID with a query', { parents: {}, groupIds: { pilot: `${GROUP}?$select=members` }, otherGroupIds: [] }],
    ['an empty ID', { parents: {}, groupIds: {}, otherGroupIds: [''] }],
    ['a field it does not have', { parents: {}, groupIds: {}, otherGroupIds: [], token: 'secret' }],
    ['a missing field', { parents: {}, groupIds: {} }],
    ['more group IDs than a tenant is read for', { parents: {}, groupIds: {}, otherGroupIds: Array.from({ length: 5001 }, () => GROUP) }],
    ['not an object', 'adeTokens'],
  ])('are refused whole for %s', (_, json) => {
    expect(readHintsFromJson(json)).toBeUndefined();
  });
});
