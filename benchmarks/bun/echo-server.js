// The Bun flavour of the load comparison: Bun's built-in WebSocket server (uWebSockets inside),
// written the way Bun's documentation writes one, as the native reference. Run by
// LoadComparison as `bun echo-server.js [port] [maxSeconds]` (Bun from npm, see run-load.sh).
//
// Serves what the Java flavours serve: /echo sends every message back as it came (text as a
// string, binary as bytes), /broadcast sends each message to every open /broadcast socket, one
// send after another as the Java endpoint does (not uWebSockets' publish, which would be another
// algorithm), and GET /stats answers heapUsed=<bytes> after a full collection (the JavaScript
// heap only: uWebSockets' own per-connection memory shows in the process's RSS, which the load
// generator reads from /proc). Limits as the Java endpoint's: 16 MiB messages, no idle timeout,
// no compression. Prints "READY port=<port>" once listening and stops when standard input says
// "stop" or ends, or after maxSeconds.

const port = Number(process.argv[2] ?? 0);
const maxSeconds = Number(process.argv[3] ?? 1800);
const broadcastSockets = new Set();

const server = Bun.serve({
  hostname: "127.0.0.1",
  port,
  fetch(req, srv) {
    const url = new URL(req.url);
    if (url.pathname === "/stats") {
      if (url.searchParams.has("alloc")) {
        // Allocation per thread is a JVM figure; the load generator leaves it out for Bun.
        return new Response("n/a\n", { headers: { "Content-Type": "text/plain", Connection: "close" } });
      }
      Bun.gc(true);
      return new Response(`heapUsed=${process.memoryUsage().heapUsed}\n`,
        { headers: { "Content-Type": "text/plain", Connection: "close" } });
    }
    if (url.pathname === "/echo" || url.pathname === "/broadcast") {
      if (srv.upgrade(req, { data: { broadcast: url.pathname === "/broadcast" } })) {
        return undefined;
      }
      return new Response("Upgrade required", { status: 426 });
    }
    return new Response("Not found", { status: 404 });
  },
  websocket: {
    maxPayloadLength: 16 * 1024 * 1024,
    idleTimeout: 0, // none, like the Java endpoint (Bun's default closes after 120 s)
    sendPings: false,
    perMessageDeflate: false,
    open(ws) {
      if (ws.data.broadcast) broadcastSockets.add(ws);
    },
    message(ws, message) {
      if (!ws.data.broadcast) {
        ws.send(message);
        return;
      }
      for (const s of broadcastSockets) s.send(message);
    },
    close(ws) {
      broadcastSockets.delete(ws);
    },
  },
});

console.log(`READY port=${server.port} flavour=bun version=${Bun.version}`);

const stop = () => {
  server.stop(true);
  process.exit(0);
};
setTimeout(stop, maxSeconds * 1000).unref();
let input = "";
process.stdin.on("data", (chunk) => {
  input += chunk;
  if (input.split("\n").some((line) => line.trim() === "stop")) stop();
});
process.stdin.on("end", stop);
