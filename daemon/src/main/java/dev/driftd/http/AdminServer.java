package dev.driftd.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The admin HTTP server on Netty.
 *
 * <p>Per connection, in pipeline order: a cap on open connections; the HTTP codec; a guard that
 * closes connections idle too long or whose request does not arrive whole in time; a check of
 * path, method and token from the headers alone, so a request with a body that would be refused
 * (401, 403, 404, 405) is answered and the connection closed before any of its body is buffered;
 * the aggregator with the body size limit (413); and the handler, which runs each request off the
 * event loop and writes the answers in request order (HTTP/1.1 pipelining), closing after the
 * answer to a request that asked for {@code Connection: close}.
 *
 * <p>API calls run on a small bounded worker pool (a full queue answers 503); {@code /readyz}
 * and {@code /metrics} run on their own thread and {@code /healthz} on the event loop (its answer
 * is a constant), so probes never wait behind slow API calls.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final int MAX_INITIAL_LINE = 8192;
    private static final int MAX_HEADERS = 16384;
    /** Requests of one connection in progress at most; beyond, the server stops reading it until answers go out. */
    static final int MAX_PIPELINED = 16;

    private final AdminApi api;
    private final HttpSettings settings;
    private final AtomicInteger connections = new AtomicInteger();
    private EventLoopGroup group;
    private ExecutorService workers;
    private ExecutorService probes;
    private Channel channel;

    public AdminServer(AdminApi api, HttpSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    /** Binds and starts serving; returns the address bound (the real port when 0 was asked for). */
    public synchronized InetSocketAddress start() throws InterruptedException {
        if (channel != null) {
            throw new IllegalStateException("admin server already started");
        }
        // Bounded: a flood of slow requests gets 503 rather than an unbounded queue.
        ThreadPoolExecutor w = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                new DefaultThreadFactory("driftd-http-worker", true));
        w.allowCoreThreadTimeOut(true);
        workers = w;
        ThreadPoolExecutor p = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
                new DefaultThreadFactory("driftd-http-probe", true));
        p.allowCoreThreadTimeOut(true);
        probes = p;
        group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("driftd-http", true),
                NioIoHandler.newFactory());
        InetSocketAddress bind = settings.bind().isUnresolved()
                ? new InetSocketAddress(settings.bind().getHostString(), settings.bind().getPort())
                : settings.bind();
        if (bind.isUnresolved()) {
            close();
            throw new IllegalArgumentException("bind host '" + bind.getHostString() + "' does not resolve");
        }
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                // a client may half-close after its last request (shutdown of its output): answer it all the same
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (connections.incrementAndGet() > settings.maxConnections()) {
                            connections.decrementAndGet();
                            LOG.debug("connection from {} closed: {} connections open already",
                                    ch.remoteAddress(), settings.maxConnections());
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> connections.decrementAndGet());
                        Guard guard = new Guard();
                        ch.pipeline()
                                .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, 8192))
                                .addLast(guard)
                                .addLast(new EarlyRefusal())
                                .addLast(new ProblemAggregator(settings.maxRequestBytes()))
                                .addLast(new RequestHandler(guard));
                    }
                });
        try {
            channel = b.bind(bind).sync().channel();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot listen on " + bind.getHostString() + ":" + bind.getPort()
                    + ": " + e.getMessage(), e);
        }
        return (InetSocketAddress) channel.localAddress();
    }

    /** The API's routes as "METHOD /path/{param}" (the contract test compares them with docs/openapi.yaml). */
    public List<String> routes() {
        return api.routeList();
    }

    /** Connections open now (for tests). */
    int openConnections() {
        return connections.get();
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
            channel = null;
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            group = null;
        }
        if (workers != null) {
            workers.shutdownNow();
            workers = null;
        }
        if (probes != null) {
            probes.shutdownNow();
            probes = null;
        }
        api.close();
    }

    /**
     * Closes a connection that is idle (no request under way, no answer pending) for the idle
     * timeout, or whose current request has not arrived whole within the request timeout since its
     * first byte (slow or stalled clients cannot hold a connection and its buffers forever).
     */
    private final class Guard extends ChannelDuplexHandler {
        private long lastActivity = System.nanoTime();
        private long requestStarted;
        private boolean midRequest;
        private boolean inputShut;
        private int pending;
        private ScheduledFuture<?> tick;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            long every = Math.max(20, Math.min(1000,
                    Math.min(settings.idleTimeout().toMillis(), settings.requestTimeout().toMillis()) / 4));
            tick = ctx.executor().scheduleAtFixedRate(() -> check(ctx), every, every, TimeUnit.MILLISECONDS);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            tick.cancel(false);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            tick.cancel(false);
            super.channelInactive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            long now = System.nanoTime();
            lastActivity = now;
            if (msg instanceof HttpRequest) {
                midRequest = true;
                requestStarted = now;
            }
            if (msg instanceof LastHttpContent) {
                midRequest = false;
            }
            ctx.fireChannelRead(msg);
        }

        /** Called by the handler on the event loop: a request was taken (+1) or its answer written (-1). */
        void pending(int delta) {
            pending += delta;
            lastActivity = System.nanoTime();
        }

        /** True when the client sent all it will send and every answer is out: time to close. */
        boolean done() {
            return inputShut && pending == 0;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof ChannelInputShutdownEvent) {
                inputShut = true;
                if (pending == 0) {
                    ctx.close(); // nothing more will come and nothing is owed
                }
                return;
            }
            super.userEventTriggered(ctx, evt);
        }

        private void check(ChannelHandlerContext ctx) {
            long now = System.nanoTime();
            if (inputShut && pending == 0) {
                ctx.close();
            } else if (midRequest && now - requestStarted > settings.requestTimeout().toNanos()) {
                LOG.debug("closing {}: request not received whole within {}", ctx.channel().remoteAddress(),
                        settings.requestTimeout());
                ctx.close();
            } else if (!midRequest && pending == 0 && now - lastActivity > settings.idleTimeout().toNanos()) {
                ctx.close();
            }
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            lastActivity = System.nanoTime();
            ctx.write(msg, promise);
        }
    }

    /** A request refused from its headers: stands in for it in the handler's answer order. */
    private record Refused(ApiError error, String path) {
    }

    /**
     * Checks a request that carries a body from its request line and headers: if the API would
     * refuse it anyway, its body is never read or buffered; the refusal is answered and the
     * connection closed (the body's bytes in flight cannot be told apart from a next request).
     */
    private final class EarlyRefusal extends ChannelInboundHandlerAdapter {
        private boolean discarding;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (discarding) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest req && req.decoderResult().isSuccess() && hasBody(req)) {
                ApiError refusal;
                String path = null;
                try {
                    QueryStringDecoder q = new QueryStringDecoder(req.uri());
                    path = q.path();
                    refusal = api.refusal(req.method().name(), path, segments(q.rawPath()),
                            req.headers().get(HttpHeaderNames.AUTHORIZATION));
                } catch (IllegalArgumentException e) {
                    refusal = null; // a bad path: the handler answers 400 as for any request
                }
                if (refusal != null) {
                    discarding = true;
                    ReferenceCountUtil.release(msg);
                    ctx.fireChannelRead(new Refused(refusal, path));
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }

        private static boolean hasBody(HttpRequest req) {
            return HttpUtil.getContentLength(req, 0L) > 0 || HttpUtil.isTransferEncodingChunked(req);
        }
    }

    /**
     * The aggregator with Netty's body size limit, answering an oversized request with a problem
     * answer (Netty's own 413 has no body) and closing the connection: the rest of the body still in
     * flight cannot be told apart from a next request.
     */
    private static final class ProblemAggregator extends HttpObjectAggregator {
        ProblemAggregator(int maxContentLength) {
            super(maxContentLength);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            String path = oversized instanceof HttpRequest req ? new QueryStringDecoder(req.uri()).path() : null;
            ApiResponse r = ApiResponse.error(new ApiError(413, "request too large", "the body is over "
                    + maxContentLength() + " bytes"), path);
            write(ctx, r, false);
        }
    }

    /** An answer ready to go out, waiting for the answers to the requests before it. */
    private record Answer(ApiResponse response, boolean keepAlive) {
    }

    /**
     * Runs requests off the event loop and writes their answers in the order the requests came
     * (pipelining). All its state is touched on the connection's event loop only.
     */
    private final class RequestHandler extends ChannelInboundHandlerAdapter {
        private final Guard guard;
        private final TreeMap<Long, Answer> ready = new TreeMap<>();
        private long nextRequest;
        private long nextAnswer;
        /** Set once a request asked to close (or had to): later requests are not read or answered. */
        private boolean lastTaken;

        RequestHandler(Guard guard) {
            this.guard = guard;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (lastTaken) {
                    return;
                }
                if (msg instanceof Refused r) {
                    take(ctx, false).complete(ApiResponse.error(r.error(), r.path()));
                } else if (msg instanceof FullHttpRequest req) {
                    serve(ctx, req);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void serve(ChannelHandlerContext ctx, FullHttpRequest req) {
            if (!req.decoderResult().isSuccess()) {
                take(ctx, false).complete(ApiResponse.error(ApiError.badRequest("malformed HTTP request"), null));
                return;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            CompletableFuture<ApiResponse> answer = take(ctx, keepAlive);
            ApiRequest request;
            try {
                request = toApiRequest(req);
            } catch (IllegalArgumentException e) {
                answer.complete(ApiResponse.error(ApiError.badRequest(e.getMessage()), null));
                return;
            }
            if (AdminApi.isLiveness(request.method(), request.segments())) {
                // answered right here: not even a flood of scrapes on the probe thread delays liveness
                api.handle(request).whenComplete((r, e) -> answer.complete(r));
                return;
            }
            long start = System.nanoTime();
            ExecutorService pool = api.isProbe(request.method(), request.segments()) ? probes : workers;
            try {
                CompletableFuture.supplyAsync(() -> api.handle(request), pool)
                        .thenCompose(f -> f)
                        .whenComplete((resp, err) -> {
                            ApiResponse r = resp;
                            if (r == null) {
                                LOG.warn("{} {} failed: {}", request.method(), request.path(), String.valueOf(err), err);
                                r = ApiResponse.error(new ApiError(500, "internal error", String.valueOf(err)), request.path());
                            }
                            if (LOG.isDebugEnabled()) {
                                LOG.debug("{} {} -> {} in {} ms", request.method(), request.path(), r.status(),
                                        (System.nanoTime() - start) / 1_000_000);
                            }
                            answer.complete(r);
                        });
            } catch (RejectedExecutionException e) {
                answer.complete(ApiResponse.error(new ApiError(503, "busy", "too many requests in progress"),
                        request.path()));
            }
        }

        /**
         * Takes the next request in order; its answer, whenever the returned future completes, is
         * written after the answers to all earlier requests.
         */
        private CompletableFuture<ApiResponse> take(ChannelHandlerContext ctx, boolean keepAlive) {
            long seq = nextRequest++;
            guard.pending(1);
            if (!keepAlive) {
                lastTaken = true;
                ctx.channel().config().setAutoRead(false); // nothing after this request is read
            } else if (nextRequest - nextAnswer >= MAX_PIPELINED) {
                ctx.channel().config().setAutoRead(false); // resumes as answers go out
            }
            CompletableFuture<ApiResponse> f = new CompletableFuture<>();
            f.whenComplete((r, e) -> {
                ApiResponse resp = r != null ? r : ApiResponse.error(new ApiError(500, "internal error",
                        String.valueOf(e)), null);
                if (ctx.executor().inEventLoop()) {
                    ready(ctx, seq, new Answer(resp, keepAlive));
                } else {
                    ctx.executor().execute(() -> ready(ctx, seq, new Answer(resp, keepAlive)));
                }
            });
            return f;
        }

        private void ready(ChannelHandlerContext ctx, long seq, Answer a) {
            ready.put(seq, a);
            boolean wrote = false;
            while (!ready.isEmpty() && ready.firstKey() == nextAnswer) {
                Answer next = ready.pollFirstEntry().getValue();
                nextAnswer++;
                guard.pending(-1);
                write(ctx, next.response(), next.keepAlive() && !guard.done());
                wrote = true;
                if (!next.keepAlive() || guard.done()) {
                    ready.clear();
                    return;
                }
            }
            if (wrote && !lastTaken && nextRequest - nextAnswer < MAX_PIPELINED) {
                ctx.channel().config().setAutoRead(true);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("admin connection error: {}", cause.toString());
            ctx.close();
        }
    }

    /**
     * The decoded segments of a raw path. Only %XX escapes are decoded: a '+' in a path is a plus
     * sign (form encoding's space applies to query strings, not paths).
     */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                segments.add(QueryStringDecoder.decodeComponent(s.replace("+", "%2B")));
            }
        }
        return segments;
    }

    /** Copies what the API needs out of the Netty request (which is released when channelRead returns). */
    static ApiRequest toApiRequest(FullHttpRequest req) {
        QueryStringDecoder q = new QueryStringDecoder(req.uri());
        List<String> segments = segments(q.rawPath());
        byte[] body = new byte[req.content().readableBytes()];
        req.content().getBytes(req.content().readerIndex(), body);
        Map<String, List<String>> query = q.parameters();
        return new ApiRequest(req.method().name(), q.path(), segments, query,
                req.headers().get(HttpHeaderNames.AUTHORIZATION), body, req.headers().get(HttpHeaderNames.ACCEPT));
    }

    private static void write(ChannelHandlerContext ctx, ApiResponse r, boolean keepAlive) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
                Unpooled.wrappedBuffer(r.body()));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        res.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        r.headers().forEach(res.headers()::set);
        if (keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(res);
        } else {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
