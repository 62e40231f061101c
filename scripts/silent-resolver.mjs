// A DNS resolver that reads every query on 127.0.0.1:53 and answers none: in its network
// namespace (scripts/offline.sh hang), every lookup of a name outside /etc/hosts hangs.
import dgram from "node:dgram";

const socket = dgram.createSocket("udp4");
socket.on("message", () => {});
socket.on("error", (error) => {
  console.error(`silent-resolver: ${error.message}`);
  process.exit(1);
});
socket.bind(53, "127.0.0.1");
process.on("SIGTERM", () => socket.close(() => process.exit(0)));
