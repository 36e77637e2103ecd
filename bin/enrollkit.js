#!/usr/bin/env node
'use strict';
// Node 22.1+ keeps the compiled code of enrollkit's modules on disk between runs; Node 20 has no such cache.
const { enableCompileCache } = require('node:module');
if (typeof enableCompileCache === 'function') enableCompileCache();
require('../dist/cli/main.js').main();
