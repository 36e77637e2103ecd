/**
 * Loaded into the app's process (`node --import`) ahead of the app when synth runs a TypeScript app:
 * notes every environment variable the app reads and, when the process exits, writes the record
 * (those names and every module loaded) to the file named by `ENROLLKIT_INPUT_RECORD`.
 */
import * as fs from 'node:fs';
import { INPUT_RECORD_ENV, type InputRecord } from './input-record';

const recordFile = process.env[INPUT_RECORD_ENV];
if (recordFile !== undefined) {
  const read = new Set<string>();
  let listed = false;
  const note = (name: string | symbol) => {
    if (typeof name === 'string') read.add(name);
  };
  process.env = new Proxy(process.env, {
    get: (env, name) => (note(name), Reflect.get(env, name)),
    has: (env, name) => (note(name), Reflect.has(env, name)),
    getOwnPropertyDescriptor: (env, name) => (note(name), Reflect.getOwnPropertyDescriptor(env, name)),
    ownKeys: (env) => ((listed = true), Reflect.ownKeys(env)),
  });
  process.on('exit', () => {
    const record: InputRecord = { modules: Object.keys(require.cache), env: listed ? 'all' : [...read].sort() };
    fs.writeFileSync(recordFile, JSON.stringify(record));
  });
}
