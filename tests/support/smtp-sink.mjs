// A real SMTP server process (smtp-server from npm) for tests: accepts every message on the given
// port and prints one JSON line per message received ({ messageId, to, subject }).
import { SMTPServer } from "smtp-server";

const port = Number(process.argv[2]);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    let raw = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => (raw += chunk));
    stream.on("end", () => {
      const header = (name) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(raw)?.[1]?.trim() ?? null;
      process.stdout.write(JSON.stringify({ messageId: header("Message-ID"), to: session.envelope.rcptTo.map((r) => r.address), subject: header("Subject") }) + "\n");
      callback();
    });
  },
});
server.listen(port, "127.0.0.1", () => process.stdout.write(`READY ${port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
