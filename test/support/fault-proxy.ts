import { createServer, connect, type Socket } from 'node:net';

/** What the proxy does to one connection. */
export type Fault =
  | { kind: 'pass' }
  /** Every chunk is held back this long, both ways. */
  | { kind: 'delay'; ms: number }
  /** The connection is closed (FIN) once this many bytes went through. */
  | { kind: 'drop'; afterBytes: number }
  /** The connection is reset (RST) once this many bytes went through. */
  | { kind: 'reset'; afterBytes: number };

/**
 * A TCP proxy on loopback in front of PostgreSQL that drops, delays and resets connections, to test
 * that a sync survives a network that fails in the middle of a batch. `nextFault` decides per connection.
 */
export async function startFaultProxy(target: { host: string; port: number }, nextFault: () => Fault) {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const fault = nextFault();
    const upstream = connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    let bytes = 0;
    let cut = false;
    const kill = () => {
      if (cut) return;
      cut = true;
      if (fault.kind === 'reset') {
        client.resetAndDestroy();
        upstream.resetAndDestroy();
      } else {
        client.destroy();
        upstream.destroy();
      }
    };
    const forward = (from: Socket, to: Socket) => {
      from.on('data', (chunk: Buffer) => {
        if (cut) return;
        const send = () => {
          if (cut || to.destroyed) return;
          if (fault.kind === 'drop' || fault.kind === 'reset') {
            const room = fault.afterBytes - bytes;
            if (room <= 0) return kill();
            bytes += chunk.length;
            to.write(chunk.length > room ? chunk.subarray(0, room) : chunk);
            if (bytes >= fault.afterBytes) kill();
            return;
          }
          to.write(chunk);
        };
        if (fault.kind === 'delay') setTimeout(send, fault.ms);
        else send();
      });
      from.on('error', () => kill());
      from.on('close', () => {
        sockets.delete(from);
        if (!to.destroyed) to.end();
      });
    };
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('proxy has no port');
  return {
    port: address.port,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
