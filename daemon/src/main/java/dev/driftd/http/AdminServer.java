package dev.driftd.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The admin HTTP server on Netty: codec, aggregator with a request size limit (larger bodies get
 * 413 from the aggregator), and a handler that hands each request to {@link AdminApi} on a small
 * worker pool, so that fleet-service calls (diffs, plans, scrapes) never block the event loop.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final int MAX_INITIAL_LINE = 8192;
    private static final int MAX_HEADERS = 16384;

    private final AdminApi api;
    private final HttpSettings settings;
    private EventLoopGroup group;
    private ExecutorService workers;
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
        workers = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                new DefaultThreadFactory("driftd-http-worker", true));
        ((ThreadPoolExecutor) workers).allowCoreThreadTimeOut(true);
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
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, 8192))
                                .addLast(new HttpObjectAggregator(settings.maxRequestBytes()))
                                .addLast(new RequestHandler());
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
    }

    private final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            if (!req.decoderResult().isSuccess()) {
                write(ctx, ApiResponse.error(ApiError.badRequest("malformed HTTP request")), false);
                return;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            ApiRequest request;
            try {
                request = toApiRequest(req);
            } catch (IllegalArgumentException e) {
                write(ctx, ApiResponse.error(ApiError.badRequest(e.getMessage())), keepAlive);
                return;
            }
            long start = System.nanoTime();
            try {
                CompletableFuture.supplyAsync(() -> api.handle(request), workers)
                        .thenCompose(f -> f)
                        .whenComplete((resp, err) -> {
                            ApiResponse r = resp != null ? resp
                                    : ApiResponse.error(new ApiError(500, "internal error", String.valueOf(err)));
                            if (LOG.isDebugEnabled()) {
                                LOG.debug("{} {} -> {} in {} ms", request.method(), request.path(), r.status(),
                                        (System.nanoTime() - start) / 1_000_000);
                            }
                            write(ctx, r, keepAlive);
                        });
            } catch (RejectedExecutionException e) {
                write(ctx, ApiResponse.error(new ApiError(503, "busy", "too many requests in progress")), false);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("admin connection error: {}", cause.toString());
            ctx.close();
        }
    }

    /** Copies what the API needs out of the Netty request (which is released when channelRead0 returns). */
    static ApiRequest toApiRequest(FullHttpRequest req) {
        QueryStringDecoder q = new QueryStringDecoder(req.uri());
        String rawPath = q.rawPath();
        List<String> segments = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                segments.add(QueryStringDecoder.decodeComponent(s));
            }
        }
        byte[] body = new byte[req.content().readableBytes()];
        req.content().getBytes(req.content().readerIndex(), body);
        Map<String, List<String>> query = q.parameters();
        return new ApiRequest(req.method().name(), q.path(), segments, query,
                req.headers().get(HttpHeaderNames.AUTHORIZATION), body);
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
