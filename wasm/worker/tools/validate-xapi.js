// Reads a JSON array of xAPI statements on stdin and validates each with
// @learninglocker/xapi-validation. Prints a JSON array with the warnings
// of each statement ([] = valid) and exits 1 if any statement is invalid.
'use strict';
const validate = require('@learninglocker/xapi-validation').default;

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const statements = JSON.parse(input);
  const results = statements.map((s) => validate(s).map((w) => ({
    path: (w.path || []).join('.'),
    message: w.message || w.constructor.name,
  })));
  process.stdout.write(JSON.stringify(results));
  process.exit(results.some((r) => r.length > 0) ? 1 : 0);
});
