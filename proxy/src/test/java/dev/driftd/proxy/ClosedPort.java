package dev.driftd.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port where nothing listens, reserved for as long as this is open. Why not "open a
 * server socket on port 0 and close it": the port is then free again, and the next server a test
 * starts on port 0 (a hanging daemon, a DDL receiver) can be handed the same one, so the "down"
 * daemon answers. A socket that is bound but neither listening nor connected keeps the port taken
 * (it is not handed out for port 0) and a connection to it is refused.
 */
final class ClosedPort implements AutoCloseable {
    private final Socket reserved = new Socket();

    ClosedPort() throws IOException {
        reserved.setReuseAddress(false);
        reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    int port() {
        return reserved.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        reserved.close();
    }
}
