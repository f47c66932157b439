package com.watchparty.realtime.transport;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Socket.IO (protocol v5 over Engine.IO v4) at {@code /socket.io/} on the service's own port: long-polling through
 * {@link EngineIoPollingController}, WebSocket through {@link EngineIoWebSocketHandler}. Namespaces hang off the
 * {@link SocketIoServer} bean; the room's is the {@code watchPartyNamespace} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(RealtimeProperties.class)
class SocketIoConfiguration {

    static final String PATH = "/socket.io/";
    static final String WATCH_PARTY_NAMESPACE = "/watch-party";
    static final int FRAME_BUFFER = 1024;

    @Bean(destroyMethod = "shutdown")
    EngineIoServer engineIoServer(RealtimeProperties properties, ScheduledExecutorService engineIoTimers) {
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault()
                .setPingInterval(properties.pingInterval().toMillis())
                .setPingTimeout(properties.pingTimeout().toMillis())
                // The library's default answers every origin with credentials; only the configured ones get CORS.
                .setAllowedCorsOrigins(properties.allowsEveryOrigin() ? EngineIoServerOptions.ALLOWED_CORS_ORIGIN_ALL
                        : properties.allowedOrigins().toArray(String[]::new));
        options.setScheduledExecutorService(engineIoTimers);
        return new EngineIoServer(options);
    }

    /**
     * The engine's timers (pings, ping timeouts, upgrades), as many threads as the library would start itself. Every
     * packet a client sends cancels its socket's ping timeout and schedules a new one; a cancelled timer is taken out
     * of the queue at once, where the library's own pool kept it until it was due, 45 s later, and woke a thread
     * then to discard it: 400 wake-ups a second for a room chatting at 400 messages a second.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService engineIoTimers() {
        AtomicInteger threads = new AtomicInteger();
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(
                EngineIoServerOptions.newFromDefault().getMaxTimeoutThreadPoolSize(), r -> {
                    Thread thread = new Thread(r, "engineIo-timers-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    @Bean
    SocketIoServer socketIoServer(EngineIoServer engineIoServer) {
        return new SocketIoServer(engineIoServer);
    }

    @Bean
    SocketIoNamespace watchPartyNamespace(SocketIoServer socketIoServer) {
        return socketIoServer.namespace(WATCH_PARTY_NAMESPACE);
    }

    @Bean
    WebSocketConfigurer engineIoWebSocketEndpoint(EngineIoServer engineIoServer, RealtimeProperties properties,
                                                  WebSocketTransports transports) {
        // An empty list keeps Spring's default: same-origin pages and clients without an Origin header only.
        return registry -> registry.addHandler(new EngineIoWebSocketHandler(engineIoServer, properties, transports),
                        PATH)
                .setAllowedOrigins(properties.allowedOrigins().toArray(String[]::new));
    }

    @Bean
    FilterRegistrationBean<NoCompressionFilter> socketIoNoCompression() {
        FilterRegistrationBean<NoCompressionFilter> registration = new FilterRegistrationBean<>(new NoCompressionFilter());
        registration.addUrlPatterns(PATH + "*");
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> inlineSendCompletions() {
        return factory -> factory.setProtocol(InlineCompletionProtocol.class.getName());
    }

    /**
     * Tomcat gives every WebSocket a text buffer (of chars) and a binary one of these sizes, up front, for as long as
     * it is open: sized for a chat line, not for the largest message, since {@link EngineIoWebSocketHandler} takes
     * longer messages in parts and puts them together up to the payload limit.
     */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(FRAME_BUFFER);
        container.setMaxBinaryMessageBufferSize(FRAME_BUFFER);
        return container;
    }
}
