#!/usr/bin/env node
// The CLI is bundled with ncc (npm run bundle) like the actions; this stub runs the bundle.
import '../dist/index.js';
