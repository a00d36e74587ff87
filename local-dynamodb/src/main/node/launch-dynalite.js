// Starts dynalite in memory for the Java process that spawned it (see LocalDynamoDb.java).
//
//   node launch-dynalite.js <node_modules dir> <port, 0 = any free port> [host]
//
// Prints "LISTENING <port>" once the server accepts connections. It exits when its stdin closes,
// which happens when the parent JVM ends for any reason (even SIGKILL), so no engine is ever orphaned.
'use strict';

const path = require('path');

const [modulesDir, portArg = '0', host = '127.0.0.1'] = process.argv.slice(2);
if (!modulesDir) {
  console.error('usage: launch-dynalite.js <node_modules dir> [port] [host]');
  process.exit(2);
}

const dynalite = require(path.join(modulesDir, 'dynalite'));
// No artificial CREATING/DELETING delays: tests and local-api create tables on start-up.
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });

server.on('error', (err) => {
  console.error(`dynalite could not listen on ${host}:${portArg}: ${err.message}`);
  process.exit(1);
});

server.listen(Number(portArg), host, () => {
  console.log(`LISTENING ${server.address().port}`);
});

function stop() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
}

process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
