// Parses SQL statements with node-sql-parser's Snowflake grammar.
// stdin: JSON array of { "id": string, "sql": string }; stdout: JSON array of { "id": string, "error": string | null }.
'use strict';
const { Parser } = require('node-sql-parser/build/snowflake');

const parser = new Parser();
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).map(({ id, sql }) => {
    try {
      parser.astify(sql, { database: 'Snowflake' });
      return { id, error: null };
    } catch (e) {
      const where = e.location ? ` (line ${e.location.start.line}, column ${e.location.start.column})` : '';
      return { id, error: `${e.message}${where}` };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
