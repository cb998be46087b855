// `npm start`: the demo store on http://127.0.0.1:$PORT (8080 by default), its data in $DEMO_DATA_DIR
// (demo-store/data by default, created when missing).
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { createApp } from './server/app.mjs';

const port = Number(process.env.PORT ?? 8080);
const dataDir = resolve(process.env.DEMO_DATA_DIR ?? resolve(import.meta.dirname, 'data'));

const app = await createApp({ dataDir });
const server = createServer((req, res) => void app.handle(req, res));

server.on('error', (e) => {
  console.error(`demo store: cannot listen on 127.0.0.1:${port}: ${e.message}`);
  process.exit(1);
});

server.listen(port, '127.0.0.1', () => {
  const { port: actual } = server.address();
  console.log(`Demo store: http://127.0.0.1:${actual}/  (QA view: http://127.0.0.1:${actual}/qa, data: ${dataDir})`);
});

/** Ends open connections (the QA view's streams would keep the server up) and exits once closed. */
function stop() {
  app.close();
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
