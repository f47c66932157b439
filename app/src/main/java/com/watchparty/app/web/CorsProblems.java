package com.watchparty.app.web;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.Rejection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

import java.io.IOException;

/**
 * A cross-origin request this service does not allow (any preflight to the REST API, which allows no other origin)
 * is refused by Spring's CORS processor with a plain-text "Invalid CORS request". Both places that run it, Spring
 * Security's CORS filter and Spring MVC's handler mappings, get one that answers a problem instead.
 */
@Component
class CorsProblems implements BeanPostProcessor {

    private final CorsProcessor processor;

    CorsProblems(ObjectProvider<ProblemWriter> problems) {
        this.processor = new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                // the processor hands over no request: the problem names no path
                problems.getObject().write(((ServletServerHttpResponse) response).getServletResponse(),
                        new Rejection(ErrorCode.FORBIDDEN, "this cross-origin request is not allowed", null), null);
            }
        };
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractHandlerMapping mapping) {
            mapping.setCorsProcessor(processor);
        } else if (bean instanceof SecurityFilterChain chain) {
            chain.getFilters().stream().filter(CorsFilter.class::isInstance).map(CorsFilter.class::cast)
                    .forEach(filter -> filter.setCorsProcessor(processor));
        }
        return bean;
    }
}
